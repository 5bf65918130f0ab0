/* 要闻: the newest articles, with filters (kind, place, tag, programme, dates) and a pager. */
import { h, joined } from '../dom.js';
import { api, cached, ApiError } from '../api.js';
import { fmt, positiveInt } from '../format.js';
import { link } from '../links.js';
import { KIND_LABELS } from '../labels.js';
import {
  pageHeading, cardGrid, pagination, emptyState, feedLink, dateRangeForm, dateParams, rangeText,
} from '../components.js';

const PER_PAGE = 12;
const SORTS = [['-date', '最新在前'], ['date', '最早在前']];
const DEFAULT_SORT = '-date';
const FILTERS = ['kind', 'locality', 'tag', 'initiative', 'author'];

/** The chips' values: a few of the busiest places, tags and programmes (small, shared, cached). */
function loadFacets() {
  return cached('facets', 60000, async () => {
    const [localities, tags, initiatives] = await Promise.all([
      api('/localities', { per_page: 8 }),
      api('/tags', { per_page: 12 }),
      api('/initiatives', { per_page: 8 }),
    ]);
    return { localities: localities.items, tags: tags.items, initiatives: initiatives.items };
  });
}

/** The name of a filter value that is not among the chips (a place code from a link). */
async function nameOf(kind, value, facets) {
  const known = { locality: facets.localities, initiative: facets.initiatives, tag: facets.tags }[kind];
  const hit = known && known.find((item) => item.id === value);
  if (hit) return hit.name;
  if (kind === 'locality') {
    const place = await api('/localities/' + encodeURIComponent(value)).catch(() => null);
    return place ? place.name : value;
  }
  return kind === 'kind' ? KIND_LABELS[value] || value : value;
}

export async function frontView({ params }) {
  const filters = {};
  for (const name of FILTERS) {
    const value = params.get(name);
    if (value) filters[name] = value;
  }
  const range = dateParams(params);
  const sort = SORTS.some(([value]) => value === params.get('sort')) ? params.get('sort') : DEFAULT_SORT;
  const page = positiveInt(params.get('page'));
  const state = { ...filters, ...range, sort: sort === DEFAULT_SORT ? null : sort };
  const hrefWith = (changes) => link.front({ ...state, ...changes, page: changes.page > 1 ? changes.page : null });

  let list;
  let facets;
  try {
    [list, facets] = await Promise.all([
      api('/articles', { ...filters, ...range, sort, page, per_page: PER_PAGE }),
      loadFacets(),
    ]);
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) {
      const node = h('div', {}, pageHeading('要闻'),
        h('div', { class: 'state state-error', 'data-state': 'error' },
          h('p', { class: 'state-text' }, `筛选条件无效${error.parameter ? `（参数 ${error.parameter}）` : ''}，请重新选择。`),
          h('p', { class: 'state-actions' }, h('a', { class: 'button', href: '#/' }, '清除全部筛选'))));
      return { title: '筛选条件无效', node, nav: 'front' };
    }
    throw error;
  }

  const names = {};
  for (const [kind, value] of Object.entries(filters)) names[kind] = await nameOf(kind, value, facets);
  const filtered = Object.keys(filters).length > 0 || range.from || range.to;
  const last = Math.max(1, Math.ceil(list.total / PER_PAGE));
  const countText = filtered ? `符合条件的文章 ${fmt(list.total)} 篇` : `共 ${fmt(list.total)} 篇文章`;
  const pageText = list.total > PER_PAGE ? `第 ${page} / ${last} 页` : '';
  const when = rangeText(range);
  const heading = filtered ? [...Object.values(names), when].filter(Boolean).join(' · ') : '要闻';

  const sortLinks = h('p', { class: 'segmented', role: 'group', 'aria-label': '排序' },
    SORTS.map(([value, label]) => h('a', {
      href: link.front({ ...filters, ...range, sort: value === DEFAULT_SORT ? null : value }),
      'aria-current': value === sort ? 'true' : null,
    }, label)));

  const header = h('header', { class: 'page-header front-header' },
    h('div', { class: 'front-heading' },
      h('p', { class: 'eyebrow' }, filtered ? '筛选结果' : '最新文章'),
      pageHeading(heading),
      h('p', { class: 'result-count', id: 'result-count' }, countText, pageText ? h('span', { class: 'result-page' }, ' · ' + pageText) : null)),
    h('div', { class: 'front-tools' }, sortLinks, feedLink({ ...filters, ...range })));

  const content = list.items.length
    ? cardGrid(list.items, { lead: !filtered && page === 1 && sort === DEFAULT_SORT, headingLevel: 3 })
    : emptyState(filtered ? '没有符合这些筛选条件的文章。' : '档案里还没有文章。',
      filtered ? h('a', { class: 'button', href: '#/' }, '清除全部筛选') : null,
      page > 1 ? h('a', { class: 'button button-quiet', href: hrefWith({ page: 1 }) }, '回到第一页') : null);

  const node = h('div', { class: 'front' },
    header,
    filterPanel({ filters, range, facets, state, names }),
    h('section', { class: 'section list-section', 'aria-labelledby': 'list-heading' },
      h('h2', { class: 'visually-hidden', id: 'list-heading' }, '文章列表'),
      content,
      pagination({ page, perPage: PER_PAGE, total: list.total, hrefFor: (n) => hrefWith({ page: n }) })));
  return {
    title: filtered ? `${heading} · 筛选` : '要闻',
    node,
    nav: 'front',
    announce: `${heading}：${countText}${pageText ? '，' + pageText : ''}`,
  };
}

/**
 * Chip rows for kind, place, tag and programme, and the date range. On a phone the rows fold
 * behind one 筛选 button so that the first headline is on the first screen; what is selected
 * stays visible above the list either way.
 */
function filterPanel({ filters, range, facets, state, names }) {
  const groups = [
    ['kind', '体裁', Object.keys(KIND_LABELS).map((k) => [k, KIND_LABELS[k]])],
    ['locality', '地区', facets.localities.filter((p) => p.article_count > 0).map((p) => [p.id, p.name])],
    ['tag', '标签', facets.tags.map((t) => [t.id, t.name])],
    ['initiative', '举措', facets.initiatives.map((i) => [i.id, i.name])],
  ];
  const rows = groups.map(([name, label, values]) => {
    const active = filters[name];
    const shown = active && !values.some(([v]) => v === active) ? [[active, names[name] || active], ...values] : values;
    const labelID = 'filter-' + name;
    const chips = [h('li', {}, h('a', {
      class: ['chip', !active && 'is-active'], href: link.front({ ...state, [name]: null }), 'aria-current': active ? null : 'true',
    }, '全部'))];
    for (const [value, text] of shown) {
      const isActive = value === active;
      chips.push(h('li', {}, h('a', {
        class: ['chip', isActive && 'is-active'],
        href: link.front({ ...state, [name]: isActive ? null : value }),
        'aria-current': isActive ? 'true' : null,
        'data-filter': name,
        'data-value': value,
      }, text, isActive ? h('span', { class: 'visually-hidden' }, '（已选中，再次点击取消）') : null)));
    }
    return h('div', { class: 'filter-row', role: 'group', 'aria-labelledby': labelID },
      h('span', { class: 'filter-label', id: labelID }, label),
      h('div', { class: 'chip-scroller' }, h('ul', { class: 'chip-list' }, chips)));
  });
  const dates = h('div', { class: 'filter-row filter-dates', role: 'group', 'aria-labelledby': 'filter-dates' },
    h('span', { class: 'filter-label', id: 'filter-dates' }, '日期'),
    dateRangeForm({ ...range, idPrefix: 'front', hrefFor: (r) => link.front({ ...state, ...r, page: null }) }));

  const chosen = [...Object.keys(filters).map((k) => names[k] || filters[k]), rangeText(range)].filter(Boolean);
  const body = h('div', { class: 'filter-body', id: 'filter-body' }, rows, dates);
  const toggle = h('button', {
    type: 'button', class: 'filter-toggle button button-quiet', 'aria-expanded': 'false', 'aria-controls': 'filter-body',
  }, '筛选', chosen.length ? h('span', { class: 'filter-toggle-count' }, `（已选 ${chosen.length}）`) : null);
  const panel = h('section', { class: 'filters', 'aria-labelledby': 'filters-heading' },
    h('h2', { class: 'visually-hidden', id: 'filters-heading' }, '筛选'),
    toggle,
    body,
    chosen.length
      ? h('p', { class: 'filter-active' }, '已选：', joined(chosen.map((text) => h('strong', {}, text)), '、'), ' ',
        h('a', { href: '#/', class: 'filter-clear' }, '清除全部'))
      : null);
  toggle.addEventListener('click', () => {
    const open = !panel.classList.contains('is-open');
    panel.classList.toggle('is-open', open);
    toggle.setAttribute('aria-expanded', String(open));
  });
  return panel;
}
