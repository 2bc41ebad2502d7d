// The Jobs page: every kind of async job in one table (phase, progress, duration, results, errors) with cancel and
// delete. TAP jobs come from the UWS list (/tap/async?LAST=...), cross-match and cutout jobs from the UWS lists of
// /xmatch/async and /cutouts/async, datasets from GET /datasets.
import {el, replace, errorBox} from './dom.js';
import {ApiError, request, getText, parseXml, xmlText, pathOf} from './api.js';
import {loadDatasets, datasetActions} from './datasets-api.js';

// the latest jobs of each UWS service shown
const LAST_JOBS = 30;
// phases in which a job can still be cancelled, and those in which it is moving (the page then refreshes itself)
const ACTIVE = new Set(['PENDING', 'QUEUED', 'EXECUTING', 'HELD', 'SUSPENDED', 'RUNNING', 'BUILDING']);
const MOVING = new Set(['QUEUED', 'EXECUTING', 'RUNNING', 'BUILDING']);
const container = document.getElementById('jobs');
const status = document.getElementById('jobs-status');
let timer = null;

/** A UWS job document as the page's job record. */
function uwsJob(kind, path, text) {
  const doc = parseXml(text);
  const results = [...doc.getElementsByTagNameNS('*', 'result')].map(r => ({
    name: r.getAttribute('id'),
    href: pathOf(r.getAttributeNS('http://www.w3.org/1999/xlink', 'href') || r.getAttribute('xlink:href')),
  }));
  const progress = doc.getElementsByTagName('progress')[0];
  const query = [...doc.getElementsByTagNameNS('*', 'parameter')].find(p => p.getAttribute('id')?.toLowerCase() === 'query');
  return {
    kind, path,
    id: xmlText(doc, 'jobId'),
    phase: xmlText(doc, 'phase'),
    created: xmlText(doc, 'creationTime'),
    started: xmlText(doc, 'startTime'),
    ended: xmlText(doc, 'endTime'),
    what: query ? query.textContent.trim() : xmlText(doc, 'description'),
    progress: progress ? {done: Number(progress.getAttribute('stamps_done')), total: Number(progress.getAttribute('stamps_total')), stage: 'stamps'} : null,
    results,
    error: xmlText(doc, 'message'),
  };
}

/** The latest jobs of a UWS job list (TAP, cross-match, cutouts), each read from its own job document. */
async function loadUws(kind, list, last) {
  const refs = [...parseXml(await getText(`${list}?LAST=${last}`)).getElementsByTagNameNS('*', 'jobref')];
  const jobs = await Promise.all(refs.map(async ref => {
    const path = `${list}/${ref.getAttribute('id')}`;
    try {
      return uwsJob(kind, path, await getText(path));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null; // deleted since the list was read
      throw error;
    }
  }));
  return jobs.filter(job => job !== null);
}

/** Run time: start to end, or to now while it moves; from creation when the service gives no start time. */
function duration(job) {
  if (!job.started && !MOVING.has(job.phase) && !job.ended) return '—';
  const start = Date.parse(job.started || job.created);
  const end = job.ended ? Date.parse(job.ended) : (MOVING.has(job.phase) ? Date.now() : NaN);
  if (!Number.isFinite(start) || !Number.isFinite(end)) return '—';
  const seconds = Math.max(0, (end - start) / 1000);
  if (seconds < 1) return `${Math.round(seconds * 1000)} ms`;
  return seconds < 60 ? `${seconds.toFixed(1)} s` : `${Math.floor(seconds / 60)} min ${Math.round(seconds % 60)} s`;
}

function progressCell(job) {
  if (!job.progress || !(job.progress.total > 0)) return MOVING.has(job.phase) ? '…' : '';
  const {done, total, stage} = job.progress;
  return el('span', {}, el('progress', {max: total, value: done, 'aria-label': `${job.kind} ${job.id} progress`}),
    ` ${done} / ${total}${stage ? ` ${stage}` : ''}`);
}

async function act(label, action) {
  status.textContent = `${label}…`;
  try {
    await action();
    status.textContent = `${label}: done.`;
  } catch (error) {
    replace(document.getElementById('error'), errorBox(error.message));
  }
  await refresh();
}

function actions(job) {
  const buttons = [];
  const active = ACTIVE.has(job.phase);
  if (job.kind === 'TAP') {
    if (job.phase === 'PENDING') buttons.push(el('button', {type: 'button', class: 'start', onclick: () => act(`Starting ${job.id}`,
      () => request(`${job.path}/phase`, {method: 'POST', body: new URLSearchParams({PHASE: 'RUN'})}))}, 'Start'));
    if (active) buttons.push(el('button', {type: 'button', class: 'cancel', onclick: () => act(`Cancelling ${job.id}`,
      () => request(`${job.path}/phase`, {method: 'POST', body: new URLSearchParams({PHASE: 'ABORT'})}))}, 'Cancel'));
    buttons.push(el('button', {type: 'button', class: 'danger delete', onclick: () => act(`Deleting ${job.id}`,
      () => request(job.path, {method: 'DELETE'}))}, 'Delete'));
  } else if (job.kind === 'dataset') {
    buttons.push(...datasetActions(job, act));
  } else {
    if (active) buttons.push(el('button', {type: 'button', class: 'cancel', onclick: () => act(`Cancelling ${job.id}`,
      () => request(job.path, {method: 'POST', body: new URLSearchParams({PHASE: 'ABORT'})}))}, 'Cancel'));
    buttons.push(el('button', {type: 'button', class: 'danger delete', onclick: () => act(`Deleting ${job.id}`,
      () => request(job.path, {method: 'DELETE'}))}, 'Delete'));
  }
  return el('span', {class: 'actions'}, buttons);
}

function render(jobs, problems) {
  if (jobs.length === 0) {
    replace(container, el('p', {}, 'No job yet: run a query as a job on the ', el('a', {href: '/portal/query.html'}, 'Query page'),
      ', or start a cross-match, cutout or dataset job.'), problems);
    return;
  }
  jobs.sort((a, b) => (b.created || '').localeCompare(a.created || ''));
  replace(container, problems, el('div', {class: 'table-scroll'}, el('table', {id: 'job-table'},
    el('thead', {}, el('tr', {}, ['kind', 'job', 'what', 'phase', 'progress', 'created', 'duration', 'results', 'error', 'actions']
      .map(h => el('th', {scope: 'col'}, h)))),
    el('tbody', {}, jobs.map(job => el('tr', {'data-job': job.id, 'data-kind': job.kind, 'data-phase': job.phase},
      el('td', {}, job.kind),
      el('td', {}, el('a', {href: job.path}, job.id)),
      el('td', {class: 'mono'}, job.what.length > 80 ? `${job.what.substring(0, 80)}…` : job.what),
      el('td', {class: 'phase'}, job.phase),
      el('td', {}, progressCell(job)),
      el('td', {}, job.created ? new Date(job.created).toLocaleString('en-GB') : ''),
      el('td', {class: 'number'}, duration(job)),
      el('td', {}, job.results.map(r => el('a', {href: r.href, download: true}, r.name)).flatMap((a, i) => i ? [' ', a] : [a])),
      el('td', {class: 'job-error'}, job.error),
      el('td', {}, actions(job))))))));
}

async function refresh() {
  clearTimeout(timer);
  const problems = [];
  const all = [];
  const sources = [['TAP', () => loadUws('TAP', '/tap/async', LAST_JOBS)],
    ['cross-match', () => loadUws('cross-match', '/xmatch/async', LAST_JOBS)],
    ['cutout', () => loadUws('cutouts', '/cutouts/async', LAST_JOBS)], ['datasets', loadDatasets]];
  const loaded = await Promise.allSettled(sources.map(([, load]) => load()));
  loaded.forEach((outcome, index) => {
    if (outcome.status === 'fulfilled') all.push(...(outcome.value || []));
    else problems.push(errorBox(`The ${sources[index][0]} jobs could not be listed: ${outcome.reason.message}`));
  });
  render(all, problems);
  status.textContent = `${all.length} jobs, updated ${new Date().toLocaleTimeString('en-GB')}.`;
  if (all.some(job => MOVING.has(job.phase))) timer = setTimeout(refresh, 2000);
}

document.getElementById('refresh').addEventListener('click', refresh);
refresh();
