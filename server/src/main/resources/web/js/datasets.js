// The Datasets page: submit a spec (multipart: the spec text as `spec`, then the files it names), follow every build
// (stage, progress, times, error) and download its files or the archive.
import {el, replace, errorBox, count} from './dom.js';
import {post} from './api.js';
import {datasetsAvailable, loadDatasets, datasetActions} from './datasets-api.js';

const form = document.getElementById('dataset-form');
const status = document.getElementById('dataset-status');
const container = document.getElementById('datasets');
let timer = null;

async function start() {
  let available;
  try {
    available = await datasetsAvailable();
  } catch (error) {
    replace(document.getElementById('error'), errorBox(error.message));
    return;
  }
  if (!available) {
    replace(document.getElementById('availability'), el('p', {class: 'error', role: 'status', id: 'datasets-unavailable'},
      'This server has no datasets service yet (GET /datasets answers 404).'));
    for (const control of form.querySelectorAll('button, input, textarea')) control.disabled = true;
    replace(container);
    return;
  }
  document.getElementById('spec-file').addEventListener('change', async event => {
    const file = event.target.files[0];
    if (file) document.getElementById('spec').value = await file.text();
  });
  form.addEventListener('submit', submit);
  refresh();
}

async function submit(event) {
  event.preventDefault();
  replace(document.getElementById('error'));
  const data = new FormData();
  data.append('spec', document.getElementById('spec').value);
  for (const file of document.getElementById('uploads').files) data.append(file.name, file, file.name);
  status.textContent = 'Submitting…';
  try {
    const response = await post('/datasets', data);
    status.textContent = `Dataset ${new URL(response.url).pathname} created.`;
  } catch (error) {
    status.textContent = 'Failed.';
    replace(document.getElementById('error'), errorBox(error.message));
  }
  refresh();
}

async function act(label, action) {
  status.textContent = `${label}…`;
  try {
    await action();
    status.textContent = `${label}: done.`;
  } catch (error) {
    replace(document.getElementById('error'), errorBox(error.message));
  }
  refresh();
}

/** An ISO time as local date and time to the second, with its ISO form as a tooltip. */
function time(iso) {
  if (!iso) return '—';
  const parsed = new Date(iso);
  return Number.isNaN(parsed.getTime()) ? iso : el('time', {datetime: iso, title: iso}, parsed.toLocaleString('en-GB'));
}

function card(job) {
  const progress = job.progress && job.progress.total > 0
    ? [el('progress', {max: job.progress.total, value: job.progress.done, 'aria-label': `${job.id} progress`}),
      ` ${job.progress.stage || ''} ${count(job.progress.done)} / ${count(job.progress.total)}`]
    : job.progress ? ` ${job.progress.stage || ''}` : '';
  return el('section', {class: 'survey', 'data-dataset': job.id},
    el('h3', {}, el('a', {href: job.path}, job.id), job.what ? ` — ${job.what}` : ''),
    el('dl', {class: 'facts'},
      el('dt', {}, 'Phase'), el('dd', {class: 'phase'}, job.phase),
      el('dt', {}, 'Progress'), el('dd', {}, progress),
      el('dt', {}, 'Created'), el('dd', {}, time(job.created)),
      el('dt', {}, 'Started'), el('dd', {}, time(job.started)),
      el('dt', {}, 'Finished'), el('dd', {}, time(job.ended)),
      job.error ? [el('dt', {}, 'Error'), el('dd', {class: 'job-error'}, job.error)] : null,
      el('dt', {}, 'Files'), el('dd', {}, job.results.length ? el('ul', {class: 'downloads'}, job.results.map(file =>
        el('li', {}, el('a', {href: file.href, download: true}, file.name, file.size ? ` (${count(file.size)} bytes)` : '')))) : '—')),
    el('div', {class: 'actions'}, datasetActions(job, act)));
}

async function refresh() {
  clearTimeout(timer);
  try {
    const jobs = await loadDatasets();
    jobs.sort((a, b) => (b.created || '').localeCompare(a.created || ''));
    replace(container, jobs.length ? jobs.map(card) : el('p', {}, 'No dataset yet.'));
    if (jobs.some(job => ['PENDING', 'QUEUED', 'EXECUTING', 'RUNNING', 'BUILDING'].includes(job.phase))) {
      timer = setTimeout(refresh, 1000);
    }
  } catch (error) {
    replace(container, errorBox(error.message));
  }
}

start();
