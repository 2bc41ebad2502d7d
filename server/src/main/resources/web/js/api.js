// The one module that talks to the server: JSON, VOTable and CSV answers, error messages, and the async jobs this
// browser created. Every URL is relative to this server (the pages load nothing from elsewhere).

/** A failed request: the HTTP status and the server's message (a VOTable QUERY_STATUS, a UWS error or plain text). */
export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }

  /** {line, column} when the message names an ADQL position ("error at 2:5: ..."), else null. */
  get position() {
    const match = /error at (\d+):(\d+)/.exec(this.message);
    return match ? {line: Number(match[1]), column: Number(match[2])} : null;
  }
}

/** fetch(), throwing an ApiError with the server's message when the answer is not 2xx. */
export async function request(path, options = {}) {
  let response;
  try {
    response = await fetch(path, options);
  } catch (cause) {
    throw new ApiError(0, `The server did not answer ${path}: ${cause.message}`);
  }
  if (!response.ok) {
    throw new ApiError(response.status, await messageOf(response));
  }
  return response;
}

export async function getJson(path) {
  return (await request(path, {headers: {Accept: 'application/json'}})).json();
}

export async function getText(path) {
  return (await request(path)).text();
}

/** POST a FormData (multipart) or URLSearchParams (form) body. */
export async function post(path, body) {
  return request(path, {method: 'POST', body});
}

/** The message of an error answer, whatever its form. */
export async function messageOf(response) {
  const text = await response.text();
  const type = response.headers.get('content-type') || '';
  if (type.includes('json')) {
    try {
      const body = JSON.parse(text);
      return body.message || body.error || text;
    } catch (ignored) {
      return text;
    }
  }
  if (type.includes('xml') || text.startsWith('<?xml')) {
    const doc = new DOMParser().parseFromString(text, 'application/xml');
    const info = [...doc.getElementsByTagName('INFO')].find(e => e.getAttribute('name') === 'QUERY_STATUS');
    if (info) return info.textContent.trim();
    const message = doc.getElementsByTagNameNS('*', 'message')[0];
    if (message) return message.textContent.trim();
  }
  return text.trim() || `HTTP ${response.status}`;
}

/**
 * A VOTable TABLEDATA document as {columns: [{name, unit, ucd, datatype, description}], rows: [[text]], overflow,
 * error}. Error documents give error (the QUERY_STATUS message) and no rows.
 */
export function parseVoTable(text) {
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  if (doc.getElementsByTagName('parsererror').length > 0) {
    throw new ApiError(0, 'The answer is not a VOTable: ' + text.substring(0, 200));
  }
  const infos = [...doc.getElementsByTagName('INFO')].filter(e => e.getAttribute('name') === 'QUERY_STATUS');
  const error = infos.find(e => e.getAttribute('value') === 'ERROR');
  const columns = [...doc.getElementsByTagName('FIELD')].map(field => ({
    name: field.getAttribute('name'),
    unit: field.getAttribute('unit') || '',
    ucd: field.getAttribute('ucd') || '',
    datatype: field.getAttribute('datatype') || '',
    description: field.getElementsByTagName('DESCRIPTION')[0]?.textContent.trim() || '',
  }));
  const rows = [...doc.getElementsByTagName('TR')].map(tr => [...tr.getElementsByTagName('TD')].map(td => td.textContent));
  return {
    columns, rows,
    overflow: infos.some(e => e.getAttribute('value') === 'OVERFLOW'),
    error: error ? error.textContent.trim() : null,
  };
}

/**
 * The header and first `maxRows` rows of a CSV answer, reading the stream only as far as needed and then cancelling
 * it (a large result is never downloaded whole). Quoted fields with commas, quotes and newlines are handled.
 */
export async function firstCsvRows(response, maxRows) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  const records = [];
  let text = '';
  let done = false;
  let complete = false;
  while (!done && records.length <= maxRows) {
    const chunk = await reader.read();
    done = chunk.done;
    text += done ? decoder.decode() : decoder.decode(chunk.value, {stream: true});
    const parsed = parseCsv(text, done);
    records.push(...parsed.records);
    text = parsed.rest;
  }
  if (done) {
    complete = true;
  } else {
    await reader.cancel();
  }
  const [header = [], ...rows] = records;
  return {header, rows: rows.slice(0, maxRows), more: !complete || rows.length > maxRows};
}

/** Complete CSV records of `text`; `rest` is the unfinished tail (all of it is a record when `final`). */
export function parseCsv(text, final) {
  const records = [];
  let record = [];
  let field = '';
  let quoted = false;
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') { field += '"'; i++; } else { quoted = false; }
      } else {
        field += c;
      }
    } else if (c === '"') {
      quoted = true;
    } else if (c === ',') {
      record.push(field); field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field); field = '';
      records.push(record); record = [];
      start = i + 1;
    } else {
      field += c;
    }
  }
  if (final && (field !== '' || record.length > 0)) {
    record.push(field);
    records.push(record);
    start = text.length;
  }
  return {records, rest: text.substring(start)};
}

/** The text of the first element named `local` (any namespace) of an XML document, or ''. */
export function xmlText(doc, local) {
  return doc.getElementsByTagNameNS('*', local)[0]?.textContent.trim() || '';
}

export function parseXml(text) {
  return new DOMParser().parseFromString(text, 'application/xml');
}

/** The path of a job URL answered by a 303 (fetch follows it: response.url is the job's own URL). */
export function pathOf(url) {
  const parsed = new URL(url, window.location.href);
  return parsed.pathname;
}
