// The shared shell of every page: the skip link, the site header and its navigation (real links; the current page
// marked with aria-current). Each page's HTML holds <main id="main"> and imports this module first.
import {el} from './dom.js';

export const PAGES = [
  {href: '/', label: 'Surveys', id: 'surveys'},
  {href: '/portal/columns.html', label: 'Columns', id: 'columns'},
  {href: '/portal/query.html', label: 'Query', id: 'query'},
  {href: '/portal/crossmatch.html', label: 'Cross-match', id: 'crossmatch'},
  {href: '/portal/cutouts.html', label: 'Cutouts', id: 'cutouts'},
  {href: '/portal/jobs.html', label: 'Jobs', id: 'jobs'},
  {href: '/portal/datasets.html', label: 'Datasets', id: 'datasets'},
  {href: '/services', label: 'Services', id: 'services'},
];

function install() {
  const current = document.body.dataset.page;
  const header = el('header', {class: 'site'},
    el('a', {class: 'brand', href: '/'}, 'skysieve'),
    el('nav', {'aria-label': 'Portal'}, el('ul', {}, PAGES.map(page =>
      el('li', {}, el('a', {href: page.href, 'aria-current': page.id === current ? 'page' : null}, page.label))))));
  document.body.prepend(el('a', {class: 'skip-link', href: '#main'}, 'Skip to content'), header);
}

install();
