/*
 * Newsroom frontend: a single-page app over the JSON API at /api/v1, as ES modules without a build
 * step. main.js wires the page's fixed parts (search box, skip link) and starts the router.
 * Modules: dom (building nodes from text), format, links, labels, api, components, charts,
 * router, views/* (one file per group of views).
 */
import { link } from './links.js';
import { render, startRouter, SHELL_PATHS } from './router.js';

const main = document.getElementById('main');
const searchInput = document.getElementById('search-input');

document.getElementById('search-form').addEventListener('submit', (event) => {
  event.preventDefault();
  const q = searchInput.value.trim();
  if (!q) {
    searchInput.focus();
    return;
  }
  const target = link.search(q);
  if (location.hash === target) render();
  else location.hash = target;
});

// The skip link must not become a route: focus the main region instead.
document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

// Feeds and sitemaps link to /articles/ID (no hash): show the same view under its hash route.
if (SHELL_PATHS.test(location.pathname) && !location.hash) {
  history.replaceState(null, '', '/#' + location.pathname.replace(/\/$/, '') + location.search);
}
if (location.hash === '#main') history.replaceState(history.state, '', '#/');
startRouter();
