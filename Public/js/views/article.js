/* One article in full: where it was printed, the byline, the text, and what it is about. */
import { h, joined, highlighted, occurrences } from '../dom.js';
import { api, ApiError } from '../api.js';
import { link, rawPageURL } from '../links.js';
import { KIND_LABELS, ROLE_LABELS, initiativeKind } from '../labels.js';
import {
  pageHeading, breadcrumbs, section, count, sourceLine, titleText, plainTitle, notFound, goneState, countLegend,
} from '../components.js';

function personLink(person) {
  return person.id ? h('a', { href: link.author(person.id), class: 'person' }, person.name) : h('span', { class: 'person' }, person.name);
}

function byline(authors) {
  const roles = new Map();
  for (const person of authors) {
    if (!roles.has(person.role)) roles.set(person.role, []);
    roles.get(person.role).push(person);
  }
  return roles.size
    ? h('p', { class: 'byline' }, [...roles].map(([role, people]) => h('span', { class: 'byline-group' },
      h('span', { class: 'byline-role' }, ROLE_LABELS[role] || role), ' ', joined(people.map(personLink), '、'))))
    : null;
}

/** Newspaper, date, page and section, then the page as stored one click away. */
function origin(article) {
  return h('div', { class: 'origin' },
    sourceLine(article, { class: 'origin-source' }),
    h('p', { class: 'origin-links' },
      h('span', {}, `本版第 ${article.ordinal} 篇`),
      article.dateline ? h('span', {}, article.dateline) : null,
      h('a', { class: 'raw-link', href: article.links && article.links.raw ? article.links.raw : rawPageURL(article.page.id), type: 'text/plain' }, '原始版面')));
}

function aside(article) {
  const parts = [];
  if (article.tags.length) {
    const top = article.tags[0].score || 1;
    parts.push(section('标签', h('ul', { class: 'tag-list' }, article.tags.map((t) => h('li', {},
      h('a', { class: ['tag', t.score / top > 0.5 && 'tag-strong'], href: link.tag(t.id) }, t.name)))), { class: 'side-section' }));
  }
  if (article.locality || article.places.length) {
    parts.push(section('地区', h('div', {},
      article.locality ? h('p', { class: 'side-lead' }, '主要地区：', h('a', { href: link.locality(article.locality.id), class: 'place' }, article.locality.name)) : null,
      article.places.length ? h('ul', { class: 'side-list' }, article.places.map((p) => h('li', {},
        h('a', { href: link.locality(p.id) }, p.name), count('placeOccurrences', p.occurrences, { class: 'side-note' })))) : null),
    { class: 'side-section' }));
  }
  if (article.initiatives.length) {
    parts.push(section('相关举措', h('ul', { class: 'initiative-list' }, article.initiatives.map((i) => h('li', { class: 'initiative-item' },
      h('p', { class: 'initiative-name' }, h('a', { href: link.initiative(i.id) }, i.name),
        initiativeKind(i) ? h('span', { class: 'side-note' }, initiativeKind(i)) : null,
        count('initiativeOccurrences', i.occurrences, { class: 'side-note' })),
      i.context ? h('blockquote', { class: 'context' }, highlighted(i.context, occurrences(i.context, [i.name, ...(i.aliases || [])]))) : null))),
    { class: 'side-section' }));
  }
  if (article.places.length || article.initiatives.length) parts.push(countLegend(['placeOccurrences', 'initiativeOccurrences']));
  if (article.related.length) {
    parts.push(section('相关文章', h('ul', { class: 'related-list' }, article.related.map((r) => h('li', {},
      h('a', { href: link.article(r.id) }, titleText(r)),
      sourceLine(r, { class: 'side-note', pageLink: false, tag: 'span' }),
      r.shared && r.shared.length ? h('span', { class: 'side-note' }, '共同标签：' + r.shared.join('、')) : null))), { class: 'side-section' }));
  }
  return parts;
}

export async function articleView({ args: [id] }) {
  let article;
  try {
    article = await api('/articles/' + encodeURIComponent(id));
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return notFound('article', id);
    if (error instanceof ApiError && error.status === 410) return goneState(id, error.problem);
    throw error;
  }
  const crumbs = [['要闻', '#/']];
  if (article.date) crumbs.push([article.date, link.edition(article.date)]);
  if (article.locality) crumbs.push([article.locality.name, link.locality(article.locality.id)]);
  crumbs.push([KIND_LABELS[article.kind] || article.kind, link.front({ kind: article.kind })]);

  const body = h('div', { class: 'article-body' }, article.body.map((block) => (block.type === 'subheading'
    ? h('h2', { class: 'article-subheading' }, block.text)
    : h('p', {}, block.text))));
  const captions = article.captions.length
    ? h('section', { class: 'captions', 'aria-labelledby': 'captions-heading' },
      h('h2', { class: 'captions-title', id: 'captions-heading' }, '图片说明'),
      h('ul', {}, article.captions.map((c) => h('li', { class: 'caption' },
        h('span', { class: 'caption-mark', 'aria-hidden': 'true' }, '▲'), c.text,
        c.credit && !c.text.includes(c.credit) ? h('span', { class: 'caption-credit' }, c.credit) : null))))
    : null;

  const node = h('div', { class: 'article-layout' },
    h('article', { class: 'article', 'aria-labelledby': 'article-title' },
      breadcrumbs(crumbs),
      h('header', { class: 'article-header' },
        article.series ? h('p', { class: 'series' }, article.series) : null,
        article.kicker ? h('p', { class: 'kicker' }, article.kicker) : null,
        pageHeading(titleText(article), { id: 'article-title', class: ['article-title', article.display_title_derived && 'is-derived'].filter(Boolean).join(' ') }),
        article.subtitle ? h('p', { class: 'article-subtitle' }, article.subtitle) : null,
        byline(article.authors),
        article.affiliation ? h('p', { class: 'affiliation' }, article.affiliation) : null,
        article.source ? h('p', { class: 'source' }, h('span', { class: 'source-label' }, '来源'), article.source) : null,
        origin(article)),
      body,
      captions),
    h('aside', { class: 'article-aside', 'aria-label': '文章信息' }, aside(article)));
  return { title: plainTitle(article), node, nav: 'front' };
}
