// The Surveys page: every survey from /api/surveys, with sky plots of each band's coverage MOC (/moc JSON, degraded
// with ?order= so a plot never downloads more cells than it can show).
import {el, replace, count, table, errorBox} from './dom.js';
import {getJson} from './api.js';
import {Moc, cellSideDeg, MAX_PLOT_ORDER} from './healpix.js';
import {drawAllSky, drawCloseUp, angle} from './skyplot.js';

const LOCATOR_ORDER = 6;
const CLOSE_UP_PIXELS = 200;

async function show() {
  const container = document.getElementById('surveys');
  try {
    const {surveys} = await getJson('/api/surveys');
    if (surveys.length === 0) {
      replace(container, el('p', {}, 'No survey is published yet: see ', el('code', {}, 'skysieve ingest'), '.'));
      return;
    }
    replace(container, el('nav', {'aria-label': 'Surveys on this page'}, el('ul', {},
      surveys.map(survey => el('li', {}, el('a', {href: `#survey-${survey.name}`}, survey.title || survey.name))))),
      surveys.map(section));
    // the sections exist only now: a link to one of them (#survey-NAME) can be followed at last
    if (window.location.hash) document.getElementById(window.location.hash.substring(1))?.scrollIntoView();
    for (const survey of surveys) plot(survey);
  } catch (error) {
    replace(container, errorBox(error.message));
  }
}

function reference(text) {
  if (!text) return '—';
  return /^https?:\/\//.test(text) ? el('a', {href: text, rel: 'noreferrer'}, text) : text;
}

function section(survey) {
  const imaged = survey.bands.filter(band => band.plates > 0).map(band => band.name);
  return el('section', {class: 'survey', id: `survey-${survey.name}`, 'aria-labelledby': `title-${survey.name}`},
    el('h2', {id: `title-${survey.name}`}, survey.title || survey.name, ' ', el('code', {}, survey.name)),
    survey.description ? el('p', {}, survey.description) : null,
    el('dl', {class: 'facts'},
      el('dt', {}, 'Rows'), el('dd', {class: 'survey-rows'}, count(survey.rows)),
      el('dt', {}, 'Epoch'), el('dd', {}, `J${survey.epoch_year}`),
      el('dt', {}, 'Reference'), el('dd', {}, reference(survey.reference)),
      el('dt', {}, 'Images'), el('dd', {}, imaged.length
        ? [`bands ${imaged.join(', ')} — `, el('a', {href: `/portal/cutouts.html?survey=${survey.name}`}, 'cutouts')]
        : 'none')),
    el('h3', {}, 'Bands'),
    table(['band', 'wavelength (µm)', 'pixel (arcsec)', 'median depth (5σ, mag)', 'system', 'coverage (deg²)', 'plates'],
      survey.bands.map(band => [band.name, band.wavelength_micron ?? '—', band.pixel_scale_arcsec ?? '—', band.depth_mag ?? '—',
        band.magnitude_system, band.coverage_square_deg === null ? '—' : band.coverage_square_deg.toPrecision(4),
        band.plates]), {class: 'bands'}),
    el('h3', {}, 'Tables'),
    table(['table', 'rows', 'columns', 'description', ''],
      survey.tables.map(t => [el('code', {}, t.name), t.rows, t.columns, t.description,
        el('span', {}, el('a', {href: `/portal/columns.html?table=${encodeURIComponent(t.name)}`}, 'columns'), ' · ',
          el('a', {href: `/portal/query.html?query=${encodeURIComponent(`SELECT TOP 20 * FROM ${t.name}`)}`}, 'first rows'))]),
      {class: 'tables'}),
    el('h3', {}, 'Coverage'),
    el('div', {class: 'plots', id: `plots-${survey.name}`},
      survey.bands.some(band => band.coverage) ? el('p', {class: 'status'}, 'Drawing the coverage…')
        : el('p', {}, 'This survey has no coverage maps.')));
}

async function plot(survey) {
  const bands = survey.bands.filter(band => band.coverage);
  const container = document.getElementById(`plots-${survey.name}`);
  if (bands.length === 0) return;
  try {
    const figures = [];
    const union = await loadMoc(`/moc/${survey.name}/coverage`, LOCATOR_ORDER);
    const locatorExtent = union.extent();
    const locator = el('canvas', {width: 360, height: 180, role: 'img',
      'aria-label': `All-sky map of ${survey.name}: its coverage around RA ${locatorExtent.ra.toFixed(1)}°, Dec ${locatorExtent.dec.toFixed(1)}°`});
    drawAllSky(locator, union, locatorExtent);
    figures.push(el('figure', {class: 'skyplot'}, locator,
      el('figcaption', {}, `Whole sky (Mollweide, RA 0° in the middle, east left): all bands, ringed at RA ${locatorExtent.ra.toFixed(2)}°, Dec ${locatorExtent.dec.toFixed(2)}°.`)));
    for (const band of bands) {
      // the close-up needs cells about a canvas pixel wide: deeper copies of the MOC for small footprints (the
      // extent shrinks as the cells do, so twice at most)
      let moc = await loadMoc(band.coverage, LOCATOR_ORDER);
      let extent = moc.extent();
      for (let step = 0; step < 2; step++) {
        const order = orderFor(2 * extent.halfWidthDeg / CLOSE_UP_PIXELS);
        if (order <= moc.maxOrder) break;
        moc = await loadMoc(band.coverage, order);
        extent = moc.extent();
      }
      const canvas = el('canvas', {width: CLOSE_UP_PIXELS, height: CLOSE_UP_PIXELS, role: 'img', class: 'coverage',
        'data-band': band.name,
        'aria-label': `Coverage of ${survey.name} band ${band.name}: ${band.coverage_square_deg.toPrecision(4)} square degrees around RA ${extent.ra.toFixed(3)}°, Dec ${extent.dec.toFixed(3)}°`});
      const side = drawCloseUp(canvas, moc, extent);
      figures.push(el('figure', {class: 'skyplot'}, canvas, el('figcaption', {},
        el('strong', {}, `Band ${band.name}`), `: ${band.coverage_square_deg.toPrecision(4)} deg², view ${angle(side)} wide around RA ${extent.ra.toFixed(3)}°, Dec ${extent.dec.toFixed(3)}° (HEALPix order ${moc.maxOrder}; `,
        el('a', {href: `${band.coverage}?format=json`}, 'MOC'), ').')));
    }
    replace(container, figures);
  } catch (error) {
    replace(container, errorBox(`The coverage of ${survey.name} could not be drawn: ${error.message}`));
  }
}

function orderFor(pixelDeg) {
  let order = LOCATOR_ORDER;
  while (order < MAX_PLOT_ORDER && cellSideDeg(order) > pixelDeg) order++;
  return order;
}

async function loadMoc(url, order) {
  return new Moc(await getJson(`${url}?format=json&order=${order}`));
}

show();
