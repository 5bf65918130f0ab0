/* 概览: the archive in numbers and four charts, each from one small, bounded request. */
import { h } from '../dom.js';
import { api } from '../api.js';
import { link } from '../links.js';
import { KIND_LABELS, KIND_COLORS, LEVEL_LABELS, initiativeKind } from '../labels.js';
import { pageHeading } from '../components.js';
import { fmt } from '../format.js';
import { chartFigure, drawBars, drawDonut, drawCloud } from '../charts.js';

function figure(value, label) {
  return h('div', { class: 'stat' }, h('dt', {}, label), h('dd', {}, fmt(value)));
}

export async function overviewView() {
  const kinds = Object.keys(KIND_LABELS);
  const [index, authors, localities, initiatives, tags, ...kindTotals] = await Promise.all([
    api(''),
    api('/authors', { per_page: 1 }),
    api('/localities', { per_page: 12 }),
    api('/initiatives', { per_page: 10 }),
    api('/tags', { per_page: 60 }),
    ...kinds.map((kind) => api('/articles', { kind, per_page: 1 })),
  ]);
  const counts = index.counts || {};

  const placeItems = localities.items.filter((p) => p.article_count > 0)
    .map((p) => ({ label: p.name, value: p.article_count, href: link.locality(p.id), note: LEVEL_LABELS[p.level] }));
  const initiativeItems = initiatives.items
    .map((i) => ({ label: i.name, value: i.mention_count, href: link.initiative(i.id), note: initiativeKind(i) }));
  const kindItems = kinds.map((kind, i) => ({
    label: KIND_LABELS[kind], value: kindTotals[i].total, href: link.front({ kind }), color: KIND_COLORS[kind],
  })).filter((k) => k.value > 0);
  const tagItems = tags.items.map((t) => ({ label: t.name, value: t.article_count, href: link.tag(t.id) }));

  const charts = h('div', { class: 'chart-grid' },
    chartFigure({
      id: 'chart-localities', title: '各地报道数', wide: true,
      description: '以此地（含下辖地区）为主要地区的文章数，前 12 位。点击条形查看地区。',
      items: placeItems, unit: '篇', draw: (width, labelledBy) => drawBars(width, placeItems, { labelledBy, unit: '篇', color: '#b3121b' }),
    }),
    chartFigure({
      id: 'chart-kinds', title: '体裁构成', description: '理论文章、新闻、摘编和编者按各占多少。',
      items: kindItems, unit: '篇', draw: (width, labelledBy) => drawDonut(width, kindItems, { labelledBy, unit: '篇' }),
    }),
    chartFigure({
      id: 'chart-initiatives', title: '提及最多的举措', description: '全部文章提到各项地方举措的总次数，前 10 位。',
      items: initiativeItems, unit: '次', draw: (width, labelledBy) => drawBars(width, initiativeItems, { labelledBy, unit: '次', color: '#1d4f91' }),
    }),
    chartFigure({
      id: 'chart-tags', title: '标签云', wide: true, description: '字号越大，带这个标签的文章越多（前 60 个标签）。',
      items: tagItems, unit: '篇', draw: (width, labelledBy) => drawCloud(width, tagItems, { labelledBy }),
    }));

  const node = h('div', { class: 'overview' },
    h('header', { class: 'page-header' },
      h('p', { class: 'eyebrow' }, '数据概览'),
      pageHeading('档案一览'),
      h('p', { class: 'lead' }, '全部版面中的文章按地区、举措、体裁和关键词汇总。'),
      h('dl', { class: 'stats stats-wide' },
        figure(counts.articles || 0, '文章'), figure(counts.pages || 0, '版面'), figure(counts.editions || 0, '出版日'),
        figure(authors.total, '作者'), figure(localities.total, '地区'), figure(initiatives.total, '举措'), figure(tags.total, '标签'))),
    charts);
  return { title: '数据概览', node, nav: 'overview' };
}
