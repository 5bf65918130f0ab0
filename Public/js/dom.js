/*
 * Building the page from archive text. One rule above all: text that comes from the archive goes
 * into the page as text (text nodes, textContent), never as markup. Nothing in the frontend uses
 * innerHTML, and the Content-Security-Policy forbids inline scripts and styles besides.
 */

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** Sets attributes and listeners. `class` takes a string or a list; `on…` adds a listener. */
function applyProps(el, props) {
  if (!props) return;
  for (const [key, value] of Object.entries(props)) {
    if (value === null || value === undefined || value === false) continue;
    if (key === 'class') {
      const names = Array.isArray(value) ? value.filter(Boolean).join(' ') : value;
      if (names) el.setAttribute('class', names);
    } else if (key.startsWith('on') && typeof value === 'function') {
      el.addEventListener(key.slice(2), value);
    } else {
      el.setAttribute(key, value === true ? '' : String(value));
    }
  }
}

/** Appends children: nodes as they are, everything else as a text node. */
function appendChildren(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false || child === '') continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

/** `h('a', {href}, 'text', node, …)`: an HTML element whose string children become text nodes. */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  applyProps(el, props);
  return appendChildren(el, children);
}

/** The same for SVG elements. */
export function s(tag, props, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  applyProps(el, props);
  return appendChildren(el, children);
}

/** Nodes with a separator between them: a string, or a function that makes a fresh separator node. */
export function joined(nodes, separator) {
  const out = [];
  nodes.forEach((node, index) => {
    if (index > 0) out.push(typeof separator === 'function' ? separator() : separator);
    out.push(node);
  });
  return out;
}

/**
 * The text with the given [start, end) ranges (UTF-16 offsets, as the API sends them) wrapped in
 * <mark> elements. Ranges are clamped, sorted and merged; the rest stays plain text.
 */
export function highlighted(text, ranges) {
  const fragment = document.createDocumentFragment();
  const length = text.length;
  const clean = (Array.isArray(ranges) ? ranges : [])
    .filter((r) => Array.isArray(r) && r.length === 2 && Number.isInteger(r[0]) && Number.isInteger(r[1]))
    .map(([a, b]) => [Math.max(0, Math.min(length, a)), Math.max(0, Math.min(length, b))])
    .filter(([a, b]) => b > a)
    .sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  let position = 0;
  for (const [a, b] of clean) {
    const start = Math.max(a, position);
    if (b <= start) continue;
    if (start > position) fragment.append(document.createTextNode(text.slice(position, start)));
    const mark = document.createElement('mark');
    mark.textContent = text.slice(start, b);
    fragment.append(mark);
    position = b;
  }
  if (position < length) fragment.append(document.createTextNode(text.slice(position)));
  return fragment;
}

/** [start, end) ranges of every occurrence of the needles in the text. */
export function occurrences(text, needles) {
  const ranges = [];
  for (const needle of needles) {
    if (!needle) continue;
    for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) {
      ranges.push([i, i + needle.length]);
    }
  }
  return ranges;
}
