/* Index pages: authors, programmes, tags and pages, each one page of a ranked list with a pager. */
import { h } from '../dom.js';
import { api, apiOrNull } from '../api.js';
import { fmt, positiveInt } from '../format.js';
import { link, queryString } from '../links.js';
import { ROLE_LABELS, initiativeKind } from '../labels.js';
import { pageHeading, emptyState, count, countLegend, pagination, sourceLine, notFound, pageName } from '../components.js';

const PER_PAGE = 50;

function indexHeader(title, summary, ...extra) {
  return h('header', { class: 'page-header' }, h('p', { class: 'eyebrow' }, '索引'), pageHeading(title),
    h('p', { class: 'result-count', id: 'result-count' }, summary), extra);
}

/** A name-prefix box for an index (the API's q). */
function prefixForm(id, label, value, hrefFor) {
  const input = h('input', { type: 'search', id, name: 'q', class: 'input', value: value || null, autocomplete: 'off' });
  return h('form', { class: 'inline-search', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    location.hash = hrefFor(input.value.trim() || null);
  } }, h('label', { for: id }, label), input, h('button', { type: 'submit', class: 'button button-small' }, '查找'));
}

export function initiativeRows(initiatives) {
  return h('ul', { class: 'entity-list' }, initiatives.map((i) => h('li', { class: 'entity-row' },
    h('a', { class: 'entity-name', href: link.initiative(i.id) }, i.name),
    h('span', { class: 'entity-meta' }, initiativeKind(i)),
    h('span', { class: 'entity-figure' }, count('initiativeMentions', i.mention_count), ' · ', count('initiativeArticles', i.article_count)))));
}

export async function authorsView({ params }) {
  const page = positiveInt(params.get('page'));
  const q = (params.get('q') || '').trim();
  const list = await api('/authors', { q: q || null, page, per_page: PER_PAGE });
  const rows = list.items.length
    ? h('ul', { class: 'entity-list' }, list.items.map((a) => h('li', { class: 'entity-row' },
      h('a', { class: 'entity-name', href: link.author(a.id) }, a.name),
      h('span', { class: 'entity-meta' }, [a.roles.map((r) => ROLE_LABELS[r] || r).join('、'), a.organisations.join('、')].filter(Boolean).join(' · ')),
      h('span', { class: 'entity-figure' }, count('authorArticles', a.article_count)))))
    : emptyState(q ? `没有名字以“${q}”开头的作者。` : '还没有作者。');
  const hrefFor = (changes) => '#/authors' + queryString({ q: q || null, ...changes });
  return {
    title: '作者', nav: 'authors',
    node: h('div', {}, indexHeader('作者', q ? `名字以“${q}”开头的作者 ${fmt(list.total)} 位` : `共 ${fmt(list.total)} 位作者，按署名文章数排列`,
      prefixForm('author-search', '查找作者', q, (value) => hrefFor({ q: value }))),
    rows, pagination({ page, perPage: PER_PAGE, total: list.total, hrefFor: (n) => hrefFor({ page: n > 1 ? n : null }) })),
  };
}

export async function initiativesView({ params }) {
  const page = positiveInt(params.get('page'));
  const q = (params.get('q') || '').trim();
  const locality = params.get('locality');
  const [list, place] = await Promise.all([
    api('/initiatives', { q: q || null, locality, page, per_page: PER_PAGE }),
    locality ? apiOrNull('/localities/' + encodeURIComponent(locality)) : null,
  ]);
  if (locality && !place) return notFound('locality', locality);
  const hrefFor = (changes) => link.initiatives({ q: q || null, locality, ...changes });
  const title = place ? `${place.name}的举措` : '地方举措';
  return {
    title, nav: 'initiatives',
    node: h('div', {}, indexHeader(title, `共 ${fmt(list.total)} 项举措，按提及次数排列`,
      prefixForm('initiative-search', '查找举措', q, (value) => hrefFor({ q: value })),
      place ? h('p', { class: 'entity-actions' }, h('a', { href: link.locality(place.id) }, `返回${place.name}`), ' · ',
        h('a', { href: link.initiatives() }, '全部举措')) : null,
      countLegend(['initiativeMentions', 'initiativeArticles'])),
    list.items.length ? initiativeRows(list.items) : emptyState('没有找到举措。'),
    pagination({ page, perPage: PER_PAGE, total: list.total, hrefFor: (n) => hrefFor({ page: n > 1 ? n : null }) })),
  };
}

export async function tagsView({ params }) {
  const sort = params.get('sort') === 'name' ? 'name' : 'count';
  const page = positiveInt(params.get('page'));
  const list = await api('/tags', { sort, page, per_page: 100 });
  const max = Math.max(1, ...list.items.map((t) => t.article_count));
  const cloud = h('ul', { class: 'tag-cloud' }, list.items.map((t) => {
    const weight = Math.min(5, 1 + Math.round((t.article_count / max) * 4));
    return h('li', {}, h('a', { class: ['tag', 'weight-' + weight], href: link.tag(t.id), title: `带此标签的文章 ${t.article_count} 篇` }, t.name,
      h('span', { class: 'visually-hidden' }, `（${t.article_count} 篇）`)));
  }));
  const switcher = h('p', { class: 'segmented', role: 'group', 'aria-label': '排序' },
    h('a', { href: '#/tags', 'aria-current': sort === 'count' ? 'true' : null }, '按文章数'),
    h('a', { href: '#/tags?sort=name', 'aria-current': sort === 'name' ? 'true' : null }, '按名称'));
  return {
    title: '标签', nav: 'tags',
    node: h('div', {}, indexHeader('标签', `共 ${fmt(list.total)} 个关键词标签`, switcher),
      list.items.length ? cloud : emptyState('还没有标签。'),
      pagination({ page, perPage: 100, total: list.total, hrefFor: (n) => '#/tags' + queryString({ sort: sort === 'name' ? 'name' : null, page: n > 1 ? n : null }) })),
  };
}

/** Pages in edition order (newest first), each with where and when it was printed. */
export async function pagesView({ params }) {
  const page = positiveInt(params.get('page'));
  const list = await api('/pages', { page, per_page: PER_PAGE });
  const rows = list.items.length
    ? h('ul', { class: 'entity-list page-list' }, list.items.map((p) => h('li', { class: 'entity-row' },
      h('a', { class: 'entity-name', href: link.page(p.id) }, pageName(p)),
      sourceLine(p, { class: 'entity-meta', tag: 'span', pageLink: false }),
      h('span', { class: 'entity-figure' }, count('pageArticles', p.article_count), p.source === 'uploaded' ? ' · 上传' : ''))))
    : emptyState('还没有版面。');
  return {
    title: '版面', nav: 'pages',
    node: h('div', {}, indexHeader('版面', `共 ${fmt(list.total)} 个版面，新的日期在前`,
      h('p', { class: 'entity-actions' }, h('a', { class: 'button button-quiet', href: link.editions() }, '按日期浏览'))),
    rows, pagination({ page, perPage: PER_PAGE, total: list.total, hrefFor: (n) => '#/pages' + (n > 1 ? `?page=${n}` : '') })),
  };
}
