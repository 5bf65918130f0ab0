/* Pieces that several views share: headings, article cards, source lines, pagers, counts, states. */
import { h, joined, highlighted } from './dom.js';
import { fmt, longDate, pageLabel, isISODate } from './format.js';
import { link, feedURL } from './links.js';
import { KIND_LABELS, COUNTS } from './labels.js';

export function pageHeading(text, props = {}) {
  return h('h1', { class: ['page-title', props.class], id: props.id, tabindex: '-1' }, text);
}

export function breadcrumbs(items) {
  return h('nav', { class: 'breadcrumbs', 'aria-label': '当前位置' },
    h('ol', {}, items.map(([label, href], index) =>
      h('li', {}, href && index < items.length - 1 ? h('a', { href }, label) : h('span', { 'aria-current': 'page' }, label)))));
}

export function kindBadge(kind) {
  return h('span', { class: ['badge', 'kind-' + kind] }, KIND_LABELS[kind] || kind);
}

/**
 * An article's display title. An article printed without a headline gets one made from the start
 * of its text by the API (`display_title_derived`); it is marked so that nobody takes it for the
 * printed headline.
 */
export function titleText(article, highlightedTitle) {
  if (!article.display_title_derived) return highlightedTitle || article.name || article.title || '（无标题）';
  return [h('span', { class: 'derived-mark', title: '原文没有标题，这里显示的是正文开头' }, '无题'), ' ',
    h('span', { class: 'derived-title' }, article.name || '（无标题）')];
}

/** The plain display title, for document titles and links that take text only. */
export function plainTitle(article) {
  return article.display_title_derived ? `（无题）${article.name || ''}` : article.name || article.title || '（无标题）';
}

/**
 * Where an article (or a page) was printed: newspaper, edition date, page label and section, with
 * the date linking to that day's edition and the label to the page.
 */
export function sourceLine(item, props = {}) {
  const page = item.page || item;
  const pageID = item.page ? item.page.id : item.id;
  const newspaper = item.newspaper || page.newspaper;
  const date = item.date || page.date;
  const label = item.page_label || page.page_label;
  const section = item.section || page.section;
  const parts = [
    h('span', { class: 'src-paper' }, newspaper || '报名不详'),
    date ? h('a', { class: 'src-date', href: link.edition(date) }, h('time', { datetime: date }, longDate(date)))
      : h('span', { class: 'src-date is-unknown' }, '日期不详'),
    props.pageLink === false ? (label ? h('span', { class: 'src-page' }, pageLabel(label)) : null)
      : h('a', { class: 'src-page', href: link.page(pageID) }, label ? pageLabel(label) : '所在版面'),
    section ? h('span', { class: 'src-section' }, section) : null,
  ].filter(Boolean);
  return h(props.tag || 'p', { class: ['source-line', props.class] }, joined(parts, () => h('span', { class: 'sep', 'aria-hidden': 'true' }, ' · ')));
}

const ROLE_SHORT = { reporter: '记者', correspondent: '通讯员', photographer: '摄影', intern: '实习生', editor: '编辑' };

/** Names of a summary's byline, as printed (roles other than author named before the names). */
export function bylineText(byline) {
  if (!byline || !byline.length) return null;
  const groups = new Map();
  for (const person of byline) {
    const role = ROLE_SHORT[person.role] || '';
    if (!groups.has(role)) groups.set(role, []);
    groups.get(role).push(person.name);
  }
  return [...groups].map(([role, names]) => (role ? `${role} ` : '') + names.join('、')).join('　');
}

/** An article summary as a card; search hits carry a highlighted title and snippet. */
export function articleCard(article, options = {}) {
  const level = options.headingLevel || 3;
  const marks = !article.display_title_derived && article.title && Array.isArray(article.title_highlights)
    && article.title_highlights.length ? highlighted(article.title, article.title_highlights) : null;
  let text = null;
  if (article.snippet) text = h('p', { class: 'card-snippet' }, highlighted(article.snippet.text, article.snippet.highlights));
  else if (options.excerpt !== false && article.excerpt) text = h('p', { class: 'card-excerpt' }, article.excerpt);
  const byline = bylineText(article.byline);
  return h('article', { class: ['card', options.lead && 'card-lead', article.display_title_derived && 'is-derived'], 'data-article-id': article.id },
    article.kicker ? h('p', { class: 'kicker' }, article.kicker) : null,
    h('h' + level, { class: 'card-title' }, h('a', { href: link.article(article.id) }, titleText(article, marks))),
    article.subtitle ? h('p', { class: 'card-subtitle' }, article.subtitle) : null,
    h('div', { class: 'card-meta' }, kindBadge(article.kind), byline ? h('span', { class: 'card-byline' }, byline) : null),
    sourceLine(article, { class: 'card-source' }),
    text);
}

export function cardGrid(articles, options = {}) {
  return h('div', { class: ['card-grid', options.class] },
    articles.map((article, index) => articleCard(article, { ...options, lead: options.lead && index === 0 })));
}

/**
 * Numbered pages with previous/next; nothing when everything fits on one page. `atLeast`: the
 * total is only a lower bound (a search that stopped counting), so the last page is unknown and
 * "next" stays open while pages are full (`more`).
 */
export function pagination({ page, perPage, total, hrefFor, label = '分页', atLeast = false, more = false }) {
  const counted = Math.max(1, Math.ceil(total / perPage));
  const last = atLeast ? Math.max(counted, page + (more ? 1 : 0)) : counted;
  if (last <= 1) return null;
  const numbers = new Set([1, atLeast ? page : last, page - 1, page, page + 1].filter((n) => n >= 1 && n <= last));
  const sorted = [...numbers].sort((a, b) => a - b);
  const items = [];
  items.push(page > 1
    ? h('li', {}, h('a', { href: hrefFor(page - 1), rel: 'prev', class: 'pager-step' }, '‹ 上一页'))
    : h('li', {}, h('span', { class: 'pager-step is-disabled', 'aria-hidden': 'true' }, '‹ 上一页')));
  sorted.forEach((n, index) => {
    if (index > 0 && n - sorted[index - 1] > 1) items.push(h('li', { class: 'pager-gap', 'aria-hidden': 'true' }, '…'));
    items.push(h('li', {}, h('a', {
      href: hrefFor(n), class: 'pager-number', 'aria-label': `第 ${n} 页`, 'aria-current': n === page ? 'page' : null,
    }, String(n))));
  });
  items.push(page < last
    ? h('li', {}, h('a', { href: hrefFor(page + 1), rel: 'next', class: 'pager-step' }, '下一页 ›'))
    : h('li', {}, h('span', { class: 'pager-step is-disabled', 'aria-hidden': 'true' }, '下一页 ›')));
  return h('nav', { class: 'pager', 'aria-label': label }, h('ul', {}, items),
    h('p', { class: 'pager-summary' }, atLeast
      ? `第 ${fmt(page)} 页，至少 ${fmt(total)} 条`
      : `第 ${fmt(page)} / ${fmt(last)} 页，共 ${fmt(total)} 条`));
}

let sectionCounter = 0;

export function section(title, content, props = {}) {
  const id = props.id || `sec-${(sectionCounter += 1)}`;
  return h('section', { class: ['section', props.class], 'aria-labelledby': id },
    h(props.level || 'h2', { class: 'section-title', id }, title,
      props.count !== undefined ? h('span', { class: 'section-count' }, fmt(props.count)) : null),
    content);
}

export function emptyState(text, ...actions) {
  return h('div', { class: 'state state-empty' }, h('p', { class: 'state-text' }, text),
    actions.filter(Boolean).length ? h('p', { class: 'state-actions' }, actions) : null);
}

/** A count with its one meaning from COUNTS, explained on hover and to screen readers. */
export function count(kind, value, props = {}) {
  const meaning = COUNTS[kind];
  return h(props.tag || 'span', { class: ['count', props.class], title: meaning.help, 'data-count': kind },
    `${meaning.label} ${fmt(value)} ${meaning.unit}`);
}

/** A big figure for a page header: the number, and the count's name below it. */
export function stat(kind, value) {
  const meaning = COUNTS[kind];
  return h('div', { class: 'stat', title: meaning.help, 'data-count': kind },
    h('dt', {}, `${meaning.label}（${meaning.unit}）`), h('dd', {}, fmt(value)));
}

/** What each count on the view means, in words (the same words as the tooltips). */
export function countLegend(kinds) {
  return h('details', { class: 'count-legend' },
    h('summary', {}, '数字说明'),
    h('dl', {}, kinds.map((kind) => [h('dt', {}, `${COUNTS[kind].label} N ${COUNTS[kind].unit}`), h('dd', {}, COUNTS[kind].help)])));
}

/** "All N articles ›" under the first few of an entity's articles. */
export function moreLink(href, total, shown, noun = '篇文章') {
  if (total <= shown) return null;
  return h('p', { class: 'more-link' }, h('a', { class: 'button button-quiet', href }, `查看全部 ${fmt(total)} ${noun} ›`));
}

export function feedLink(filters, label = '订阅此列表（Atom）') {
  return h('a', { class: 'feed-link', href: feedURL(filters), type: 'application/atom+xml' },
    h('span', { class: 'feed-icon', 'aria-hidden': 'true' }), label);
}

/** From/to date fields; submitting goes to the address hrefFor({from, to}) gives. */
export function dateRangeForm({ from, to, hrefFor, idPrefix = 'range' }) {
  const fromInput = h('input', { type: 'date', id: `${idPrefix}-from`, name: 'from', class: 'input input-date', value: from || null });
  const toInput = h('input', { type: 'date', id: `${idPrefix}-to`, name: 'to', class: 'input input-date', value: to || null });
  const form = h('form', { class: 'date-range', 'aria-label': '按日期筛选', onsubmit: (event) => {
    event.preventDefault();
    const a = isISODate(fromInput.value) ? fromInput.value : null;
    const b = isISODate(toInput.value) ? toInput.value : null;
    location.hash = hrefFor(a && b && a > b ? { from: b, to: a } : { from: a, to: b });
  } },
  h('span', { class: 'date-field' }, h('label', { for: `${idPrefix}-from` }, '从'), fromInput),
  h('span', { class: 'date-field' }, h('label', { for: `${idPrefix}-to` }, '到'), toInput),
  h('button', { type: 'submit', class: 'button button-small' }, '按日期筛选'),
  from || to ? h('a', { class: 'date-clear', href: hrefFor({ from: null, to: null }) }, '清除日期') : null);
  return form;
}

/** The from/to of the address, when they are real dates. */
export function dateParams(params) {
  const from = params.get('from');
  const to = params.get('to');
  return { from: isISODate(from) ? from : null, to: isISODate(to) ? to : null };
}

export function rangeText({ from, to }) {
  if (from && to) return from === to ? longDate(from) : `${longDate(from)}至${longDate(to)}`;
  if (from) return `${longDate(from)}以来`;
  if (to) return `${longDate(to)}以前`;
  return '';
}

// ---- states ----

export function loadingNode() {
  return h('div', { class: 'state state-loading' },
    h('span', { class: 'spinner', 'aria-hidden': 'true' }),
    h('p', { class: 'state-text' }, '正在加载…'));
}

const NOUNS = {
  article: '文章', author: '作者', locality: '地区', initiative: '举措', tag: '标签', page: '版面', edition: '日期的版面', route: '页面',
};

export function notFound(kind, id) {
  const noun = NOUNS[kind] || '内容';
  const heading = kind === 'route' ? '页面不存在' : `未找到该${noun}`;
  const detail = kind === 'route'
    ? `地址“${id}”没有对应的页面。`
    : kind === 'edition' ? `档案中没有 ${longDate(id) || id} 的版面。`
      : `档案中没有编号为“${id}”的${noun}。它可能已被删除，或者链接有误。`;
  const node = h('section', { class: 'state state-notfound', 'data-state': 'not-found' },
    h('p', { class: 'state-code', 'aria-hidden': 'true' }, '404'),
    pageHeading(heading),
    h('p', { class: 'state-text' }, detail),
    h('p', { class: 'state-actions' },
      h('a', { class: 'button', href: '#/' }, '返回要闻'),
      h('a', { class: 'button button-quiet', href: '#/search' }, '搜索档案')));
  return { title: heading, node, announce: heading, status: 404 };
}

/** A removed article: 410 from the API, with the page it was on. */
export function goneState(id, problem) {
  const page = problem && problem.page;
  const node = h('section', { class: 'state state-gone', 'data-state': 'gone' },
    h('p', { class: 'state-code', 'aria-hidden': 'true' }, '410'),
    pageHeading('这篇文章已被删除'),
    h('p', { class: 'state-text' }, `编号为“${id}”的文章已从档案中删除。`),
    h('p', { class: 'state-actions' },
      page ? h('a', { class: 'button', href: link.page(page.id) }, '查看它所在的版面') : null,
      h('a', { class: 'button button-quiet', href: '#/' }, '返回要闻')));
  return { title: '文章已删除', node, announce: '这篇文章已被删除' };
}

/** The view for a failed load, in Chinese whatever the server said; its button renders again. */
export function errorResult(error) {
  const heading = error && error.title ? error.title : '加载失败';
  const detail = error && error.status !== undefined ? error.detail : '页面脚本出错，请刷新后重试。';
  const node = h('section', { class: 'state state-error', 'data-state': 'error' },
    pageHeading(heading),
    h('p', { class: 'state-text' }, detail),
    error && error.status ? h('p', { class: 'state-code-small' }, `错误代码 ${error.status}`) : null,
    h('p', { class: 'state-actions' },
      h('button', { type: 'button', class: 'button', onclick: () => window.dispatchEvent(new CustomEvent('newsroom:retry')) }, '重试'),
      h('a', { class: 'button button-quiet', href: '#/' }, '返回要闻')));
  return { title: heading, node, announce: `${heading}。${detail}` };
}

/** A page's name as a reader would say it (株洲日报 A03版), never the storage file name. */
export function pageName(page) {
  if (!page.newspaper) return page.page_label ? `${pageLabel(page.page_label)}（报名不详）` : '报名不详的版面';
  return [page.newspaper, page.page_label ? pageLabel(page.page_label) : null].filter(Boolean).join(' ');
}
