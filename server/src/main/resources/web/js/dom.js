// Small DOM helpers shared by every page: elements built with text nodes only (never innerHTML), so data from the
// server is shown as text and cannot inject markup.

/** An element: el('a', {href: '/x', class: 'c'}, 'text', child, ...). Attributes null/false are skipped. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === null || value === undefined || value === false) continue;
    if (name.startsWith('on') && typeof value === 'function') {
      element.addEventListener(name.substring(2), value);
    } else if (value === true) {
      element.setAttribute(name, '');
    } else {
      element.setAttribute(name, String(value));
    }
  }
  append(element, children);
  return element;
}

function append(element, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(element, child);
    else element.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the content of `element` by `children`. */
export function replace(element, ...children) {
  element.replaceChildren();
  append(element, children);
  return element;
}

/** A whole number with thousands separators (1,234,567); other values as they are. */
export function count(value) {
  return typeof value === 'number' && Number.isFinite(value) ? value.toLocaleString('en-GB') : String(value ?? '');
}

/** A table with a header row and body rows of cells (strings, numbers or nodes); numbers right-aligned. */
export function table(headers, rows, attributes = {}) {
  return el('table', attributes,
    el('thead', {}, el('tr', {}, headers.map(header => el('th', {scope: 'col'}, header)))),
    el('tbody', {}, rows.map(row => el('tr', {}, row.map(cell =>
      el('td', {class: typeof cell === 'number' ? 'number' : null}, typeof cell === 'number' ? count(cell) : cell))))));
}

/** An error box (role=alert so screen readers announce it). */
export function errorBox(message, ...details) {
  return el('div', {class: 'error', role: 'alert'}, el('strong', {}, 'Error: '), message, ...details);
}

/** The value of a query-string parameter of this page, or null. */
export function pageParameter(name) {
  return new URLSearchParams(window.location.search).get(name);
}
