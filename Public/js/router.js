/*
 * Hash routes (#/articles/ID, #/search?q=…): every view has a shareable address and the back button
 * works. The server also answers the same paths without the hash (/articles/ID, the links in feeds
 * and sitemaps) with this page; main.js turns those into hash routes before the first render.
 */
import { decodeSegment } from './links.js';
import { notFound, errorResult, loadingNode } from './components.js';
import { disconnectCharts } from './charts.js';
import { frontView } from './views/front.js';
import { searchView } from './views/search.js';
import { articleView } from './views/article.js';
import { authorView, initiativeView, tagView, articlesOfView } from './views/entities.js';
import { localityView, localitiesView } from './views/localities.js';
import { authorsView, initiativesView, tagsView, pagesView } from './views/indexes.js';
import { pageView } from './views/page.js';
import { editionsView, editionView } from './views/editions.js';
import { overviewView } from './views/overview.js';

const SITE = 'Newsroom';

/** Each view is `async ({args, params}) => {title, node, nav?, query?, announce?}`. */
const routes = [
  [/^\/$/, frontView],
  [/^\/search$/, searchView],
  [/^\/overview$/, overviewView],
  [/^\/articles\/([^/]+)$/, articleView],
  [/^\/authors$/, authorsView],
  [/^\/authors\/([^/]+)$/, authorView],
  [/^\/localities$/, localitiesView],
  [/^\/localities\/([^/]+)$/, localityView],
  [/^\/initiatives$/, initiativesView],
  [/^\/initiatives\/([^/]+)$/, initiativeView],
  [/^\/tags$/, tagsView],
  [/^\/tags\/([^/]+)$/, tagView],
  [/^\/pages$/, pagesView],
  [/^\/pages\/([^/]+)$/, pageView],
  [/^\/editions$/, editionsView],
  [/^\/editions\/([^/]+)$/, editionView],
  [/^\/(authors|localities|initiatives|tags)\/([^/]+)\/articles$/, articlesOfView],
];

/** The path prefixes the server serves this page for (see StaticFiles' shell routes). */
export const SHELL_PATHS = /^\/(articles|pages|authors|localities|initiatives|tags|editions)\/[^/]+(\/articles)?\/?$/;

function parseLocation() {
  const raw = location.hash.replace(/^#/, '');
  const cut = raw.indexOf('?');
  let path = cut >= 0 ? raw.slice(0, cut) : raw;
  path = '/' + path.replace(/^\/+/, '').replace(/\/+$/, '');
  return { path, params: new URLSearchParams(cut >= 0 ? raw.slice(cut + 1) : '') };
}

const main = document.getElementById('main');
const status = document.getElementById('status');
const searchInput = document.getElementById('search-input');
let renderCount = 0;
let rendering = false;

function announce(message) {
  status.textContent = '';
  if (message) setTimeout(() => { status.textContent = message; }, 50);
}

function setNav(active) {
  for (const a of document.querySelectorAll('.site-nav a[data-nav]')) {
    if (a.dataset.nav === active) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
}

export async function render() {
  const token = ++renderCount;
  const savedY = history.state && typeof history.state.y === 'number' ? history.state.y : null;
  rendering = true;
  disconnectCharts();
  const { path, params } = parseLocation();
  let view = null;
  let args = [];
  for (const [pattern, candidate] of routes) {
    const match = pattern.exec(path);
    if (match) {
      view = candidate;
      args = match.slice(1).map(decodeSegment);
      break;
    }
  }
  main.setAttribute('aria-busy', 'true');
  const loadingTimer = setTimeout(() => {
    if (token !== renderCount) return;
    main.replaceChildren(loadingNode());
    announce('正在加载…');
  }, 150);
  let result;
  try {
    result = view ? await view({ args, params }) : notFound('route', path);
  } catch (error) {
    if (!(error && error.status !== undefined)) console.error(error); // eslint-disable-line no-console
    result = errorResult(error);
  }
  clearTimeout(loadingTimer);
  if (token !== renderCount) return;

  main.replaceChildren(result.node);
  main.setAttribute('aria-busy', 'false');
  main.dataset.view = view ? view.name : 'notFound';
  main.dataset.render = String(token);
  document.title = `${result.title} · ${SITE}`;
  setNav(result.nav || null);
  searchInput.value = result.query || '';
  announce(result.announce || result.title);

  // Keyboard and screen-reader users land on the new heading; back/forward restores the scroll.
  if (token > 1) {
    const heading = main.querySelector('h1');
    if (heading) heading.focus({ preventScroll: true });
  }
  window.scrollTo(0, savedY !== null ? savedY : 0);
  rendering = false;
}

export function startRouter() {
  let scrollTimer = 0;
  window.addEventListener('scroll', () => {
    if (rendering) return;
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => {
      if (!rendering) history.replaceState({ ...(history.state || {}), y: Math.round(window.scrollY) }, '');
    }, 120);
  }, { passive: true });
  window.addEventListener('hashchange', () => {
    if (location.hash === '#main') return;
    render();
  });
  window.addEventListener('newsroom:retry', () => render());
  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
  render();
}
