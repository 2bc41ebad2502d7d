// The datasets service (POST /datasets, GET /datasets, GET /datasets/ID, PHASE=ABORT, DELETE, files and archive) as
// job records shared by the Jobs and Datasets pages. The job document (docs/datasets.md): id, name, phase,
// progress {stage, done, total (-1: unknown)}, creationTime, startTime, endTime, error, files [{name, bytes, sha256,
// url}], links {archiveZip, archiveTar, ...}; the list: {datasets: [{id, name, phase, creationTime, url}], ...}.
import {el} from './dom.js';
import {ApiError, getJson, request, pathOf} from './api.js';

/** Whether the server has the datasets service (false on a server without /datasets: a 404 on the list). */
export async function datasetsAvailable() {
  try {
    await getJson('/datasets');
    return true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return false;
    throw error;
  }
}

function text(value) {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  return value.message || JSON.stringify(value);
}

/** A dataset document as the pages' job record. */
export function datasetJob(dataset) {
  const id = String(dataset.id ?? dataset.datasetId ?? dataset.name);
  const times = dataset.times || {};
  const progress = dataset.progress || null;
  const files = (dataset.files || []).map(file => typeof file === 'string' ? {name: file} : file);
  const phase = String(dataset.phase || '').toUpperCase();
  const results = files.map(file => ({
    name: file.name,
    href: file.url ? pathOf(file.url) : `/datasets/${encodeURIComponent(id)}/files/${encodeURIComponent(file.name)}`,
    size: file.bytes ?? file.size ?? null,
  }));
  const links = dataset.links || {};
  if (links.archiveZip) results.push({name: 'archive (zip)', href: `${pathOf(links.archiveZip)}?format=zip`});
  if (links.archiveTar) results.push({name: 'archive (tar)', href: `${pathOf(links.archiveTar)}?format=tar`});
  return {
    kind: 'dataset', id,
    path: `/datasets/${encodeURIComponent(id)}`,
    phase,
    created: times.created ?? times.creation ?? dataset.created ?? dataset.creationTime ?? '',
    started: times.started ?? times.start ?? dataset.started ?? dataset.startTime ?? '',
    ended: times.finished ?? times.ended ?? times.end ?? dataset.ended ?? dataset.endTime ?? '',
    what: dataset.name && dataset.name !== id ? String(dataset.name) : '',
    progress: progress ? {stage: progress.stage, done: Number(progress.done), total: Number(progress.total)} : null,
    results,
    error: text(dataset.error),
  };
}

/** Every dataset job; [] on a server without the datasets service. */
export async function loadDatasets() {
  let list;
  try {
    list = await getJson('/datasets');
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return [];
    throw error;
  }
  const entries = Array.isArray(list) ? list : (list.datasets || list.jobs || []);
  return Promise.all(entries.map(async entry => {
    const summary = typeof entry === 'string' ? {id: entry} : entry;
    const id = summary.id ?? summary.datasetId;
    const full = summary.phase && summary.files ? summary : await getJson(`/datasets/${encodeURIComponent(id)}`);
    return datasetJob(full);
  }));
}

export function abortDataset(job) {
  return request(job.path, {method: 'POST', body: new URLSearchParams({PHASE: 'ABORT'})});
}

export function deleteDataset(job) {
  return request(job.path, {method: 'DELETE'});
}

/** The Cancel (while building) and Delete buttons of a dataset; `act(label, action)` runs and refreshes. */
export function datasetActions(job, act) {
  const buttons = [];
  if (['PENDING', 'QUEUED', 'EXECUTING', 'RUNNING', 'BUILDING'].includes(job.phase)) {
    buttons.push(el('button', {type: 'button', class: 'cancel', onclick: () => act(`Cancelling ${job.id}`, () => abortDataset(job))}, 'Cancel'));
  }
  buttons.push(el('button', {type: 'button', class: 'danger delete', onclick: () => act(`Deleting ${job.id}`, () => deleteDataset(job))}, 'Delete'));
  return buttons;
}
