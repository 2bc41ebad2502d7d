// The Columns page: the documentation of every column of a table (from /api/tables, the same model as VOSI) and a
// column picker that writes the SELECT list and hands it to the Query page (?query=...).
import {el, replace, count, errorBox, pageParameter} from './dom.js';
import {getJson} from './api.js';

const tableSelect = document.getElementById('table');
const search = document.getElementById('search');
const output = document.getElementById('select-list');
const openQuery = document.getElementById('open-query');
const container = document.getElementById('columns');
let tables = [];
let current = null;
const ticked = new Set();

async function start() {
  try {
    tables = (await getJson('/api/tables')).tables;
  } catch (error) {
    replace(container, errorBox(error.message));
    return;
  }
  replace(tableSelect, tables.map(t => el('option', {value: t.name}, t.name)));
  const wanted = pageParameter('table');
  const initial = tables.find(t => wanted && t.name.toLowerCase() === wanted.toLowerCase())
    || tables.find(t => t.schema !== 'TAP_SCHEMA') || tables[0];
  tableSelect.value = initial.name;
  tableSelect.addEventListener('change', () => choose(tableSelect.value));
  search.addEventListener('input', filter);
  document.getElementById('select-shown').addEventListener('click', () => {
    for (const row of container.querySelectorAll('tbody tr:not([hidden])')) ticked.add(row.dataset.column);
    syncBoxes();
  });
  document.getElementById('clear').addEventListener('click', () => {
    ticked.clear();
    syncBoxes();
  });
  document.getElementById('picker-form').addEventListener('submit', event => event.preventDefault());
  choose(initial.name);
}

function choose(name) {
  current = tables.find(t => t.name === name);
  ticked.clear();
  const facts = current.rows === null ? '' : `${count(current.rows)} rows, `;
  document.getElementById('table-facts').textContent = `${facts}${current.columns.length} columns`;
  replace(container, el('div', {class: 'table-scroll'}, el('table', {id: 'column-table'},
    el('caption', {class: 'visually-hidden'}, `Columns of ${current.name}`),
    el('thead', {}, el('tr', {}, ['pick', 'column', 'type', 'unit', 'UCD', 'description'].map(h => el('th', {scope: 'col'}, h)))),
    el('tbody', {}, current.columns.map(columnRow)))));
  filter();
  write();
}

function columnRow(column) {
  const id = `pick-${column.name}`;
  const description = [column.description];
  if (column.band) description.push(el('br'), `Band: ${column.band}.`);
  if (column.null_meaning) description.push(el('br'), `Null means: ${column.null_meaning}`);
  if (column.flags) {
    description.push(el('div', {class: 'hint'}, column.flags.length ? 'Flag bits:' : 'Flag column (no bit documented).'),
      el('ul', {class: 'bits', 'aria-label': `Bits of ${column.name}`}, column.flags.map(bit =>
        el('li', {'data-bit': bit.bit}, el('code', {}, `bit ${bit.bit} (${bit.mask})`), ' ', el('strong', {}, bit.name), `: ${bit.description}`))));
  }
  const box = el('input', {type: 'checkbox', id, 'data-column': column.name,
    onchange: event => { event.target.checked ? ticked.add(column.name) : ticked.delete(column.name); write(); }});
  const searchable = [column.name, column.unit, column.ucd, column.description, column.band || '', column.null_meaning,
    ...(column.flags || []).map(bit => `${bit.name} ${bit.description}`)].join(' ').toLowerCase();
  return el('tr', {'data-column': column.name, 'data-search': searchable},
    el('td', {}, box), el('td', {}, el('label', {for: id}, el('code', {}, column.name))), el('td', {}, column.datatype),
    el('td', {class: 'unit'}, column.unit), el('td', {class: 'ucd'}, el('code', {}, column.ucd)), el('td', {class: 'description'}, description));
}

function filter() {
  const words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
  let shown = 0;
  for (const row of container.querySelectorAll('tbody tr')) {
    const visible = words.every(word => row.dataset.search.includes(word));
    row.hidden = !visible;
    if (visible) shown++;
  }
  document.getElementById('search-count').textContent = `${shown} of ${current.columns.length} columns shown`;
}

function syncBoxes() {
  for (const box of container.querySelectorAll('input[type="checkbox"]')) box.checked = ticked.has(box.dataset.column);
  write();
}

/** ADQL needs a delimited identifier for names that are not regular (or are reserved words such as "size"). */
function identifier(name) {
  return /^[A-Za-z][A-Za-z0-9_]*$/.test(name) && !RESERVED.has(name.toUpperCase()) ? name : `"${name.replaceAll('"', '""')}"`;
}

const RESERVED = new Set(['SIZE', 'SELECT', 'FROM', 'WHERE', 'ORDER', 'GROUP', 'BY', 'TOP', 'DISTINCT', 'AS', 'AND',
  'OR', 'NOT', 'NULL', 'IS', 'IN', 'JOIN', 'ON', 'DATE', 'TIME', 'VALUE', 'POSITION', 'USER', 'KEY', 'COUNT']);

function write() {
  // keep the table's column order, whatever the order of ticking
  const names = current.columns.map(c => c.name).filter(name => ticked.has(name));
  const list = names.length ? names.map(identifier).join(', ') : '*';
  const query = `SELECT TOP 100 ${list}\nFROM ${current.name}`;
  output.value = query;
  openQuery.href = `/portal/query.html?query=${encodeURIComponent(query)}`;
}

start();
