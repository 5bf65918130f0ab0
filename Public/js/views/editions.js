/* Browsing by date: a calendar of the days the archive holds, and one day's paper page by page. */
import { h } from '../dom.js';
import { api, apiOrNull } from '../api.js';
import { fmt, longDate, weekday, positiveInt, isISODate, pageLabel } from '../format.js';
import { link } from '../links.js';
import {
  pageHeading, breadcrumbs, section, emptyState, notFound, pagination, feedLink, titleText, bylineText, count, kindBadge,
} from '../components.js';

const EDITIONS_PER_PAGE = 100;
const DAY_ARTICLES = 100;
const WEEK = ['一', '二', '三', '四', '五', '六', '日'];

/** One month as a calendar table; days with an edition link to it. */
function monthTable(month, editions) {
  const [year, mon] = month.split('-').map(Number);
  const byDay = new Map(editions.map((e) => [Number(e.date.slice(8, 10)), e]));
  const first = new Date(Date.UTC(year, mon - 1, 1)).getUTCDay(); // 0 = Sunday
  const offset = (first + 6) % 7; // weeks start on Monday
  const days = new Date(Date.UTC(year, mon, 0)).getUTCDate();
  const rows = [];
  let cells = [];
  for (let i = 0; i < offset; i += 1) cells.push(h('td', { class: 'cal-blank' }));
  for (let day = 1; day <= days; day += 1) {
    const edition = byDay.get(day);
    cells.push(edition
      ? h('td', { class: 'cal-day has-edition' }, h('a', {
        href: link.edition(edition.date), title: `${longDate(edition.date)}：${edition.page_count} 个版面`,
        'aria-label': `${longDate(edition.date)}，${edition.page_count} 个版面`,
      }, String(day)))
      : h('td', { class: 'cal-day' }, String(day)));
    if (cells.length === 7) {
      rows.push(h('tr', {}, cells));
      cells = [];
    }
  }
  if (cells.length) rows.push(h('tr', {}, cells));
  return h('section', { class: 'cal-month', 'aria-labelledby': `cal-${month}` },
    h('h2', { class: 'cal-title', id: `cal-${month}` }, `${year}年${mon}月`, h('span', { class: 'section-count' }, `${editions.length} 天`)),
    h('table', { class: 'calendar' },
      h('thead', {}, h('tr', {}, WEEK.map((d) => h('th', { scope: 'col', abbr: `星期${d}` }, d)))),
      h('tbody', {}, rows)));
}

export async function editionsView({ params }) {
  const page = positiveInt(params.get('page'));
  const list = await api('/editions', { page, per_page: EDITIONS_PER_PAGE });
  const months = new Map();
  for (const edition of list.items) {
    const month = edition.date.slice(0, 7);
    if (!months.has(month)) months.set(month, []);
    months.get(month).push(edition);
  }
  const input = h('input', { type: 'date', id: 'edition-date', name: 'date', class: 'input input-date' });
  const jump = h('form', { class: 'inline-search', onsubmit: (event) => {
    event.preventDefault();
    if (isISODate(input.value)) location.hash = link.edition(input.value);
  } }, h('label', { for: 'edition-date' }, '跳到日期'), input, h('button', { type: 'submit', class: 'button button-small' }, '查看'));
  const node = h('div', { class: 'editions' },
    h('header', { class: 'page-header' },
      h('p', { class: 'eyebrow' }, '按日期浏览'),
      pageHeading('报纸日历'),
      h('p', { class: 'result-count', id: 'result-count' }, list.total ? `档案收录 ${fmt(list.total)} 天的报纸，新的日期在前` : '档案中的版面还没有日期。'),
      jump),
    list.items.length ? h('div', { class: 'cal-grid' }, [...months].map(([month, editions]) => monthTable(month, editions)))
      : emptyState('上传版面时注明日期（date=YYYY-MM-DD），就能按日期浏览。', h('a', { class: 'button button-quiet', href: '#/pages' }, '浏览全部版面')),
    pagination({ page, perPage: EDITIONS_PER_PAGE, total: list.total, hrefFor: (n) => link.editions({ page: n > 1 ? n : null }), label: '更早或更新的日期' }));
  return { title: '报纸日历', node, nav: 'editions' };
}

/** One day: the pages in newspaper and page order, each with its headlines. The day's detail
 * lists its first pages; a day with more (a backlog imported under one date) pages through the rest. */
export async function editionView({ args: [date], params }) {
  if (!isISODate(date)) return notFound('edition', date);
  const page = positiveInt(params.get('page'));
  const [edition, articles] = await Promise.all([
    apiOrNull('/editions/' + encodeURIComponent(date)),
    api('/articles', { from: date, to: date, sort: 'date', per_page: DAY_ARTICLES }),
  ]);
  if (!edition) return notFound('edition', date);
  // A day of more pages than its detail lists is paged by that many, so page 1 is the detail's.
  const paged = edition.page_count > edition.pages.length;
  const perPage = edition.pages.length;
  const pages = paged && page > 1 ? (await api('/pages', { date, page, per_page: perPage })).items : edition.pages;
  const byPage = new Map();
  for (const article of articles.items) {
    if (!byPage.has(article.page.id)) byPage.set(article.page.id, []);
    byPage.get(article.page.id).push(article);
  }
  const sections = [];
  let newspaper = null;
  for (const p of pages) {
    if (p.newspaper !== newspaper && edition.newspapers.length > 1) {
      newspaper = p.newspaper;
      sections.push(h('h3', { class: 'edition-paper' }, newspaper || '报名不详'));
    }
    const items = (byPage.get(p.id) || []).sort((a, b) => a.ordinal - b.ordinal);
    const level = edition.newspapers.length > 1 ? 'h4' : 'h3';
    sections.push(h('section', { class: 'edition-page', 'aria-label': `${p.newspaper || ''} ${pageLabel(p.page_label) || ''}` },
      h(level, { class: 'edition-page-title' },
        h('a', { href: link.page(p.id) }, h('span', { class: 'page-label' }, p.page_label ? pageLabel(p.page_label) : '版面'),
          p.section ? h('span', { class: 'page-section' }, p.section) : null),
        h('span', { class: 'edition-page-count' }, count('pageArticles', p.article_count))),
      items.length ? h('ul', { class: 'headline-list' }, items.map((a) => h('li', {},
        h('a', { href: link.article(a.id) }, titleText(a)), ' ', kindBadge(a.kind),
        bylineText(a.byline) ? h('span', { class: 'side-note' }, bylineText(a.byline)) : null)))
        : h('p', { class: 'side-note' }, h('a', { href: link.page(p.id) }, '查看本版文章 ›'))));
  }
  const pager = paged ? pagination({
    page, perPage, total: edition.page_count, label: '当日更多版面',
    hrefFor: (n) => link.edition(date) + (n > 1 ? `?page=${n}` : ''),
  }) : null;
  const title = `${longDate(date)} ${weekday(date)}`;
  const node = h('div', { class: 'edition' },
    breadcrumbs([['报纸日历', link.editions()], [longDate(date)]]),
    h('header', { class: 'page-header' },
      h('p', { class: 'eyebrow' }, edition.newspapers.join('、') || '当日版面'),
      pageHeading(title),
      h('p', { class: 'result-count', id: 'result-count' }, `${fmt(edition.page_count)} 个版面 · ${fmt(edition.article_count)} 篇文章`),
      h('p', { class: 'entity-actions' },
        h('a', { class: 'button button-quiet', href: link.front({ from: date, to: date }) }, '当日文章列表'),
        feedLink({ from: date, to: date }, '订阅当日（Atom）'))),
    section('当日版面', h('div', { class: 'edition-pages' }, sections, pager), { count: edition.page_count, id: 'edition-heading', class: 'edition-section' }));
  return { title, node, nav: 'editions', announce: `${title}：${edition.page_count} 个版面` };
}
