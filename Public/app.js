/*
 * Newsroom frontend: a single-page app over the JSON API at /api/v1.
 *
 * Plain DOM, no framework, no build step. One rule above all: text that comes from the archive
 * goes into the page as text (text nodes, textContent), never as markup. Nothing here uses
 * innerHTML, and the Content-Security-Policy forbids inline scripts and styles besides.
 *
 * Views are hash routes (#/articles/ID, #/search?q=...), so every view has a shareable URL and
 * the back button works. Sections: helpers, API client, shared components, views, charts, router.
 */
'use strict';

(function () {
  const API_BASE = '/api/v1';
  const SITE = 'Newsroom';
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const PER_PAGE = 12;
  const SEARCH_PER_PAGE = 10;

  const KIND_LABELS = { theory: '理论', news: '新闻', digest: '摘编', editorial: '编者按' };
  const KIND_COLORS = { theory: '#b3121b', news: '#1d4f91', digest: '#c4820e', editorial: '#3f7a55' };
  const ROLE_LABELS = {
    author: '作者', reporter: '记者', correspondent: '通讯员', photographer: '摄影', intern: '实习生', editor: '编辑',
  };
  const LEVEL_LABELS = { province: '省', city: '市', district: '区', county: '县', street: '街道', community: '社区' };
  const SORTS = [
    ['-page', '最新入库'],
    ['page', '版面顺序'],
    ['title', '按标题'],
  ];
  const DEFAULT_SORT = '-page';
  const FILTERS = ['kind', 'locality', 'tag', 'initiative'];

  // ---------------------------------------------------------------------------------------------
  // Helpers: DOM building (text only), URLs, formatting
  // ---------------------------------------------------------------------------------------------

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
  function h(tag, props, ...children) {
    const el = document.createElement(tag);
    applyProps(el, props);
    return appendChildren(el, children);
  }

  /** The same for SVG elements. */
  function s(tag, props, ...children) {
    const el = document.createElementNS(SVG_NS, tag);
    applyProps(el, props);
    return appendChildren(el, children);
  }

  /** Nodes with a separator string between them. */
  function joined(nodes, separator) {
    const out = [];
    nodes.forEach((node, index) => {
      if (index > 0) out.push(separator);
      out.push(node);
    });
    return out;
  }

  /**
   * The text with the given [start, end) ranges (UTF-16 offsets, as the API sends them) wrapped
   * in <mark> elements. Ranges are clamped, sorted and merged; the rest stays plain text.
   */
  function highlighted(text, ranges) {
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
  function occurrences(text, needles) {
    const ranges = [];
    for (const needle of needles) {
      if (!needle) continue;
      for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length)) {
        ranges.push([i, i + needle.length]);
      }
    }
    return ranges;
  }

  const enc = encodeURIComponent;

  function queryString(params) {
    const parts = [];
    for (const [key, value] of Object.entries(params || {})) {
      if (value === null || value === undefined || value === '') continue;
      parts.push(enc(key) + '=' + enc(String(value)));
    }
    return parts.length ? '?' + parts.join('&') : '';
  }

  function decodeSegment(segment) {
    try {
      return decodeURIComponent(segment);
    } catch {
      return segment;
    }
  }

  const link = {
    front: (params) => '#/' + queryString(params),
    search: (q, page) => '#/search' + queryString({ q, page: page > 1 ? page : null }),
    article: (id) => '#/articles/' + enc(id),
    author: (id) => '#/authors/' + enc(id),
    locality: (id) => '#/localities/' + enc(id),
    initiative: (id) => '#/initiatives/' + enc(id),
    tag: (term) => '#/tags/' + enc(term),
    page: (id) => '#/pages/' + enc(id),
  };

  const numberFormat = new Intl.NumberFormat('zh-CN');
  const fmt = (n) => numberFormat.format(n);

  function positiveInt(value, fallback = 1) {
    const n = Number.parseInt(value, 10);
    return Number.isFinite(n) && n >= 1 && n <= 100000 ? n : fallback;
  }

  /** A title for an article that has none: the start of its text. */
  function displayTitle(title, text) {
    if (title) return title;
    const start = (text || '').replace(/\s+/g, '').slice(0, 18);
    return start ? `（无题）${start}…` : '（无题）';
  }

  // ---------------------------------------------------------------------------------------------
  // API client
  // ---------------------------------------------------------------------------------------------

  class ApiError extends Error {
    constructor(status, title, detail, parameter) {
      super(detail || title);
      this.status = status;
      this.title = title;
      this.detail = detail;
      this.parameter = parameter;
    }
  }

  async function api(path, params) {
    const url = API_BASE + path + queryString(params);
    let response;
    try {
      response = await fetch(url, { headers: { Accept: 'application/json' } });
    } catch {
      throw new ApiError(0, '无法连接到服务器', '服务器暂时无法访问，请检查网络连接后重试。');
    }
    let body = null;
    try {
      body = await response.json();
    } catch {
      body = null;
    }
    if (!response.ok) {
      const problem = body && typeof body === 'object' ? body : {};
      throw new ApiError(response.status, problem.title || response.statusText || '请求失败', problem.detail || '', problem.parameter);
    }
    if (body === null) throw new ApiError(response.status, '响应无效', '服务器返回的数据无法解析。');
    return body;
  }

  /** Small in-memory cache for lists that many views share (facets, pages). */
  const memo = new Map();
  function cached(key, ttlMs, load) {
    const hit = memo.get(key);
    if (hit && Date.now() - hit.time < ttlMs) return hit.promise;
    const promise = load();
    memo.set(key, { time: Date.now(), promise });
    promise.catch(() => memo.delete(key));
    return promise;
  }

  function loadPagesIndex() {
    return cached('pages', 60000, async () => {
      const list = await api('/pages', { per_page: 100 });
      return new Map(list.items.map((p) => [p.id, p]));
    });
  }

  function loadFacets() {
    return cached('facets', 60000, async () => {
      const [localities, tags, initiatives] = await Promise.all([
        api('/localities', { per_page: 100 }),
        api('/tags', { per_page: 24 }),
        api('/initiatives', { per_page: 100 }),
      ]);
      return { localities: localities.items, tags: tags.items, initiatives: initiatives.items };
    });
  }

  // ---------------------------------------------------------------------------------------------
  // Shared components
  // ---------------------------------------------------------------------------------------------

  function pageHeading(text, props = {}) {
    return h('h1', { class: ['page-title', props.class], id: props.id, tabindex: '-1' }, text);
  }

  function breadcrumbs(items) {
    return h('nav', { class: 'breadcrumbs', 'aria-label': '当前位置' },
      h('ol', {}, items.map(([label, href], index) =>
        h('li', {}, href && index < items.length - 1 ? h('a', { href }, label) : h('span', { 'aria-current': 'page' }, label)))));
  }

  function kindBadge(kind) {
    return h('span', { class: ['badge', 'kind-' + kind] }, KIND_LABELS[kind] || kind);
  }

  function personLink(person) {
    return person.id ? h('a', { href: link.author(person.id), class: 'person' }, person.name) : h('span', { class: 'person' }, person.name);
  }

  function localityLink(place) {
    return place ? h('a', { href: link.locality(place.id), class: 'place' }, place.name) : null;
  }

  /** Kind, authors and place of an article, as one line of metadata. */
  function articleMeta(article) {
    const authors = article.authors || [];
    return h('p', { class: 'meta' },
      kindBadge(article.kind),
      authors.length ? h('span', { class: 'meta-authors' }, joined(authors.map(personLink), '、')) : null,
      article.locality ? h('span', { class: 'meta-place' }, localityLink(article.locality)) : null);
  }

  function tagList(tags, label = '标签') {
    if (!tags || !tags.length) return null;
    return h('ul', { class: 'tag-list', 'aria-label': label },
      tags.map((term) => h('li', {}, h('a', { class: 'tag', href: link.tag(term) }, term))));
  }

  /** An article summary as a card; search hits carry highlighted title and snippet. */
  function articleCard(article, options = {}) {
    const level = options.headingLevel || 3;
    const titleText = displayTitle(article.title, article.excerpt);
    const titleContent = article.title && article.title_highlights ? highlighted(article.title, article.title_highlights) : titleText;
    const page = options.pages && options.pages.get(article.page.id);
    let text;
    if (article.snippet) {
      text = h('p', { class: 'card-snippet' }, highlighted(article.snippet.text, article.snippet.highlights));
    } else if (options.lead && options.teaser && options.teaser.length) {
      text = h('div', { class: 'card-teaser' }, options.teaser.map((paragraph) => h('p', {}, paragraph)));
    } else {
      text = h('p', { class: 'card-excerpt' }, article.excerpt);
    }
    return h('article', { class: ['card', options.lead && 'card-lead'], 'data-article-id': article.id },
      article.kicker ? h('p', { class: 'kicker' }, article.kicker) : null,
      h('h' + level, { class: 'card-title' }, h('a', { href: link.article(article.id) }, titleContent)),
      article.subtitle ? h('p', { class: 'card-subtitle' }, article.subtitle) : null,
      articleMeta(article),
      text,
      tagList(article.tags),
      page && page.newspaper
        ? h('p', { class: 'card-source' }, h('a', { href: link.page(page.id) }, page.newspaper), ` · 本版第 ${article.page.ordinal} 篇`)
        : null);
  }

  function cardGrid(articles, options = {}) {
    return h('div', { class: ['card-grid', options.class] },
      articles.map((article, index) => articleCard(article, { ...options, lead: options.lead && index === 0 })));
  }

  /** Numbered pages with previous/next; nothing when everything fits on one page. */
  function pagination({ page, perPage, total, hrefFor }) {
    const last = Math.max(1, Math.ceil(total / perPage));
    if (last <= 1) return null;
    const numbers = new Set([1, last, page - 1, page, page + 1].filter((n) => n >= 1 && n <= last));
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
    return h('nav', { class: 'pager', 'aria-label': '分页' }, h('ul', {}, items));
  }

  function section(title, content, props = {}) {
    const id = props.id || 'sec-' + Math.random().toString(36).slice(2, 9);
    return h('section', { class: ['section', props.class], 'aria-labelledby': id },
      h(props.level || 'h2', { class: 'section-title', id }, title, props.count !== undefined ? h('span', { class: 'section-count' }, fmt(props.count)) : null),
      content);
  }

  function emptyState(text, ...actions) {
    return h('div', { class: 'state state-empty' }, h('p', { class: 'state-text' }, text),
      actions.length ? h('p', { class: 'state-actions' }, actions) : null);
  }

  function stat(value, label) {
    return h('div', { class: 'stat' }, h('dt', {}, label), h('dd', {}, fmt(value)));
  }

  // ---------------------------------------------------------------------------------------------
  // States: loading, error, not found
  // ---------------------------------------------------------------------------------------------

  function loadingNode() {
    return h('div', { class: 'state state-loading' },
      h('span', { class: 'spinner', 'aria-hidden': 'true' }),
      h('p', { class: 'state-text' }, '正在加载…'));
  }

  const NOUNS = {
    article: '文章', author: '作者', locality: '地区', initiative: '举措', tag: '标签', page: '版面', route: '页面',
  };

  function notFound(kind, id) {
    const noun = NOUNS[kind] || '内容';
    const heading = kind === 'route' ? '页面不存在' : `未找到该${noun}`;
    const detail = kind === 'route'
      ? `地址“${id}”没有对应的页面。`
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

  function errorResult(error) {
    const offline = error && error.status === 0;
    const heading = offline ? '无法连接到服务器' : `加载失败${error && error.status ? `（${error.status}）` : ''}`;
    const detail = (error && (error.detail || error.message)) || '发生了未知错误。';
    const node = h('section', { class: 'state state-error', 'data-state': 'error' },
      pageHeading(heading),
      h('p', { class: 'state-text' }, detail),
      h('p', { class: 'state-actions' },
        h('button', { type: 'button', class: 'button', onclick: () => render() }, '重试'),
        h('a', { class: 'button button-quiet', href: '#/' }, '返回要闻')));
    return { title: heading, node, announce: `${heading}。${detail}` };
  }

  // ---------------------------------------------------------------------------------------------
  // Views. Each returns { title, node, announce?, nav?, query? }.
  // ---------------------------------------------------------------------------------------------

  async function frontView({ params }) {
    const filters = {};
    for (const name of FILTERS) {
      const value = params.get(name);
      if (value) filters[name] = value;
    }
    const sort = SORTS.some(([value]) => value === params.get('sort')) ? params.get('sort') : DEFAULT_SORT;
    const page = positiveInt(params.get('page'));
    const state = { ...filters, sort: sort === DEFAULT_SORT ? null : sort };
    const hrefWith = (changes) => link.front({ ...state, ...changes, page: changes.page > 1 ? changes.page : null });

    let list;
    let facets;
    let pages;
    try {
      [list, facets, pages] = await Promise.all([
        api('/articles', { ...filters, sort, page, per_page: PER_PAGE }),
        loadFacets(),
        loadPagesIndex(),
      ]);
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        const node = h('div', {}, pageHeading('要闻'),
          h('div', { class: 'state state-error', 'data-state': 'error' },
            h('p', { class: 'state-text' }, `筛选条件无效：${error.detail}`),
            h('p', { class: 'state-actions' }, h('a', { class: 'button', href: '#/' }, '清除全部筛选'))));
        return { title: '筛选条件无效', node, nav: 'front' };
      }
      throw error;
    }

    const filtered = Object.keys(filters).length > 0;
    const last = Math.max(1, Math.ceil(list.total / PER_PAGE));
    const countText = filtered ? `符合条件的文章 ${fmt(list.total)} 篇` : `共 ${fmt(list.total)} 篇文章`;
    const pageText = list.total > PER_PAGE ? `第 ${page} / ${last} 页` : '';

    const names = {
      kind: (v) => KIND_LABELS[v] || v,
      locality: (v) => (facets.localities.find((p) => p.id === v) || { name: v }).name,
      tag: (v) => v,
      initiative: (v) => (facets.initiatives.find((i) => i.id === v) || { name: v }).name,
    };
    const heading = filtered ? Object.entries(filters).map(([k, v]) => names[k](v)).join(' · ') : '要闻';

    const sortLinks = h('p', { class: 'segmented', role: 'group', 'aria-label': '排序' },
      SORTS.map(([value, label]) => h('a', {
        href: link.front({ ...filters, sort: value === DEFAULT_SORT ? null : value }),
        'aria-current': value === sort ? 'true' : null,
      }, label)));

    const header = h('header', { class: 'page-header front-header' },
      h('div', {},
        h('p', { class: 'eyebrow' }, filtered ? '筛选结果' : '最新文章'),
        pageHeading(heading),
        h('p', { class: 'result-count', id: 'result-count' }, countText, pageText ? h('span', { class: 'result-page' }, ' · ' + pageText) : null)),
      sortLinks);

    // The lead story gets the opening paragraphs of its text rather than the short excerpt.
    const lead = !filtered && page === 1 && sort === DEFAULT_SORT && list.items.length > 0;
    const leadArticle = lead ? await api('/articles/' + enc(list.items[0].id)).catch(() => null) : null;
    const teaser = leadArticle ? leadArticle.paragraphs.slice(0, 4) : null;
    const content = list.items.length
      ? cardGrid(list.items, { pages, lead, teaser, headingLevel: 3 })
      : emptyState(filtered ? '没有符合这些筛选条件的文章。' : '档案里还没有文章。',
        filtered ? h('a', { class: 'button', href: '#/' }, '清除全部筛选') : null,
        page > 1 ? h('a', { class: 'button button-quiet', href: hrefWith({ page: 1 }) }, '回到第一页') : null);

    const node = h('div', { class: 'front' },
      header,
      filterPanel(filters, facets, state, names),
      h('section', { class: 'section', 'aria-labelledby': 'list-heading' },
        h('h2', { class: 'visually-hidden', id: 'list-heading' }, '文章列表'),
        content,
        pagination({ page, perPage: PER_PAGE, total: list.total, hrefFor: (n) => hrefWith({ page: n }) })));
    return {
      title: filtered ? `${heading} · 筛选` : '要闻',
      node,
      nav: 'front',
      announce: `${heading}：${countText}${pageText ? '，' + pageText : ''}`,
    };
  }

  /** Chip groups for kind, locality, tag and initiative; a chip toggles its filter. */
  function filterPanel(filters, facets, state, names) {
    const groups = [
      ['kind', '体裁', Object.keys(KIND_LABELS)],
      ['locality', '地区', facets.localities.filter((p) => p.article_count > 0).slice(0, 10).map((p) => p.id)],
      ['tag', '标签', facets.tags.slice(0, 12).map((t) => t.term)],
      ['initiative', '举措', facets.initiatives.slice(0, 8).map((i) => i.id)],
    ];
    const rows = groups.map(([name, label, values]) => {
      const active = filters[name];
      const shown = active && !values.includes(active) ? [active, ...values] : values;
      const labelID = 'filter-' + name;
      const chips = [h('li', {}, h('a', {
        class: ['chip', !active && 'is-active'], href: link.front({ ...state, [name]: null }), 'aria-current': active ? null : 'true',
      }, '全部'))];
      for (const value of shown) {
        const isActive = value === active;
        chips.push(h('li', {}, h('a', {
          class: ['chip', isActive && 'is-active'],
          href: link.front({ ...state, [name]: isActive ? null : value }),
          'aria-current': isActive ? 'true' : null,
          'data-filter': name,
          'data-value': value,
        }, names[name](value), isActive ? h('span', { class: 'visually-hidden' }, '（已选中，再次点击取消）') : null)));
      }
      return h('div', { class: 'filter-row', role: 'group', 'aria-labelledby': labelID },
        h('span', { class: 'filter-label', id: labelID }, label),
        h('ul', { class: 'chip-list' }, chips));
    });
    const activeEntries = Object.entries(filters);
    return h('section', { class: 'filters', 'aria-labelledby': 'filters-heading' },
      h('h2', { class: 'visually-hidden', id: 'filters-heading' }, '筛选'),
      rows,
      activeEntries.length
        ? h('p', { class: 'filter-active' }, '已选：', joined(activeEntries.map(([k, v]) => h('strong', {}, names[k](v))), '、'), ' ',
          h('a', { href: '#/', class: 'filter-clear' }, '清除全部'))
        : null);
  }

  async function searchView({ params }) {
    const q = (params.get('q') || '').trim();
    if (!q) {
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
    const page = positiveInt(params.get('page'));
    let result;
    try {
      result = await api('/search', { q, page, per_page: SEARCH_PER_PAGE });
    } catch (error) {
      if (error instanceof ApiError && error.status === 400) {
        return {
          title: `搜索：${q}`, query: q,
          node: h('div', {}, pageHeading(`搜索“${q}”`), emptyState(`无法执行这次搜索：${error.detail}`)),
          announce: `无法执行这次搜索：${error.detail}`,
        };
      }
      throw error;
    }
    const countText = result.total ? `找到 ${fmt(result.total)} 篇相关文章` : '没有找到相关文章';
    const last = Math.max(1, Math.ceil(result.total / SEARCH_PER_PAGE));
    const results = result.items.length
      ? h('ol', { class: 'results', start: (page - 1) * SEARCH_PER_PAGE + 1 }, result.items.map((item) => h('li', { class: 'result' },
        articleCard(item, { headingLevel: 3 }))))
      : emptyState(result.total ? '这一页没有更多结果。' : `没有找到与“${q}”相关的文章。试试更短的关键词，或者浏览标签。`,
        h('a', { class: 'button button-quiet', href: '#/tags' }, '浏览标签'));

    const side = [];
    if (result.authors.length) {
      side.push(section('作者', h('ul', { class: 'side-list' }, result.authors.map((a) => h('li', {},
        h('a', { href: link.author(a.id) }, a.name), h('span', { class: 'side-note' }, `${fmt(a.article_count)} 篇`)))), { class: 'side-section' }));
    }
    if (result.initiatives.length) {
      side.push(section('举措', h('ul', { class: 'side-list' }, result.initiatives.map((i) => h('li', {},
        h('a', { href: link.initiative(i.id) }, i.name), h('span', { class: 'side-note' }, [i.locality && i.locality.name, `提及 ${fmt(i.mentions)} 次`].filter(Boolean).join(' · '))))),
      { class: 'side-section' }));
    }
    if (result.tags.length) {
      side.push(section('标签', h('ul', { class: 'tag-list' }, result.tags.map((t) => h('li', {},
        h('a', { class: 'tag', href: link.tag(t.term) }, t.term, h('span', { class: 'tag-count' }, String(t.articles)))))), { class: 'side-section' }));
    }
    if (!side.length) side.push(h('p', { class: 'side-empty' }, '没有名称匹配的作者、举措或标签。'));

    const node = h('div', { class: 'search' },
      h('header', { class: 'page-header' },
        h('p', { class: 'eyebrow' }, '搜索结果'),
        pageHeading(`“${q}”`),
        h('p', { class: 'result-count', id: 'result-count' }, countText, result.total > SEARCH_PER_PAGE ? ` · 第 ${page} / ${last} 页` : '')),
      h('div', { class: 'two-col' },
        h('section', { class: 'col-main', 'aria-labelledby': 'results-heading' },
          h('h2', { class: 'visually-hidden', id: 'results-heading' }, '文章'),
          results,
          pagination({ page, perPage: SEARCH_PER_PAGE, total: result.total, hrefFor: (n) => link.search(q, n) })),
        h('aside', { class: 'col-side', 'aria-label': '匹配的作者、举措和标签' }, side)));
    return { title: `搜索：${q}`, node, query: q, nav: 'search', announce: `搜索“${q}”：${countText}` };
  }

  async function articleView({ args: [id] }) {
    let article;
    let pages;
    try {
      [article, pages] = await Promise.all([api('/articles/' + enc(id)), loadPagesIndex().catch(() => new Map())]);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return notFound('article', id);
      throw error;
    }
    const title = displayTitle(article.title, article.paragraphs && article.paragraphs[0]);
    const page = pages.get(article.page.id);

    const roles = new Map();
    for (const person of article.authors) {
      if (!roles.has(person.role)) roles.set(person.role, []);
      roles.get(person.role).push(person);
    }
    const byline = roles.size
      ? h('p', { class: 'byline' }, [...roles].map(([role, people]) => h('span', { class: 'byline-group' },
        h('span', { class: 'byline-role' }, ROLE_LABELS[role] || role), ' ', joined(people.map(personLink), '、'))))
      : null;

    const origin = h('p', { class: 'origin' },
      h('span', {}, article.page.newspaper || (page && page.newspaper) || '版面'), ' · ',
      h('a', { href: link.page(article.page.id), class: 'origin-file' }, article.page.file || article.page.id),
      ` · 本版第 ${article.page.ordinal} 篇`,
      article.dateline ? ` · ${article.dateline}` : '');

    const body = h('div', { class: 'article-body' }, article.body.map((block) => block.type === 'subheading'
      ? h('h2', { class: 'article-subheading' }, block.text)
      : h('p', {}, block.text)));

    const captions = article.captions.length
      ? h('section', { class: 'captions', 'aria-labelledby': 'captions-heading' },
        h('h2', { class: 'captions-title', id: 'captions-heading' }, '图片说明'),
        h('ul', {}, article.captions.map((c) => h('li', { class: 'caption' },
          h('span', { class: 'caption-mark', 'aria-hidden': 'true' }, '▲'), c.text,
          c.credit && !c.text.includes(c.credit) ? h('span', { class: 'caption-credit' }, c.credit) : null))))
      : null;

    const aside = [];
    if (article.tags.length) {
      const top = article.tags[0].score || 1;
      aside.push(section('标签', h('ul', { class: 'tag-list' }, article.tags.map((t) => h('li', {},
        h('a', { class: ['tag', t.score / top > 0.5 && 'tag-strong'], href: link.tag(t.term) }, t.term)))), { class: 'side-section' }));
    }
    if (article.locality || article.places.length) {
      aside.push(section('地区', h('div', {},
        article.locality ? h('p', { class: 'side-lead' }, '主要地区：', localityLink(article.locality)) : null,
        article.places.length ? h('ul', { class: 'side-list' }, article.places.map((p) => h('li', {},
          h('a', { href: link.locality(p.id) }, p.name), h('span', { class: 'side-note' }, `提及 ${fmt(p.count)} 次`)))) : null), { class: 'side-section' }));
    }
    if (article.initiatives.length) {
      aside.push(section('相关举措', h('ul', { class: 'initiative-list' }, article.initiatives.map((i) => h('li', { class: 'initiative-item' },
        h('p', { class: 'initiative-name' }, h('a', { href: link.initiative(i.id) }, i.name),
          h('span', { class: 'side-note' }, [i.locality && i.locality.name, `文中提及 ${fmt(i.mentions)} 次`].filter(Boolean).join(' · '))),
        i.context ? h('blockquote', { class: 'context' }, highlighted(i.context, occurrences(i.context, [i.name]))) : null))), { class: 'side-section' }));
    }
    if (article.related.length) {
      aside.push(section('相关文章', h('ul', { class: 'related-list' }, article.related.map((r) => h('li', {},
        h('a', { href: link.article(r.id) }, displayTitle(r.title)),
        r.shared.length ? h('span', { class: 'side-note' }, '共同标签：' + r.shared.join('、')) : null))), { class: 'side-section' }));
    }

    const crumbs = [['要闻', '#/']];
    if (article.locality) crumbs.push([article.locality.name, link.locality(article.locality.id)]);
    crumbs.push([KIND_LABELS[article.kind] || article.kind, link.front({ kind: article.kind })]);

    const node = h('div', { class: 'article-layout' },
      h('article', { class: 'article', 'aria-labelledby': 'article-title' },
        breadcrumbs(crumbs),
        h('header', { class: 'article-header' },
          article.series ? h('p', { class: 'series' }, article.series) : null,
          article.kicker ? h('p', { class: 'kicker' }, article.kicker) : null,
          pageHeading(title, { id: 'article-title', class: 'article-title' }),
          article.subtitle ? h('p', { class: 'article-subtitle' }, article.subtitle) : null,
          byline,
          article.affiliation ? h('p', { class: 'affiliation' }, article.affiliation) : null,
          article.source ? h('p', { class: 'source' }, h('span', { class: 'source-label' }, '来源'), article.source) : null,
          origin),
        body,
        captions),
      h('aside', { class: 'article-aside', 'aria-label': '文章信息' }, aside));
    return { title, node, nav: 'front' };
  }

  async function authorView({ args: [id] }) {
    let author;
    let pages;
    try {
      [author, pages] = await Promise.all([api('/authors/' + enc(id)), loadPagesIndex().catch(() => new Map())]);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return notFound('author', id);
      throw error;
    }
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
        h('dl', { class: 'stats' }, stat(author.article_count, '文章'))),
      section('署名文章', author.articles.length ? cardGrid(author.articles, { pages }) : emptyState('暂无文章。'), { count: author.articles.length }));
    return { title: `${author.name} · 作者`, node, nav: 'authors' };
  }

  async function localityView({ args: [id] }) {
    let place;
    let pages;
    try {
      [place, pages] = await Promise.all([api('/localities/' + enc(id)), loadPagesIndex().catch(() => new Map())]);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return notFound('locality', id);
      throw error;
    }
    const crumbs = [['地区', '#/localities'], ...place.ancestors.map((a) => [a.name, link.locality(a.id)]), [place.name]];
    const children = place.children.length
      ? h('ul', { class: 'chip-list chip-list-wrap' }, place.children.map((c) => h('li', {},
        h('a', { class: 'chip', href: link.locality(c.id) }, c.name, h('span', { class: 'chip-note' }, LEVEL_LABELS[c.level] || c.level)))))
      : emptyState('没有记录下辖地区。');
    const initiatives = place.initiatives.length ? initiativeList(place.initiatives) : emptyState('暂无记录的本地举措。');
    const node = h('div', { class: 'entity' },
      breadcrumbs(crumbs),
      h('header', { class: 'page-header' },
        h('p', { class: 'eyebrow' }, `地区 · ${LEVEL_LABELS[place.level] || place.level}级`),
        pageHeading(place.name),
        place.parent ? h('p', { class: 'entity-details' }, '上级：', localityLink(place.parent)) : null,
        h('dl', { class: 'stats' }, stat(place.article_count, '文章'), stat(place.mention_count, '提及'),
          stat(place.children.length, '下辖地区'), stat(place.initiatives.length, '举措')),
        place.article_count ? h('p', { class: 'entity-actions' }, h('a', { class: 'button button-quiet', href: link.front({ locality: place.id }) }, '在要闻中筛选此地区')) : null),
      section('下辖地区', children, { count: place.children.length, id: 'children-heading' }),
      section('本地举措', initiatives, { count: place.initiatives.length, id: 'programmes-heading' }),
      section('相关文章', place.articles.length ? cardGrid(place.articles, { pages }) : emptyState('暂无以此地为主的文章。'), { count: place.articles.length }));
    return { title: `${place.name} · 地区`, node, nav: 'localities' };
  }

  function initiativeList(initiatives) {
    return h('ul', { class: 'entity-list' }, initiatives.map((i) => h('li', { class: 'entity-row' },
      h('a', { class: 'entity-name', href: link.initiative(i.id) }, i.name),
      h('span', { class: 'entity-meta' }, [i.type, i.locality && i.locality.name].filter(Boolean).join(' · ')),
      h('span', { class: 'entity-figure' }, `提及 ${fmt(i.mentions)} 次 · ${fmt(i.article_count)} 篇`))));
  }

  async function initiativeView({ args: [id] }) {
    let initiative;
    let pages;
    try {
      [initiative, pages] = await Promise.all([api('/initiatives/' + enc(id)), loadPagesIndex().catch(() => new Map())]);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return notFound('initiative', id);
      throw error;
    }
    const needles = [initiative.name, ...initiative.aliases];
    const mentions = initiative.mentions_in_context.length
      ? h('ol', { class: 'mentions' }, initiative.mentions_in_context.map((m) => h('li', { class: 'mention' },
        h('h3', { class: 'mention-title' }, h('a', { href: link.article(m.article.id) }, displayTitle(m.article.title))),
        h('p', { class: 'side-note' }, `文中提及 ${fmt(m.count)} 次`),
        h('blockquote', { class: 'context' }, highlighted(m.context, occurrences(m.context, needles))))))
      : emptyState('没有记录上下文。');
    const node = h('div', { class: 'entity' },
      breadcrumbs([['举措', '#/initiatives'], [initiative.name]]),
      h('header', { class: 'page-header' },
        h('p', { class: 'eyebrow' }, initiative.type ? `举措 · ${initiative.type}` : '举措'),
        pageHeading(initiative.name),
        h('p', { class: 'entity-details' },
          initiative.locality ? ['地区：', localityLink(initiative.locality)] : null,
          initiative.aliases.length ? h('span', { class: 'aliases' }, '又称：' + initiative.aliases.join('、')) : null),
        h('dl', { class: 'stats' }, stat(initiative.mentions, '提及'), stat(initiative.article_count, '文章'))),
      section('上下文中的提及', mentions, { count: initiative.mentions_in_context.length, id: 'mentions-heading' }),
      section('相关文章', initiative.articles.length ? cardGrid(initiative.articles, { pages }) : emptyState('暂无文章。'), { count: initiative.articles.length }));
    return { title: `${initiative.name} · 举措`, node, nav: 'initiatives' };
  }

  async function tagView({ args: [term], params }) {
    const page = positiveInt(params.get('page'));
    let result;
    let pages;
    try {
      [result, pages] = await Promise.all([api('/tags/' + enc(term), { page, per_page: PER_PAGE }), loadPagesIndex().catch(() => new Map())]);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return notFound('tag', term);
      throw error;
    }
    const node = h('div', { class: 'entity' },
      breadcrumbs([['标签', '#/tags'], [term]]),
      h('header', { class: 'page-header' },
        h('p', { class: 'eyebrow' }, '标签'),
        pageHeading(term, { class: 'tag-title' }),
        h('p', { class: 'result-count' }, `共 ${fmt(result.total)} 篇文章`),
        h('p', { class: 'entity-actions' },
          h('a', { class: 'button button-quiet', href: link.front({ tag: term }) }, '在要闻中筛选'),
          h('a', { class: 'button button-quiet', href: link.search(term) }, '全文搜索此词'))),
      section('文章', result.items.length ? cardGrid(result.items, { pages }) : emptyState('这一页没有文章。'), { count: result.total }),
      pagination({ page, perPage: PER_PAGE, total: result.total, hrefFor: (n) => link.tag(term) + (n > 1 ? `?page=${n}` : '') }));
    return { title: `${term} · 标签`, node, nav: 'tags', announce: `标签“${term}”：共 ${result.total} 篇文章` };
  }

  async function pageView({ args: [id] }) {
    let record;
    try {
      record = await api('/pages/' + enc(id));
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return notFound('page', id);
      throw error;
    }
    const editors = record.editors.map((e) => `${e.role}：${e.name}`);
    const node = h('div', { class: 'entity' },
      breadcrumbs([['版面', '#/pages'], [record.file]]),
      h('header', { class: 'page-header' },
        h('p', { class: 'eyebrow' }, `版面 · ${record.source === 'uploaded' ? '上传' : '馆藏'}`),
        pageHeading(record.newspaper || record.file),
        h('p', { class: 'entity-details' }, h('span', { class: 'mono' }, record.file),
          record.page_numbers.length ? ` · ${record.page_numbers.join('、')}` : '',
          editors.length ? ` · ${editors.join('　')}` : ''),
        record.banners.length ? h('ul', { class: 'banner-list', 'aria-label': '栏目' }, record.banners.map((b) => h('li', {}, b))) : null,
        h('dl', { class: 'stats' }, stat(record.article_count, '文章'))),
      section('本版文章', record.articles.length ? cardGrid(record.articles, {}) : emptyState('这个版面没有识别出文章。'), { count: record.articles.length }));
    return { title: `${record.newspaper || record.file} · 版面`, node, nav: 'pages' };
  }

  async function authorsView({ params }) {
    const page = positiveInt(params.get('page'));
    const list = await api('/authors', { page, per_page: 50 });
    const rows = list.items.length
      ? h('ul', { class: 'entity-list' }, list.items.map((a) => h('li', { class: 'entity-row' },
        h('a', { class: 'entity-name', href: link.author(a.id) }, a.name),
        h('span', { class: 'entity-meta' }, [a.roles.map((r) => ROLE_LABELS[r] || r).join('、'), a.organisations.join('、')].filter(Boolean).join(' · ')),
        h('span', { class: 'entity-figure' }, `${fmt(a.article_count)} 篇`))))
      : emptyState('还没有作者。');
    return {
      title: '作者', nav: 'authors',
      node: h('div', {}, h('header', { class: 'page-header' }, h('p', { class: 'eyebrow' }, '索引'), pageHeading('作者'),
        h('p', { class: 'result-count' }, `共 ${fmt(list.total)} 位作者，按文章数排列`)),
      rows, pagination({ page, perPage: 50, total: list.total, hrefFor: (n) => '#/authors' + (n > 1 ? `?page=${n}` : '') })),
    };
  }

  async function localitiesView() {
    const list = await api('/localities', { per_page: 100 });
    const max = Math.max(1, ...list.items.map((p) => p.article_count));
    const rows = list.items.length
      ? h('ul', { class: 'entity-list' }, list.items.map((p) => {
        const bar = h('span', { class: 'inline-bar', 'aria-hidden': 'true' });
        bar.style.width = `${Math.round((p.article_count / max) * 100)}%`;
        return h('li', { class: 'entity-row' },
          h('a', { class: 'entity-name', href: link.locality(p.id) }, p.name),
          h('span', { class: 'entity-meta' }, `${LEVEL_LABELS[p.level] || p.level}级` + (p.parent ? ` · 上级：${p.parent}` : '')),
          h('span', { class: 'entity-figure' }, `${fmt(p.article_count)} 篇 · 提及 ${fmt(p.mention_count)} 次`),
          h('span', { class: 'inline-bar-track' }, bar));
      }))
      : emptyState('还没有识别出地区。');
    return {
      title: '地区', nav: 'localities',
      node: h('div', {}, h('header', { class: 'page-header' }, h('p', { class: 'eyebrow' }, '索引'), pageHeading('地区'),
        h('p', { class: 'result-count' }, `文章涉及 ${fmt(list.total)} 个地区，按文章数排列`)), rows),
    };
  }

  async function initiativesView() {
    const list = await api('/initiatives', { per_page: 100 });
    return {
      title: '举措', nav: 'initiatives',
      node: h('div', {}, h('header', { class: 'page-header' }, h('p', { class: 'eyebrow' }, '索引'), pageHeading('地方举措'),
        h('p', { class: 'result-count' }, `共 ${fmt(list.total)} 项举措，按提及次数排列`)),
      list.items.length ? initiativeList(list.items) : emptyState('还没有识别出举措。')),
    };
  }

  async function tagsView({ params }) {
    const sort = params.get('sort') === 'name' ? 'name' : 'count';
    const page = positiveInt(params.get('page'));
    const list = await api('/tags', { sort, page, per_page: 100 });
    const max = Math.max(1, ...list.items.map((t) => t.articles));
    const cloud = h('ul', { class: 'tag-cloud' }, list.items.map((t) => {
      const weight = Math.min(5, 1 + Math.round((t.articles / max) * 4));
      return h('li', {}, h('a', { class: ['tag', 'weight-' + weight], href: link.tag(t.term), title: `${t.articles} 篇文章` }, t.term,
        h('span', { class: 'visually-hidden' }, `（${t.articles} 篇）`)));
    }));
    const switcher = h('p', { class: 'segmented', role: 'group', 'aria-label': '排序' },
      h('a', { href: '#/tags', 'aria-current': sort === 'count' ? 'true' : null }, '按文章数'),
      h('a', { href: '#/tags?sort=name', 'aria-current': sort === 'name' ? 'true' : null }, '按名称'));
    return {
      title: '标签', nav: 'tags',
      node: h('div', {}, h('header', { class: 'page-header' }, h('p', { class: 'eyebrow' }, '索引'), pageHeading('标签'),
        h('p', { class: 'result-count' }, `共 ${fmt(list.total)} 个关键词标签`), switcher),
      list.items.length ? cloud : emptyState('还没有标签。'),
      pagination({ page, perPage: 100, total: list.total, hrefFor: (n) => '#/tags' + queryString({ sort: sort === 'name' ? 'name' : null, page: n > 1 ? n : null }) })),
    };
  }

  async function pagesView() {
    const list = await api('/pages', { per_page: 100 });
    const rows = list.items.length
      ? h('ul', { class: 'entity-list' }, list.items.map((p) => h('li', { class: 'entity-row' },
        h('a', { class: 'entity-name mono', href: link.page(p.id) }, p.file),
        h('span', { class: 'entity-meta' }, [p.newspaper, p.banners.slice(0, 2).join('、'), p.source === 'uploaded' ? '上传' : null].filter(Boolean).join(' · ')),
        h('span', { class: 'entity-figure' }, `${fmt(p.article_count)} 篇`))))
      : emptyState('还没有版面。');
    return {
      title: '版面', nav: 'pages',
      node: h('div', {}, h('header', { class: 'page-header' }, h('p', { class: 'eyebrow' }, '索引'), pageHeading('版面文件'),
        h('p', { class: 'result-count' }, `共 ${fmt(list.total)} 个版面`)), rows),
    };
  }

  async function overviewView() {
    const kinds = Object.keys(KIND_LABELS);
    const [articles, authors, localities, initiatives, tags, pages, ...kindTotals] = await Promise.all([
      api('/articles', { per_page: 1 }),
      api('/authors', { per_page: 1 }),
      api('/localities', { per_page: 100 }),
      api('/initiatives', { per_page: 100 }),
      api('/tags', { per_page: 60 }),
      api('/pages', { per_page: 1 }),
      ...kinds.map((kind) => api('/articles', { kind, per_page: 1 })),
    ]);

    const placeItems = localities.items.filter((p) => p.article_count > 0).slice(0, 12)
      .map((p) => ({ label: p.name, value: p.article_count, href: link.locality(p.id), note: LEVEL_LABELS[p.level] }));
    const initiativeItems = [...initiatives.items].sort((a, b) => b.mentions - a.mentions).slice(0, 10)
      .map((i) => ({ label: i.name, value: i.mentions, href: link.initiative(i.id), note: i.locality ? i.locality.name : '' }));
    const kindItems = kinds.map((kind, index) => ({
      label: KIND_LABELS[kind], value: kindTotals[index].total, href: link.front({ kind }), color: KIND_COLORS[kind],
    })).filter((k) => k.value > 0);
    const tagItems = tags.items.map((t) => ({ label: t.term, value: t.articles, href: link.tag(t.term) }));

    const charts = h('div', { class: 'chart-grid' },
      chartFigure({
        id: 'chart-localities', title: '各地文章数', wide: true,
        description: '每个地区以它为主要地区的文章数（前 12 位）。点击条形查看地区。',
        items: placeItems, unit: '篇', draw: (width, labelledBy) => drawBars(width, placeItems, { labelledBy, unit: '篇', color: '#b3121b' }),
      }),
      chartFigure({
        id: 'chart-kinds', title: '体裁构成', description: '理论文章、新闻、摘编和编者按各占多少。',
        items: kindItems, unit: '篇', draw: (width, labelledBy) => drawDonut(width, kindItems, { labelledBy, unit: '篇' }),
      }),
      chartFigure({
        id: 'chart-initiatives', title: '提及最多的举措', description: '各项地方举措在全部文章中被提及的次数（前 10 位）。',
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
          stat(articles.total, '文章'), stat(pages.total, '版面'), stat(authors.total, '作者'),
          stat(localities.total, '地区'), stat(initiatives.total, '举措'), stat(tags.total, '标签'))),
      charts);
    return { title: '数据概览', node, nav: 'overview' };
  }

  // ---------------------------------------------------------------------------------------------
  // Charts: inline SVG built with createElementNS, drawn to the width of their container
  // ---------------------------------------------------------------------------------------------

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

  /** A figure whose SVG is redrawn whenever its width changes; its data also as a table. */
  function chartFigure({ id, title, description, items, unit, draw, wide }) {
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

  function drawBars(width, items, { labelledBy, unit, color }) {
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

  function drawDonut(width, items, { labelledBy, unit }) {
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
  function drawCloud(width, items, { labelledBy }) {
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
    const palette = ['#8a8a8a', '#6b6b6b', '#1d4f91', '#8c0e15', '#b3121b'];
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

  // ---------------------------------------------------------------------------------------------
  // Router
  // ---------------------------------------------------------------------------------------------

  const routes = [
    [/^\/$/, frontView],
    [/^\/search$/, searchView],
    [/^\/overview$/, overviewView],
    [/^\/articles\/([^/]+)$/, articleView],
    [/^\/authors$/, authorsView],
    [/^\/authors\/([^/]+)$/, authorView],
    [/^\/localities$/, localitiesView],
    [/^\/localities\/([^/]+)$/, localityView],
    [/^\/initiatives$/, initiativesView],
    [/^\/initiatives\/([^/]+)$/, initiativeView],
    [/^\/tags$/, tagsView],
    [/^\/tags\/([^/]+)$/, tagView],
    [/^\/pages$/, pagesView],
    [/^\/pages\/([^/]+)$/, pageView],
  ];

  function parseLocation() {
    const raw = location.hash.replace(/^#/, '');
    const cut = raw.indexOf('?');
    let path = cut >= 0 ? raw.slice(0, cut) : raw;
    path = '/' + path.replace(/^\/+/, '').replace(/\/+$/, '');
    return { path, params: new URLSearchParams(cut >= 0 ? raw.slice(cut + 1) : '') };
  }

  const main = document.getElementById('main');
  const status = document.getElementById('status');
  const searchInput = document.getElementById('search-input');
  let renderCount = 0;
  let rendering = false;

  function announce(message) {
    status.textContent = '';
    if (message) setTimeout(() => { status.textContent = message; }, 50);
  }

  function setNav(active) {
    for (const a of document.querySelectorAll('.site-nav a[data-nav]')) {
      if (a.dataset.nav === active) a.setAttribute('aria-current', 'page');
      else a.removeAttribute('aria-current');
    }
  }

  async function render() {
    const token = ++renderCount;
    const savedY = history.state && typeof history.state.y === 'number' ? history.state.y : null;
    rendering = true;
    while (resizeObservers.length) resizeObservers.pop().disconnect();
    const { path, params } = parseLocation();
    let view = null;
    let args = [];
    for (const [pattern, candidate] of routes) {
      const match = pattern.exec(path);
      if (match) {
        view = candidate;
        args = match.slice(1).map(decodeSegment);
        break;
      }
    }
    main.setAttribute('aria-busy', 'true');
    const loadingTimer = setTimeout(() => {
      if (token !== renderCount) return;
      main.replaceChildren(loadingNode());
      announce('正在加载…');
    }, 150);
    let result;
    try {
      result = view ? await view({ args, params }) : notFound('route', path);
    } catch (error) {
      result = errorResult(error);
    }
    clearTimeout(loadingTimer);
    if (token !== renderCount) return;

    main.replaceChildren(result.node);
    main.setAttribute('aria-busy', 'false');
    main.dataset.view = view ? view.name : 'notFound';
    main.dataset.render = String(token);
    document.title = `${result.title} · ${SITE}`;
    setNav(result.nav || null);
    searchInput.value = result.query || '';
    announce(result.announce || result.title);

    // Keyboard and screen-reader users land on the new heading; back/forward restores the scroll.
    if (token > 1) {
      const heading = main.querySelector('h1');
      if (heading) heading.focus({ preventScroll: true });
    }
    window.scrollTo(0, savedY !== null ? savedY : 0);
    rendering = false;
  }

  let scrollTimer = 0;
  window.addEventListener('scroll', () => {
    if (rendering) return;
    clearTimeout(scrollTimer);
    scrollTimer = setTimeout(() => {
      if (!rendering) history.replaceState({ ...(history.state || {}), y: Math.round(window.scrollY) }, '');
    }, 120);
  }, { passive: true });

  window.addEventListener('hashchange', () => {
    if (location.hash === '#main') return;
    render();
  });

  document.getElementById('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const q = searchInput.value.trim();
    if (!q) {
      searchInput.focus();
      return;
    }
    const target = link.search(q);
    if (location.hash === target) render();
    else location.hash = target;
  });

  // The skip link must not become a route: focus the main region instead.
  document.getElementById('skip-link').addEventListener('click', (event) => {
    event.preventDefault();
    main.focus();
  });

  if ('scrollRestoration' in history) history.scrollRestoration = 'manual';
  if (location.hash === '#main') history.replaceState(history.state, '', '#/');
  render();
})();
