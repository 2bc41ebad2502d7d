// The Cross-match page: a multipart POST /xmatch built from the form; the preview asks for CSV and reads only the
// first rows of the answer; downloads fetch the chosen RESPONSEFORMAT and save it; jobs go to /xmatch/async.
import {el, replace, errorBox} from './dom.js';
import {getJson, request, post, firstCsvRows} from './api.js';
import {saveBlob} from './files.js';

const FORMATS = [['csv', 'CSV', 'csv'], ['votable', 'VOTable', 'vot'], ['fits', 'FITS', 'fits'], ['parquet', 'Parquet', 'parquet']];
const form = document.getElementById('xmatch-form');
const status = document.getElementById('match-status');
const errorArea = document.getElementById('error');
const result = document.getElementById('result');
let tables = new Map();

async function start() {
  try {
    const [{surveys}, {tables: all}] = await Promise.all([getJson('/api/surveys'), getJson('/api/tables')]);
    tables = new Map(all.map(t => [t.name, t]));
    replace(document.getElementById('survey-boxes'), surveys.map(survey => el('span', {class: 'field'},
      el('input', {type: 'checkbox', id: `survey-${survey.name}`, name: 'surveys', value: survey.name,
        'data-table': survey.tables[0]?.name, onchange: writeColumnChoices}),
      el('label', {for: `survey-${survey.name}`}, `${survey.name} `, el('span', {class: 'hint'}, survey.title)))));
  } catch (error) {
    replace(errorArea, errorBox(error.message));
  }
  const downloads = document.getElementById('download-buttons');
  for (const [format, label, suffix] of FORMATS) {
    downloads.append(el('button', {type: 'button', 'data-format': format, onclick: () => download(format, suffix)}, label));
  }
  form.addEventListener('submit', preview);
  document.getElementById('match-async').addEventListener('click', runAsync);
}

/** One list of columns per ticked survey (the survey's first table), sent as survey_columns.NAME. */
function writeColumnChoices() {
  const container = document.getElementById('survey-columns');
  const kept = new Map([...container.querySelectorAll('select')].map(s => [s.dataset.survey,
    new Set([...s.selectedOptions].map(o => o.value))]));
  replace(container, [...form.querySelectorAll('input[name="surveys"]:checked')].map(box => {
    const table = tables.get(box.dataset.table);
    const chosen = kept.get(box.value);
    const id = `columns-${box.value}`;
    return el('div', {class: 'field'},
      el('label', {for: id}, `${box.value} columns`),
      el('select', {id, multiple: true, size: 5, 'data-survey': box.value, 'aria-describedby': `${id}-hint`},
        (table?.columns || []).map(c => el('option', {value: c.name, selected: chosen?.has(c.name) || false}, c.name))),
      el('span', {class: 'hint', id: `${id}-hint`}, 'none chosen: id, ra, dec (Ctrl+click or Shift+arrows for several)'));
  }));
}

function body(format) {
  const data = new FormData();
  const file = document.getElementById('upload').files[0];
  if (!file) throw new Error('Expected a catalogue file to upload. Actual: none chosen');
  const surveys = [...form.querySelectorAll('input[name="surveys"]:checked')].map(box => box.value);
  if (surveys.length === 0) throw new Error('Expected at least one survey ticked. Actual: none');
  data.append('surveys', surveys.join(','));
  data.append('radius', document.getElementById('radius').value.trim());
  data.append('find', document.getElementById('find').value);
  const uploadColumns = document.getElementById('upload-columns').value.trim();
  if (uploadColumns) data.append('upload_columns', uploadColumns);
  if (document.getElementById('status').checked) data.append('status', 'true');
  for (const select of document.querySelectorAll('#survey-columns select')) {
    const columns = [...select.selectedOptions].map(option => option.value);
    if (columns.length) data.append(`survey_columns.${select.dataset.survey}`, columns.join(','));
  }
  data.append('RESPONSEFORMAT', format);
  data.append('upload', file, file.name);
  return data;
}

async function guarded(action, busy) {
  replace(errorArea);
  status.textContent = busy;
  for (const button of form.querySelectorAll('button')) button.disabled = true;
  try {
    await action();
  } catch (error) {
    status.textContent = 'Failed.';
    replace(errorArea, errorBox(error.message));
  } finally {
    for (const button of form.querySelectorAll('button')) button.disabled = false;
  }
}

function preview(event) {
  event.preventDefault();
  return guarded(async () => {
    const rows = Math.min(1000, Math.max(1, Number(document.getElementById('rows').value) || 20));
    const response = await post('/xmatch', body('csv'));
    const {header, rows: first, more} = await firstCsvRows(response, rows);
    replace(result, el('p', {class: 'status', id: 'row-count'},
      more ? `The first ${first.length} rows (there are more: download for all).` : `${first.length} rows.`),
      el('div', {class: 'table-scroll'}, el('table', {class: 'results', id: 'result-table'},
        el('thead', {}, el('tr', {}, header.map(name => el('th', {scope: 'col'}, name)))),
        el('tbody', {}, first.map(row => el('tr', {}, row.map(cell => el('td', {}, cell))))))));
    status.textContent = 'Done.';
  }, 'Matching…');
}

function download(format, suffix) {
  return guarded(async () => {
    const response = await post('/xmatch', body(format));
    saveBlob(await response.blob(), `xmatch.${suffix}`);
    status.textContent = `Saved xmatch.${suffix}.`;
  }, `Matching for ${format}…`);
}

function runAsync() {
  return guarded(async () => {
    const format = 'csv';
    const response = await request('/xmatch/async', {method: 'POST', body: body(format)});
    const path = new URL(response.url).pathname;
    replace(result, el('p', {}, 'Job ', el('a', {href: path}, path), ' created: follow it on the ',
      el('a', {href: '/portal/jobs.html'}, 'Jobs page'), '.'));
    status.textContent = 'Job created.';
  }, 'Creating the job…');
}

start();
