/* 搜索: ranked hits with highlighted snippets, a date range, and the names that match. */
import { h } from '../dom.js';
import { api, ApiError } from '../api.js';
import { fmt, positiveInt } from '../format.js';
import { link } from '../links.js';
import {
  pageHeading, articleCard, pagination, emptyState, section, count, dateRangeForm, dateParams, rangeText, feedLink,
} from '../components.js';

const PER_PAGE = 10;

function emptySearch() {
  const input = h('input', { type: 'search', id: 'search-page-input', name: 'q', class: 'input', placeholder: '例如：志愿服务、基层治理', autocomplete: 'off' });
  const form = h('form', { class: 'search-page-form', role: 'search', onsubmit: (event) => {
    event.preventDefault();
    if (input.value.trim()) location.hash = link.search(input.value.trim());
  } }, h('label', { for: 'search-page-input' }, '关键词'), input, h('button', { type: 'submit', class: 'button' }, '搜索'));
  return {
    title: '搜索', nav: 'search',
    node: h('div', { class: 'search-empty' }, pageHeading('搜索档案'),
      h('p', { class: 'lead' }, '按标题、正文、作者和地名检索全部文章。多个词之间用空格分隔，用引号检索完整短语。'), form),
  };
}

function sideLists(result) {
  const side = [];
  if (result.authors && result.authors.length) {
    side.push(section('作者', h('ul', { class: 'side-list' }, result.authors.map((a) => h('li', {},
      h('a', { href: link.author(a.id) }, a.name), count('authorArticles', a.article_count, { class: 'side-note' })))), { class: 'side-section' }));
  }
  if (result.localities && result.localities.length) {
    side.push(section('地区', h('ul', { class: 'side-list' }, result.localities.map((p) => h('li', {},
      h('a', { href: link.locality(p.id) }, p.name), count('placeArticles', p.article_count, { class: 'side-note' })))), { class: 'side-section' }));
  }
  if (result.initiatives && result.initiatives.length) {
    side.push(section('举措', h('ul', { class: 'side-list' }, result.initiatives.map((i) => h('li', {},
      h('a', { href: link.initiative(i.id) }, i.name), count('initiativeMentions', i.mention_count, { class: 'side-note' })))),
    { class: 'side-section' }));
  }
  if (result.tags && result.tags.length) {
    side.push(section('标签', h('ul', { class: 'tag-list' }, result.tags.map((t) => h('li', {},
      h('a', { class: 'tag', href: link.tag(t.id), title: `带此标签的文章 ${t.article_count} 篇` }, t.name,
        h('span', { class: 'tag-count' }, fmt(t.article_count)))))), { class: 'side-section' }));
  }
  if (!side.length) side.push(h('p', { class: 'side-empty' }, '没有名称匹配的作者、地区、举措或标签。'));
  return side;
}

export async function searchView({ params }) {
  const q = (params.get('q') || '').trim();
  if (!q) return emptySearch();
  const page = positiveInt(params.get('page'));
  const range = dateParams(params);
  const hrefFor = (changes) => link.search(q, { ...range, ...changes, page: changes.page > 1 ? changes.page : null });
  let result;
  try {
    result = await api('/search', { q, ...range, page, per_page: PER_PAGE });
  } catch (error) {
    if (error instanceof ApiError && error.status === 400) {
      const text = '无法执行这次搜索：查询语句有误，请换个写法再试。';
      return { title: `搜索：${q}`, query: q, node: h('div', {}, pageHeading(`搜索“${q}”`), emptyState(text)), announce: text };
    }
    throw error;
  }
  const when = rangeText(range);
  // Past the server's exact count (total_relation gte) the total is a lower bound.
  const atLeast = result.total_relation === 'gte';
  const countText = !result.total ? '没有找到相关文章'
    : atLeast ? `找到至少 ${fmt(result.total)} 篇相关文章` : `找到 ${fmt(result.total)} 篇相关文章`;
  const last = Math.max(1, Math.ceil(result.total / PER_PAGE));
  const results = result.items.length
    ? h('ol', { class: 'results', start: (page - 1) * PER_PAGE + 1 }, result.items.map((item) => h('li', { class: 'result' },
      articleCard(item, { headingLevel: 3 }))))
    : emptyState(result.total ? '这一页没有更多结果。' : `没有找到与“${q}”相关的文章。试试更短的关键词，或者浏览标签。`,
      h('a', { class: 'button button-quiet', href: '#/tags' }, '浏览标签'));

  const node = h('div', { class: 'search' },
    h('header', { class: 'page-header' },
      h('p', { class: 'eyebrow' }, '搜索结果'),
      pageHeading(`“${q}”`),
      h('p', { class: 'result-count', id: 'result-count' }, countText, when ? ` · ${when}` : '',
        atLeast ? ` · 第 ${page} 页` : result.total > PER_PAGE ? ` · 第 ${page} / ${last} 页` : ''),
      h('div', { class: 'list-tools' }, dateRangeForm({ ...range, idPrefix: 'search', hrefFor: (r) => hrefFor({ ...r, page: 1 }) }),
        feedLink({ q, ...range }))),
    h('div', { class: 'two-col' },
      h('section', { class: 'col-main', 'aria-labelledby': 'results-heading' },
        h('h2', { class: 'visually-hidden', id: 'results-heading' }, '文章'),
        results,
        pagination({ page, perPage: PER_PAGE, total: result.total, atLeast, more: result.items.length === PER_PAGE,
          hrefFor: (n) => hrefFor({ page: n }) })),
      h('aside', { class: 'col-side', 'aria-label': '匹配的作者、地区、举措和标签' }, sideLists(result))));
  return { title: `搜索：${q}`, node, query: q, nav: 'search', announce: `搜索“${q}”：${countText}` };
}
