/* One printed page: where and when, its neighbours in the edition, furniture, and its articles. */
import { h } from '../dom.js';
import { apiOrNull } from '../api.js';
import { longDate, pageLabel } from '../format.js';
import { link, rawPageURL } from '../links.js';
import {
  pageHeading, breadcrumbs, section, cardGrid, emptyState, stat, notFound, sourceLine, pageName, feedLink,
} from '../components.js';

/** Previous and next page of the same edition day (the edition lists a day's pages in order). */
function neighbours(edition, id) {
  if (!edition) return null;
  const index = edition.pages.findIndex((p) => p.id === id);
  if (index < 0) return null;
  const before = edition.pages[index - 1];
  const after = edition.pages[index + 1];
  return h('nav', { class: 'page-steps', 'aria-label': '同日版面' },
    before ? h('a', { href: link.page(before.id), rel: 'prev' }, '‹ 上一版：', pageName(before)) : h('span', { class: 'is-disabled' }, '已是第一版'),
    h('a', { href: link.edition(edition.date) }, `${longDate(edition.date)}全部 ${edition.page_count} 个版面`),
    after ? h('a', { href: link.page(after.id), rel: 'next' }, '下一版：', pageName(after), ' ›') : h('span', { class: 'is-disabled' }, '已是最后一版'));
}

export async function pageView({ args: [id] }) {
  const record = await apiOrNull('/pages/' + encodeURIComponent(id));
  if (!record) return notFound('page', id);
  const edition = record.date ? await apiOrNull('/editions/' + encodeURIComponent(record.date)).catch(() => null) : null;
  const editors = record.editors.map((e) => `${e.role}：${e.name}`);
  const name = pageName(record);
  const crumbs = [['版面', '#/pages']];
  if (record.date) crumbs.push([longDate(record.date), link.edition(record.date)]);
  crumbs.push([record.page_label ? pageLabel(record.page_label) : name]);
  const gone = record.gone_articles && record.gone_articles.length
    ? h('p', { class: 'side-note' }, `已删除的文章 ${record.gone_articles.length} 篇（旧链接显示“已删除”）`) : null;
  const node = h('div', { class: 'entity' },
    breadcrumbs(crumbs),
    h('header', { class: 'page-header' },
      h('p', { class: 'eyebrow' }, `版面 · ${record.source === 'uploaded' ? '上传' : '馆藏'}`),
      pageHeading(name),
      sourceLine(record, { class: 'entity-details', pageLink: false }),
      h('p', { class: 'entity-details' },
        h('a', { class: 'raw-link', href: record.links && record.links.raw ? record.links.raw : rawPageURL(record.id), type: 'text/plain' }, '原始版面'),
        editors.length ? ` · ${editors.join('　')}` : '',
        record.page_numbers.length ? ` · 版次 ${record.page_numbers.join('、')}` : ''),
      record.banners.length ? h('ul', { class: 'banner-list', 'aria-label': '栏目' }, record.banners.map((b) => h('li', {}, b))) : null,
      h('dl', { class: 'stats' }, stat('pageArticles', record.article_count)),
      neighbours(edition, record.id)),
    section('本版文章', h('div', {},
      record.articles.length ? cardGrid(record.articles, { headingLevel: 3 }) : emptyState('这个版面没有识别出文章。'),
      gone,
      h('p', { class: 'list-feed' }, feedLink({ page_id: record.id }, '订阅本版（Atom）'))),
    { count: record.articles.length }));
  return { title: `${name}${record.date ? ` · ${longDate(record.date)}` : ''} · 版面`, node, nav: 'pages' };
}
