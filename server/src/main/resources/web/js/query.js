// The Query page: an ADQL editor with the service's examples, sync runs showing the first MAXREC rows (a VOTable
// TABLEDATA answer, parsed here), async jobs, errors pointing at the line and column, and download links in every
// RESPONSEFORMAT.
import {el, replace, errorBox, pageParameter} from './dom.js';
import {ApiError, getText, post, parseVoTable, parseXml, xmlText} from './api.js';

export const FORMATS = [
  {value: 'votable', label: 'VOTable (BINARY2)', suffix: 'vot'},
  {value: 'votable/td', label: 'VOTable (TABLEDATA)', suffix: 'xml'},
  {value: 'csv', label: 'CSV', suffix: 'csv'},
  {value: 'tsv', label: 'TSV', suffix: 'tsv'},
  {value: 'fits', label: 'FITS', suffix: 'fits'},
  {value: 'parquet', label: 'Parquet', suffix: 'parquet'},
];
const MAX_SHOWN = 1000;
const editor = document.getElementById('adql');
const maxrec = document.getElementById('maxrec');
const status = document.getElementById('run-status');
const errorArea = document.getElementById('error');
const result = document.getElementById('result');
const examples = [];

function syncUrl(query, format, rows) {
  const parameters = new URLSearchParams({REQUEST: 'doQuery', LANG: 'ADQL', RESPONSEFORMAT: format, QUERY: query});
  if (rows !== undefined) parameters.set('MAXREC', String(rows));
  return `/tap/sync?${parameters}`;
}

function writeDownloads() {
  const query = editor.value;
  replace(document.getElementById('downloads'), FORMATS.map(format =>
    el('li', {}, el('a', {href: syncUrl(query, format.value), download: `result.${format.suffix}`,
      'data-format': format.value}, format.label))));
}

async function loadExamples() {
  const select = document.getElementById('example');
  try {
    const doc = parseXml(await getText('/tap/examples'));
    for (const example of doc.querySelectorAll('[typeof="example"]')) {
      const name = example.querySelector('[property="name"]')?.textContent.trim();
      const query = example.querySelector('[property="query"]')?.textContent.trim();
      if (name && query) examples.push({name, query});
    }
    replace(select, el('option', {value: ''}, `(${examples.length} examples)`),
      examples.map((example, index) => el('option', {value: index}, example.name)));
  } catch (error) {
    replace(select, el('option', {value: ''}, '(no examples: ' + error.message + ')'));
  }
  document.getElementById('use-example').addEventListener('click', () => {
    const chosen = examples[Number(select.value)];
    if (select.value !== '' && chosen) {
      editor.value = chosen.query;
      writeDownloads();
      editor.focus();
    }
  });
}

function showError(error) {
  const details = [];
  const position = error instanceof ApiError ? error.position : null;
  if (position) {
    const lines = editor.value.split('\n');
    const line = lines[position.line - 1] ?? '';
    details.push(el('p', {class: 'position'}, `At line ${position.line}, column ${position.column}:`),
      el('pre', {}, `${line}\n${' '.repeat(Math.max(0, position.column - 1))}^`),
      el('button', {type: 'button', onclick: () => select(position)}, 'Show it in the editor'));
    select(position, false);
  }
  replace(errorArea, errorBox(error.message, ...details));
}

/** Moves the editor's caret to a line and column (1-based), selecting the character there. */
function select({line, column}, focus = true) {
  const lines = editor.value.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) offset += lines[i].length + 1;
  offset += Math.max(0, column - 1);
  editor.setSelectionRange(offset, Math.min(editor.value.length, offset + 1));
  if (focus) editor.focus();
}

function rowsTable(parsed) {
  return el('div', {class: 'table-scroll'}, el('table', {class: 'results', id: 'result-table'},
    el('thead', {}, el('tr', {}, parsed.columns.map(column =>
      el('th', {scope: 'col', title: [column.unit, column.ucd, column.description].filter(Boolean).join(' · ')},
        column.name, column.unit ? el('span', {class: 'hint'}, ` [${column.unit}]`) : null)))),
    el('tbody', {}, parsed.rows.map(row => el('tr', {}, row.map(cell => el('td', {}, cell)))))));
}

async function runSync(query, rows) {
  const response = await fetch(syncUrl(query, 'votable/td', rows));
  const parsed = parseVoTable(await response.text());
  if (parsed.error !== null || !response.ok) {
    throw new ApiError(response.status, parsed.error || `HTTP ${response.status}`);
  }
  const more = parsed.overflow ? ` (the first ${rows}: there are more; download for the rest)` : '';
  replace(result, el('p', {class: 'status', id: 'row-count'}, `${parsed.rows.length} rows${more}.`), rowsTable(parsed));
  status.textContent = 'Done.';
}

async function runAsync(query) {
  const format = document.getElementById('async-format').value;
  const body = new URLSearchParams({REQUEST: 'doQuery', LANG: 'ADQL', RESPONSEFORMAT: format, QUERY: query, PHASE: 'RUN'});
  const job = (await post('/tap/async', body)).url;
  const path = new URL(job).pathname;
  replace(result, el('p', {class: 'status'}, 'Job ', el('a', {href: path}, path), ' created; the ',
    el('a', {href: '/portal/jobs.html'}, 'Jobs page'), ' follows it too.'));
  for (;;) {
    const phase = (await getText(`${path}/phase`)).trim();
    status.textContent = `Job ${phase}.`;
    if (phase === 'COMPLETED') {
      result.append(el('p', {}, el('a', {href: `${path}/results/result`, download: `result.${FORMATS.find(f => f.value === format).suffix}`,
        id: 'async-result'}, 'Download the job\'s result')));
      return;
    }
    if (phase === 'ERROR' || phase === 'ABORTED') {
      const doc = parseXml(await getText(path));
      throw new ApiError(0, xmlText(doc, 'message') || `The job ended in phase ${phase}`);
    }
    await new Promise(resolve => setTimeout(resolve, 500));
  }
}

async function run(event) {
  event?.preventDefault();
  const query = editor.value.trim();
  replace(errorArea);
  if (!query) {
    showError(new Error('Expected an ADQL query in the editor. Actual: nothing'));
    return;
  }
  const rows = Number(maxrec.value);
  if (!Number.isInteger(rows) || rows < 1 || rows > MAX_SHOWN) {
    showError(new Error(`Expected the rows to show in [1, ${MAX_SHOWN}]. Actual: ${maxrec.value}`));
    maxrec.focus();
    return;
  }
  const button = document.getElementById('run');
  button.disabled = true;
  status.textContent = 'Running…';
  try {
    if (document.getElementById('mode-async').checked) await runAsync(query);
    else await runSync(query, rows);
  } catch (error) {
    status.textContent = 'Failed.';
    replace(result);
    showError(error);
  } finally {
    button.disabled = false;
  }
}

const given = pageParameter('query');
if (given) editor.value = given;
editor.addEventListener('input', writeDownloads);
editor.addEventListener('keydown', event => {
  if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) run(event);
});
document.getElementById('query-form').addEventListener('submit', run);
writeDownloads();
loadExamples();
