/* Places: one place with its counts, sub-places, programmes and articles; and the tree of all places. */
import { h } from '../dom.js';
import { api, apiOrNull } from '../api.js';
import { fmt, positiveInt } from '../format.js';
import { link } from '../links.js';
import { LEVEL_LABELS, BRANCH_LEVELS } from '../labels.js';
import {
  pageHeading, breadcrumbs, section, emptyState, stat, count, countLegend, moreLink, notFound, pagination,
} from '../components.js';
import { firstArticles } from './entities.js';
import { initiativeRows } from './indexes.js';

const TREE_PAGE = 50;
const PLACE_COUNTS = ['placeArticles', 'placeMentions', 'placeMentioningArticles'];

export async function localityView({ args: [id] }) {
  const place = await apiOrNull('/localities/' + encodeURIComponent(id));
  if (!place) return notFound('locality', id);
  const crumbs = [['地区', '#/localities'], ...place.ancestors.map((a) => [a.name, link.locality(a.id)]), [place.name]];
  const children = place.children.items.length
    ? h('ul', { class: 'chip-list chip-list-wrap' }, place.children.items.map((c) => h('li', {},
      h('a', { class: 'chip', href: link.locality(c.id), title: `报道 ${c.article_count} 篇 · 提及 ${c.mention_count} 次` }, c.name,
        h('span', { class: 'chip-note' }, fmt(c.article_count))))))
    : emptyState('没有下辖地区出现在文章中。');
  const initiatives = place.initiatives.items.length ? initiativeRows(place.initiatives.items) : emptyState('暂无记录的本地举措。');
  const node = h('div', { class: 'entity' },
    breadcrumbs(crumbs),
    h('header', { class: 'page-header' },
      h('p', { class: 'eyebrow' }, `地区 · ${LEVEL_LABELS[place.level] || place.level}`),
      pageHeading(place.name),
      place.parent ? h('p', { class: 'entity-details' }, '上级：', h('a', { href: link.locality(place.parent.id) }, place.parent.name)) : null,
      h('dl', { class: 'stats' }, stat('placeArticles', place.article_count), stat('placeMentions', place.mention_count),
        stat('placeMentioningArticles', place.mentioning_article_count)),
      countLegend(PLACE_COUNTS),
      place.article_count ? h('p', { class: 'entity-actions' },
        h('a', { class: 'button button-quiet', href: link.front({ locality: place.id }) }, '在要闻中筛选此地区')) : null),
    section('下辖地区', h('div', {}, children,
      moreLink(link.localities({ parent: place.id }), place.children.total, place.children.items.length, '个下辖地区')),
    { count: place.children.total, id: 'children-heading' }),
    section('本地举措', h('div', {}, initiatives,
      moreLink(link.initiatives({ locality: place.id }), place.initiatives.total, place.initiatives.items.length, '项举措')),
    { count: place.initiatives.total, id: 'programmes-heading' }),
    firstArticles('localities', place.id, place.articles, '暂无以此地为主的文章。'));
  return { title: `${place.name} · 地区`, node, nav: 'localities' };
}

/** One place in the tree; a branch opens to load its sub-places, fifty at a time. */
function treeNode(place, depth) {
  const row = h('div', { class: 'tree-row' },
    h('a', { class: 'entity-name', href: link.locality(place.id) }, place.name),
    h('span', { class: 'entity-meta' }, LEVEL_LABELS[place.level] || place.level || ''),
    h('span', { class: 'entity-figure' }, count('placeArticles', place.article_count), ' · ', count('placeMentions', place.mention_count)));
  const item = h('li', { class: 'tree-node', 'data-place': place.id }, row);
  if (!BRANCH_LEVELS.has(place.level) || depth > 4) return item;
  const list = h('ul', { class: 'tree-children', id: `tree-${place.id}`, hidden: true });
  const toggle = h('button', {
    type: 'button', class: 'tree-toggle', 'aria-expanded': 'false', 'aria-controls': `tree-${place.id}`, 'aria-label': `展开${place.name}的下级地区`,
  }, h('span', { 'aria-hidden': 'true' }, '▸'));
  let loaded = 0;
  let total = Infinity;
  const more = h('button', { type: 'button', class: 'button button-quiet button-small tree-more', hidden: true }, '');
  async function loadMore() {
    more.disabled = true;
    try {
      const page = await api('/localities', { parent: place.id, page: Math.floor(loaded / TREE_PAGE) + 1, per_page: TREE_PAGE });
      total = page.total;
      loaded += page.items.length;
      const before = more.parentNode === list ? more : null;
      for (const child of page.items) list.insertBefore(treeNode(child, depth + 1), before);
      if (!total) list.append(h('li', { class: 'tree-empty' }, '没有下级地区出现在文章中。'));
    } catch {
      list.append(h('li', { class: 'tree-empty' }, '下级地区加载失败，请收起后再试。'));
      total = Infinity;
      loaded = 0;
    }
    more.disabled = false;
    more.hidden = !(loaded < total && total !== Infinity);
    more.textContent = `再显示 ${Math.min(TREE_PAGE, total - loaded)} 个（共 ${fmt(total)} 个）`;
    if (!more.hidden) list.append(more);
  }
  more.addEventListener('click', loadMore);
  toggle.addEventListener('click', async () => {
    const open = toggle.getAttribute('aria-expanded') !== 'true';
    toggle.setAttribute('aria-expanded', String(open));
    toggle.setAttribute('aria-label', `${open ? '收起' : '展开'}${place.name}的下级地区`);
    list.hidden = !open;
    if (open && loaded === 0 && total === Infinity) await loadMore();
  });
  row.prepend(toggle);
  item.append(list);
  return item;
}

/** The tree of places (provinces first, or the places below `parent`), or the places a name starts with. */
export async function localitiesView({ params }) {
  const q = (params.get('q') || '').trim();
  const parentID = params.get('parent');
  const page = positiveInt(params.get('page'));
  const query = q ? { q } : parentID ? { parent: parentID } : { level: 'province' };
  const [list, parent] = await Promise.all([
    api('/localities', { ...query, page, per_page: TREE_PAGE }),
    parentID ? apiOrNull('/localities/' + encodeURIComponent(parentID)) : null,
  ]);
  if (parentID && !parent) return notFound('locality', parentID);
  const input = h('input', { type: 'search', id: 'place-search', name: 'q', class: 'input', value: q || null, placeholder: '地名，如：株洲', autocomplete: 'off' });
  const form = h('form', { class: 'inline-search', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    location.hash = link.localities({ q: input.value.trim() || null });
  } }, h('label', { for: 'place-search' }, '查找地区'), input, h('button', { type: 'submit', class: 'button button-small' }, '查找'));
  const heading = q ? `名称以“${q}”开头的地区` : parent ? `${parent.name}的下级地区` : '地区';
  const crumbs = parent ? [['地区', '#/localities'], ...parent.ancestors.map((a) => [a.name, link.localities({ parent: a.id })]), [parent.name]] : null;
  const summary = q ? `找到 ${fmt(list.total)} 个地区` : parent ? `${fmt(list.total)} 个下级地区出现在文章中`
    : `文章涉及 ${fmt(list.total)} 个省级地区；展开查看市、区、县`;
  const node = h('div', { class: 'localities' },
    crumbs ? breadcrumbs(crumbs) : null,
    h('header', { class: 'page-header' },
      h('p', { class: 'eyebrow' }, '索引'),
      pageHeading(heading),
      h('p', { class: 'result-count', id: 'result-count' }, summary),
      form,
      countLegend(['placeArticles', 'placeMentions'])),
    list.items.length ? h('ul', { class: 'tree', 'aria-label': '地区' }, list.items.map((p) => treeNode(p, 0)))
      : emptyState(q ? `没有名称以“${q}”开头的地区。` : '还没有识别出地区。'),
    pagination({ page, perPage: TREE_PAGE, total: list.total, hrefFor: (n) => link.localities({ ...query, level: null, page: n > 1 ? n : null }) }));
  return { title: q ? `地区：${q}` : parent ? `${parent.name} · 下级地区` : '地区', node, nav: 'localities' };
}
