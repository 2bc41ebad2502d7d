// The Cutouts page: one PNG preview per imaged band (GET /cutouts/preview, fetched so a "no plate here" answer is
// shown as text), an object id resolved to its position by a one-row TAP query, and the same stamps as FITS or NumPy
// from POST /cutouts.
import {el, replace, errorBox, pageParameter} from './dom.js';
import {ApiError, getJson, getText, request, post, parseVoTable} from './api.js';
import {saveBlob} from './files.js';

const form = document.getElementById('cutout-form');
const surveySelect = document.getElementById('survey');
const status = document.getElementById('cutout-status');
const errorArea = document.getElementById('error');
const stamps = document.getElementById('stamps');
let surveys = [];
let shownUrls = [];

async function start() {
  try {
    surveys = (await getJson('/api/surveys')).surveys.filter(s => s.bands.some(b => b.plates > 0));
  } catch (error) {
    replace(errorArea, errorBox(error.message));
    return;
  }
  if (surveys.length === 0) {
    replace(stamps, el('p', {}, 'No survey of this archive has images.'));
    for (const button of form.querySelectorAll('button')) button.disabled = true;
    return;
  }
  replace(surveySelect, surveys.map(s => el('option', {value: s.name}, `${s.name} — ${s.title}`)));
  const wanted = pageParameter('survey');
  if (wanted && surveys.some(s => s.name === wanted)) surveySelect.value = wanted;
  surveySelect.addEventListener('change', describe);
  describe();
  form.addEventListener('submit', event => { event.preventDefault(); guarded(show, 'Cutting…'); });
  document.getElementById('download-fits').addEventListener('click', () => guarded(() => download('fits'), 'Cutting FITS…'));
  document.getElementById('download-npy').addEventListener('click', () => guarded(() => download('npy'), 'Cutting NumPy…'));
  document.getElementById('batch-form').addEventListener('submit', event => { event.preventDefault(); guarded(batch, 'Creating the job…'); });
  for (const [input, radio] of [['ra', 'by-position'], ['dec', 'by-position'], ['object-id', 'by-object']]) {
    document.getElementById(input).addEventListener('input', () => { document.getElementById(radio).checked = true; });
  }
}

function survey() {
  return surveys.find(s => s.name === surveySelect.value);
}

function imagedBands() {
  return survey().bands.filter(b => b.plates > 0).map(b => b.name);
}

function describe() {
  const chosen = survey();
  document.getElementById('survey-bands').textContent = `bands with images: ${imagedBands().join(', ')}`;
  document.getElementById('object-hint').textContent = `the ${chosen.tables[0].id_column} column of ${chosen.tables[0].name}`;
  if (chosen.example_position) examplePosition(chosen);
}

/** The survey's magnitude column in {@code band} (its UCD phot.mag;em...), from the column documentation. */
async function magnitudeColumn(table, band) {
  const columns = (await getJson(`/api/tables/${encodeURIComponent(table.name)}`)).columns;
  const found = columns.find(c => c.band === band && (c.ucd || '').startsWith('phot.mag;em'));
  return found ? found.name : null;
}

/**
 * Prefills the position with the brightest catalogue source on the survey's first plate (a one-row TAP query inside
 * the largest circle on the plate), so that the first stamps show an object; the plate's centre when there is none.
 */
async function examplePosition(chosen) {
  const example = chosen.example_position;
  const hint = document.getElementById('position-hint');
  let where = {ra: example.ra, dec: example.dec};
  hint.textContent = 'the centre of the first plate';
  try {
    const table = chosen.tables[0];
    const magnitude = example.plate_radius_deg ? await magnitudeColumn(table, example.band) : null;
    if (magnitude) {
      const query = `SELECT TOP 1 ${table.id_column}, ${table.ra_column}, ${table.dec_column} FROM ${table.name}`
        + ` WHERE 1 = CONTAINS(POINT(${table.ra_column}, ${table.dec_column}), CIRCLE(${example.ra}, ${example.dec},`
        + ` ${example.plate_radius_deg * 0.9})) AND ${magnitude} IS NOT NULL ORDER BY ${magnitude}`;
      const parsed = parseVoTable(await getText(`/tap/sync?${new URLSearchParams({LANG: 'ADQL', QUERY: query, RESPONSEFORMAT: 'votable/td'})}`));
      if (parsed.rows.length > 0) {
        where = {ra: Number(parsed.rows[0][1]), dec: Number(parsed.rows[0][2])};
        hint.textContent = `the brightest source of ${table.name} on the first plate (${table.id_column} ${parsed.rows[0][0]}, ${magnitude} ${example.band})`;
      }
    }
  } catch (ignored) {
    // the plate's centre is still a position with pixels
  }
  if (survey() !== chosen) return; // another survey was chosen meanwhile
  document.getElementById('ra').value = where.ra.toFixed(6);
  document.getElementById('dec').value = where.dec.toFixed(6);
}

async function guarded(action, busy) {
  replace(errorArea);
  status.textContent = busy;
  for (const button of form.querySelectorAll('button')) button.disabled = true;
  try {
    await action();
    status.textContent = 'Done.';
  } catch (error) {
    status.textContent = 'Failed.';
    replace(errorArea, errorBox(error.message));
  } finally {
    for (const button of form.querySelectorAll('button')) button.disabled = false;
  }
}

/** ADQL literal of an id typed by the user: a number as it is, anything else quoted. */
function literal(text) {
  return /^-?\d+$/.test(text) ? text : `'${text.replaceAll("'", "''")}'`;
}

/** {ra, dec} of the form: typed, or the catalogue row of the object id (one-row TAP query). */
async function position() {
  if (document.getElementById('by-object').checked) {
    const id = document.getElementById('object-id').value.trim();
    if (!id) throw new Error('Expected an object id. Actual: nothing');
    const table = survey().tables[0];
    const query = `SELECT ${table.ra_column}, ${table.dec_column} FROM ${table.name} WHERE ${table.id_column} = ${literal(id)}`;
    const response = await fetch(`/tap/sync?${new URLSearchParams({LANG: 'ADQL', QUERY: query, RESPONSEFORMAT: 'votable/td', MAXREC: '1'})}`);
    const parsed = parseVoTable(await response.text());
    if (parsed.error) throw new ApiError(response.status, parsed.error);
    if (parsed.rows.length === 0) throw new ApiError(404, `Expected an object of ${table.name} with ${table.id_column} = ${id}. Actual: none`);
    return {ra: Number(parsed.rows[0][0]), dec: Number(parsed.rows[0][1]), id};
  }
  const ra = Number(document.getElementById('ra').value);
  const dec = Number(document.getElementById('dec').value);
  if (!Number.isFinite(ra) || !Number.isFinite(dec) || dec < -90 || dec > 90 || document.getElementById('ra').value.trim() === '') {
    throw new Error(`Expected RA and Dec in degrees (Dec in [-90, 90]). Actual: '${document.getElementById('ra').value}', '${document.getElementById('dec').value}'`);
  }
  return {ra, dec};
}

async function show() {
  const where = await position();
  const size = document.getElementById('size').value.trim();
  const stretch = document.getElementById('stretch').value;
  for (const url of shownUrls) URL.revokeObjectURL(url);
  shownUrls = [];
  const name = survey().name;
  const figures = await Promise.all(imagedBands().map(async band => {
    const parameters = new URLSearchParams({SURVEY: name, BAND: band, RA: where.ra, DEC: where.dec, SIZE: size, STRETCH: stretch});
    try {
      const response = await request(`/cutouts/preview?${parameters}`);
      const url = URL.createObjectURL(await response.blob());
      shownUrls.push(url);
      return el('figure', {class: 'stamp', 'data-band': band},
        el('img', {src: url, alt: `${name} band ${band} at RA ${where.ra.toFixed(5)}°, Dec ${where.dec.toFixed(5)}° (${stretch} stretch)`}),
        el('figcaption', {}, band, el('br'), el('span', {class: 'hint'}, response.headers.get('X-Cutout-Plate') || '')));
    } catch (error) {
      return el('figure', {class: 'stamp', 'data-band': band}, el('div', {class: 'error', role: 'alert'}, error.message),
        el('figcaption', {}, band));
    }
  }));
  const title = where.id ? `object ${where.id} at ` : '';
  replace(stamps, el('p', {class: 'status', id: 'stamp-position'},
    `${name} ${title}RA ${where.ra.toFixed(6)}°, Dec ${where.dec.toFixed(6)}°, ${size} (${stretch}):`), el('div', {class: 'stamps'}, figures));
}

async function download(format) {
  const where = await position();
  const data = new FormData();
  data.append('SURVEY', survey().name);
  data.append('BANDS', imagedBands().join(','));
  data.append('SIZE', document.getElementById('size').value.trim());
  data.append('FORMAT', format);
  if (where.id) {
    data.append('IDS', where.id);
  } else {
    data.append('positions', new Blob([`ra,dec\n${where.ra},${where.dec}\n`], {type: 'text/csv'}), 'position.csv');
  }
  const response = await post('/cutouts', data);
  saveBlob(await response.blob(), format === 'fits' ? 'cutouts.fits' : 'cutouts.npz');
}

/** A batch of positions or ids as a /cutouts/async job, listed on the Jobs page. */
async function batch() {
  const file = document.getElementById('batch-file').files[0];
  if (!file) throw new Error('Expected a file of positions or ids. Actual: none chosen');
  const data = new FormData();
  data.append('SURVEY', survey().name);
  data.append('BANDS', imagedBands().join(','));
  data.append('SIZE', document.getElementById('size').value.trim());
  data.append('FORMAT', document.getElementById('batch-format').value);
  data.append(document.getElementById('batch-ids').checked ? 'ids' : 'positions', file, file.name);
  const response = await request('/cutouts/async', {method: 'POST', body: data});
  const path = new URL(response.url).pathname;
  replace(document.getElementById('batch-status'), 'Job ', el('a', {href: '/portal/jobs.html', id: 'batch-job', 'data-job': path}, path),
    ' created: follow it on the Jobs page.');
}

start();
