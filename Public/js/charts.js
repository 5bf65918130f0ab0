/* Charts: inline SVG built with createElementNS, drawn to the width of their container. */
import { h, s } from './dom.js';
import { fmt } from './format.js';
import { emptyState } from './components.js';

const measureContext = document.createElement('canvas').getContext('2d');
function textWidth(text, size, weight = 400) {
  if (!measureContext) return text.length * size;
  measureContext.font = `${weight} ${size}px ${getComputedStyle(document.body).fontFamily}`;
  return measureContext.measureText(text).width;
}

/** The text, shortened with an ellipsis to fit the width. */
function fitText(text, maxWidth, size, weight) {
  if (textWidth(text, size, weight) <= maxWidth) return text;
  let end = text.length;
  while (end > 1 && textWidth(text.slice(0, end) + '…', size, weight) > maxWidth) end -= 1;
  return text.slice(0, end) + '…';
}

const resizeObservers = [];

/** Stops redrawing the charts of the view being left. */
export function disconnectCharts() {
  while (resizeObservers.length) resizeObservers.pop().disconnect();
}

/** A figure whose SVG is redrawn whenever its width changes; its data also as a table. */
export function chartFigure({ id, title, description, items, unit, draw, wide }) {
  const canvas = h('div', { class: 'chart-canvas', 'data-chart': id });
  const titleID = id + '-title';
  const table = h('table', { class: 'data-table' },
    h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, '名称'), h('th', { scope: 'col' }, `数量（${unit}）`))),
    h('tbody', {}, items.map((item) => h('tr', {}, h('th', { scope: 'row' }, h('a', { href: item.href }, item.label)), h('td', {}, fmt(item.value))))));
  const figure = h('figure', { class: ['chart-figure', wide && 'chart-wide'], id },
    h('figcaption', {}, h('h2', { class: 'chart-title', id: titleID }, title), h('p', { class: 'chart-desc' }, description)),
    items.length ? canvas : emptyState('暂无数据。'),
    items.length ? h('details', { class: 'chart-data' }, h('summary', {}, '查看数据表'), table) : null);
  let lastWidth = 0;
  const observer = new ResizeObserver(() => {
    const width = Math.floor(canvas.clientWidth);
    if (!width || width === lastWidth) return;
    lastWidth = width;
    canvas.replaceChildren(draw(width, titleID));
  });
  observer.observe(canvas);
  resizeObservers.push(observer);
  return figure;
}

export function drawBars(width, items, { labelledBy, unit, color }) {
  const rowHeight = 32;
  const barHeight = 18;
  const fontSize = 14;
  const labelWidth = Math.round(Math.min(200, Math.max(108, width * 0.3)));
  const maxValue = Math.max(1, ...items.map((i) => i.value));
  const valueWidth = textWidth(fmt(maxValue) + ' ' + unit, 13) + 10;
  const plotWidth = Math.max(30, width - labelWidth - valueWidth);
  const axisTop = 6;
  const height = axisTop + items.length * rowHeight + 6;
  const root = s('svg', {
    class: 'chart chart-bars', width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-labelledby': labelledBy,
  });
  // Quarter gridlines behind the bars.
  for (let q = 1; q <= 4; q += 1) {
    const x = labelWidth + Math.round((plotWidth * q) / 4);
    root.append(s('line', { class: 'gridline', x1: x, x2: x, y1: axisTop, y2: height - 6 }));
  }
  root.append(s('line', { class: 'axis', x1: labelWidth, x2: labelWidth, y1: axisTop, y2: height - 6 }));
  items.forEach((item, index) => {
    const y = axisTop + index * rowHeight;
    const barWidth = Math.max(3, Math.round((plotWidth * item.value) / maxValue));
    const label = fitText(item.label, labelWidth - 12, fontSize);
    root.append(s('a', { href: item.href, class: 'chart-link', 'aria-label': `${item.label}：${item.value} ${unit}` },
      s('title', {}, `${item.label}${item.note ? `（${item.note}）` : ''}：${item.value} ${unit}`),
      s('rect', { class: 'hit', x: 0, y, width, height: rowHeight, fill: 'transparent' }),
      s('text', { class: 'bar-label', x: labelWidth - 10, y: y + rowHeight / 2, 'text-anchor': 'end', 'dominant-baseline': 'central', 'font-size': fontSize }, label),
      s('rect', { class: 'bar', x: labelWidth, y: y + (rowHeight - barHeight) / 2, width: barWidth, height: barHeight, rx: 2, fill: color }),
      s('text', { class: 'bar-value', x: labelWidth + barWidth + 6, y: y + rowHeight / 2, 'dominant-baseline': 'central', 'font-size': 13 }, `${fmt(item.value)} ${unit}`)));
  });
  return root;
}

function arcPath(cx, cy, outer, inner, start, end) {
  const point = (r, angle) => [cx + r * Math.sin(angle), cy - r * Math.cos(angle)];
  const large = end - start > Math.PI ? 1 : 0;
  const [x0, y0] = point(outer, start);
  const [x1, y1] = point(outer, end);
  const [x2, y2] = point(inner, end);
  const [x3, y3] = point(inner, start);
  return `M${x0.toFixed(2)} ${y0.toFixed(2)} A${outer} ${outer} 0 ${large} 1 ${x1.toFixed(2)} ${y1.toFixed(2)} `
    + `L${x2.toFixed(2)} ${y2.toFixed(2)} A${inner} ${inner} 0 ${large} 0 ${x3.toFixed(2)} ${y3.toFixed(2)} Z`;
}

export function drawDonut(width, items, { labelledBy, unit }) {
  const total = items.reduce((sum, i) => sum + i.value, 0) || 1;
  const side = width >= 400;
  const diameter = Math.min(200, side ? width * 0.45 : width - 20);
  const outer = diameter / 2;
  const inner = outer * 0.6;
  const legendRow = 30;
  const legendHeight = items.length * legendRow;
  const height = side ? Math.max(diameter, legendHeight) + 16 : diameter + 24 + legendHeight;
  const cx = side ? outer + 8 : width / 2;
  const cy = side ? height / 2 : outer + 8;
  const root = s('svg', {
    class: 'chart chart-donut', width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-labelledby': labelledBy,
  });
  let angle = 0;
  items.forEach((item) => {
    const sweep = (item.value / total) * Math.PI * 2;
    // A full circle cannot be one arc: draw it as two halves.
    const parts = sweep >= Math.PI * 2 - 1e-6 ? [[0, Math.PI], [Math.PI, Math.PI * 2]] : [[angle, angle + sweep]];
    const slice = s('a', { href: item.href, class: 'chart-link', 'aria-label': `${item.label}：${item.value} ${unit}` },
      s('title', {}, `${item.label}：${item.value} ${unit}（${Math.round((item.value / total) * 100)}%）`));
    for (const [a, b] of parts) slice.append(s('path', { class: 'slice', d: arcPath(cx, cy, outer, inner, a, b), fill: item.color }));
    root.append(slice);
    angle += sweep;
  });
  root.append(s('text', { class: 'donut-total', x: cx, y: cy - 6, 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': 26 }, fmt(total)));
  root.append(s('text', { class: 'donut-unit', x: cx, y: cy + 18, 'text-anchor': 'middle', 'dominant-baseline': 'central', 'font-size': 13 }, `篇文章`));
  const legendX = side ? diameter + 40 : Math.max(8, width / 2 - 90);
  const legendY = side ? (height - legendHeight) / 2 : diameter + 24;
  items.forEach((item, index) => {
    const y = legendY + index * legendRow;
    const share = Math.round((item.value / total) * 100);
    root.append(s('a', { href: item.href, class: 'chart-link legend-link', 'aria-hidden': 'true', tabindex: '-1' },
      s('rect', { x: legendX, y: y + 7, width: 14, height: 14, rx: 3, fill: item.color }),
      s('text', { class: 'legend-label', x: legendX + 22, y: y + 14, 'dominant-baseline': 'central', 'font-size': 14 }, item.label),
      s('text', { class: 'legend-value', x: legendX + 90, y: y + 14, 'dominant-baseline': 'central', 'font-size': 13 }, `${fmt(item.value)} ${unit} · ${share}%`)));
  });
  return root;
}

/** Words in rows, sized by count, each row centred; alphabetical order mixes the sizes. */
export function drawCloud(width, items, { labelledBy }) {
  const sorted = [...items].sort((a, b) => a.label.localeCompare(b.label, 'zh-CN'));
  const min = Math.min(...items.map((i) => i.value));
  const max = Math.max(...items.map((i) => i.value));
  const smallest = width < 480 ? 13 : 14;
  const largest = width < 480 ? 26 : 36;
  const sizeOf = (value) => (max === min ? smallest + 4 : smallest + Math.sqrt((value - min) / (max - min)) * (largest - smallest));
  const gap = width < 480 ? 10 : 16;
  const rows = [];
  let row = { words: [], width: 0, size: 0 };
  for (const item of sorted) {
    const size = Math.round(sizeOf(item.value));
    const weight = size >= smallest + 8 ? 700 : 400;
    const wordWidth = Math.min(width, textWidth(item.label, size, weight));
    if (row.words.length && row.width + gap + wordWidth > width) {
      rows.push(row);
      row = { words: [], width: 0, size: 0 };
    }
    row.width += (row.words.length ? gap : 0) + wordWidth;
    row.size = Math.max(row.size, size);
    row.words.push({ item, size, weight, wordWidth });
  }
  if (row.words.length) rows.push(row);
  let y = 4;
  const placed = [];
  for (const r of rows) {
    const lineHeight = Math.round(r.size * 1.45);
    let x = (width - r.width) / 2;
    for (const word of r.words) {
      placed.push({ ...word, x, y: y + lineHeight / 2 });
      x += word.wordWidth + gap;
    }
    y += lineHeight;
  }
  const height = Math.ceil(y + 4);
  const root = s('svg', {
    class: 'chart chart-cloud', width, height, viewBox: `0 0 ${width} ${height}`, role: 'group', 'aria-labelledby': labelledBy,
  });
  // Every shade reaches 4.5:1 on the white card, the smallest words included (WCAG AA).
  const palette = ['#595959', '#4a4a4a', '#1d4f91', '#8c0e15', '#b3121b'];
  for (const word of placed) {
    const level = max === min ? 2 : Math.min(4, Math.floor(((word.item.value - min) / (max - min)) * 4.999));
    root.append(s('a', { href: word.item.href, class: 'chart-link', 'aria-label': `${word.item.label}：${word.item.value} 篇` },
      s('title', {}, `${word.item.label}：${word.item.value} 篇文章`),
      s('text', {
        class: 'cloud-word', x: word.x, y: word.y, 'dominant-baseline': 'central', 'font-size': word.size,
        'font-weight': word.weight, fill: palette[level], textLength: word.wordWidth >= width ? width : null,
        lengthAdjust: word.wordWidth >= width ? 'spacingAndGlyphs' : null,
      }, word.item.label)));
  }
  return root;
}
