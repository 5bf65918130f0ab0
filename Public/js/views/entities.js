/*
 * Authors, programmes and tags: a header with the counts, the first few articles (the API embeds
 * five), and a link to all of them: the paginated list of articlesOfView, with dates and a feed.
 */
import { h, highlighted, occurrences } from '../dom.js';
import { api, apiOrNull } from '../api.js';
import { fmt, positiveInt } from '../format.js';
import { link } from '../links.js';
import { ROLE_LABELS, initiativeKind } from '../labels.js';
import {
  pageHeading, breadcrumbs, section, cardGrid, emptyState, stat, count, moreLink, feedLink, pagination, notFound,
  titleText, sourceLine, dateRangeForm, dateParams, rangeText, countLegend,
} from '../components.js';

const PER_PAGE = 20;

/** How each kind of entity is named, found, filtered and linked. */
const KINDS = {
  authors: { noun: '作者', filter: 'author', nav: 'authors', index: '#/authors', href: link.author },
  localities: { noun: '地区', filter: 'locality', nav: 'localities', index: '#/localities', href: link.locality },
  initiatives: { noun: '举措', filter: 'initiative', nav: 'initiatives', index: '#/initiatives', href: link.initiative },
  tags: { noun: '标签', filter: 'tag', nav: 'tags', index: '#/tags', href: link.tag },
};
const NOT_FOUND_KIND = { authors: 'author', localities: 'locality', initiatives: 'initiative', tags: 'tag' };

/** The first articles of an entity and the way to the rest. */
export function firstArticles(kind, id, articles, emptyText) {
  const items = articles.items || [];
  return section('最新文章', h('div', {},
    items.length ? cardGrid(items, { headingLevel: 3 }) : emptyState(emptyText || '暂无文章。'),
    moreLink(link.articlesOf(kind, id), articles.total, items.length),
    h('p', { class: 'list-feed' }, feedLink({ [KINDS[kind].filter]: id }, '订阅这些文章（Atom）'))),
  { count: articles.total, id: 'articles-heading' });
}

export async function authorView({ args: [id] }) {
  const author = await apiOrNull('/authors/' + encodeURIComponent(id));
  if (!author) return notFound('author', id);
  const details = [
    author.roles.map((r) => ROLE_LABELS[r] || r).join('、'),
    author.organisations.join('、'),
    author.positions.join('、'),
  ].filter(Boolean);
  const node = h('div', { class: 'entity' },
    breadcrumbs([['作者', '#/authors'], [author.name]]),
    h('header', { class: 'page-header' },
      h('p', { class: 'eyebrow' }, '作者'),
      pageHeading(author.name),
      details.length ? h('p', { class: 'entity-details' }, details.join(' · ')) : null,
      h('dl', { class: 'stats' }, stat('authorArticles', author.article_count))),
    firstArticles('authors', author.id, author.articles));
  return { title: `${author.name} · 作者`, node, nav: 'authors' };
}

export async function initiativeView({ args: [id] }) {
  const initiative = await apiOrNull('/initiatives/' + encodeURIComponent(id));
  if (!initiative) return notFound('initiative', id);
  const needles = [initiative.name, ...(initiative.aliases || [])];
  const mentions = initiative.mentions.items.length
    ? h('ol', { class: 'mentions' }, initiative.mentions.items.map((m) => h('li', { class: 'mention' },
      h('h3', { class: 'mention-title' }, h('a', { href: link.article(m.article.id) }, titleText(m.article))),
      h('p', { class: 'mention-meta' }, sourceLine(m.article, { tag: 'span', pageLink: false }), ' ',
        count('initiativeOccurrences', m.occurrences, { class: 'side-note' })),
      m.context ? h('blockquote', { class: 'context' }, highlighted(m.context, occurrences(m.context, needles))) : null)))
    : emptyState('没有记录上下文。');
  const node = h('div', { class: 'entity' },
    breadcrumbs([['举措', '#/initiatives'], [initiative.name]]),
    h('header', { class: 'page-header' },
      h('p', { class: 'eyebrow' }, `举措 · ${initiativeKind(initiative)}`),
      pageHeading(initiative.name),
      h('p', { class: 'entity-details' },
        initiative.locality ? ['地区：', h('a', { href: link.locality(initiative.locality.id) }, initiative.locality.name)] : null,
        initiative.aliases.length ? h('span', { class: 'aliases' }, '又称：' + initiative.aliases.join('、')) : null),
      h('dl', { class: 'stats' }, stat('initiativeMentions', initiative.mention_count), stat('initiativeArticles', initiative.article_count)),
      countLegend(['initiativeMentions', 'initiativeArticles', 'initiativeOccurrences'])),
    section('上下文中的提及', h('div', {}, mentions,
      moreLink(link.articlesOf('initiatives', initiative.id), initiative.mentions.total, initiative.mentions.items.length),
      h('p', { class: 'list-feed' }, feedLink({ initiative: initiative.id }, '订阅这些文章（Atom）'))),
    { count: initiative.mentions.total, id: 'mentions-heading' }));
  return { title: `${initiative.name} · 举措`, node, nav: 'initiatives' };
}

export async function tagView({ args: [id] }) {
  const tag = await apiOrNull('/tags/' + encodeURIComponent(id));
  if (!tag) return notFound('tag', id);
  const node = h('div', { class: 'entity' },
    breadcrumbs([['标签', '#/tags'], [tag.name]]),
    h('header', { class: 'page-header' },
      h('p', { class: 'eyebrow' }, '标签'),
      pageHeading(tag.name, { class: 'tag-title' }),
      h('dl', { class: 'stats' }, stat('tagArticles', tag.article_count)),
      h('p', { class: 'entity-actions' },
        h('a', { class: 'button button-quiet', href: link.front({ tag: tag.id }) }, '在要闻中筛选'),
        h('a', { class: 'button button-quiet', href: link.search(tag.name) }, '全文搜索此词'))),
    firstArticles('tags', tag.id, tag.articles));
  return { title: `${tag.name} · 标签`, node, nav: 'tags', announce: `标签“${tag.name}”：共 ${tag.article_count} 篇文章` };
}

const SORTS = [['-date', '最新在前'], ['date', '最早在前']];

/** All articles of one author, place, programme or tag: paginated, by date, with a feed. */
export async function articlesOfView({ args: [kind, id], params }) {
  const spec = KINDS[kind];
  const page = positiveInt(params.get('page'));
  const range = dateParams(params);
  const sort = params.get('sort') === 'date' ? 'date' : '-date';
  const state = { ...range, sort: sort === '-date' ? null : sort };
  const hrefFor = (changes) => link.articlesOf(kind, id, { ...state, ...changes, page: changes.page > 1 ? changes.page : null });
  const path = `/${kind}/${encodeURIComponent(id)}`;
  const [entity, list] = await Promise.all([apiOrNull(path), apiOrNull(path + '/articles', { ...range, sort, page, per_page: PER_PAGE })]);
  if (!entity || !list) return notFound(NOT_FOUND_KIND[kind], id);
  const when = rangeText(range);
  const heading = `${entity.name}的文章`;
  const node = h('div', { class: 'entity' },
    breadcrumbs([[spec.noun, spec.index], [entity.name, spec.href(entity.id)], ['全部文章']]),
    h('header', { class: 'page-header' },
      h('p', { class: 'eyebrow' }, `${spec.noun} · 全部文章`),
      pageHeading(heading),
      h('p', { class: 'result-count', id: 'result-count' }, `共 ${fmt(list.total)} 篇`, when ? ` · ${when}` : ''),
      h('div', { class: 'list-tools' },
        h('p', { class: 'segmented', role: 'group', 'aria-label': '排序' }, SORTS.map(([value, label]) => h('a', {
          href: hrefFor({ sort: value === '-date' ? null : value, page: 1 }), 'aria-current': value === sort ? 'true' : null,
        }, label))),
        dateRangeForm({ ...range, idPrefix: 'list', hrefFor: (r) => hrefFor({ ...r, page: 1 }) }),
        feedLink({ [spec.filter]: entity.id, ...range }))),
    section('文章', list.items.length ? cardGrid(list.items, { headingLevel: 3 }) : emptyState(when ? '这段时间没有文章。' : '这一页没有文章。'),
      { class: 'list-section', id: 'list-heading' }),
    pagination({ page, perPage: PER_PAGE, total: list.total, hrefFor: (n) => hrefFor({ page: n }) }));
  return { title: `${heading} · 第 ${page} 页`, node, nav: spec.nav, announce: `${heading}：共 ${list.total} 篇` };
}
