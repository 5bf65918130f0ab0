/* Addresses: the frontend's hash routes, and the server's feed and raw-page URLs. */

export const enc = encodeURIComponent;

/** `?a=1&b=2` from the set values of an object (null, undefined and '' are left out). */
export function queryString(params) {
  const parts = [];
  for (const [key, value] of Object.entries(params || {})) {
    if (value === null || value === undefined || value === '') continue;
    parts.push(enc(key) + '=' + enc(String(value)));
  }
  return parts.length ? '?' + parts.join('&') : '';
}

export function decodeSegment(segment) {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The hash route of each view. Collections of an entity live under it: `#/tags/X/articles`. */
export const link = {
  front: (params) => '#/' + queryString(params),
  search: (q, params = {}) => '#/search' + queryString({ q, ...params }),
  article: (id) => '#/articles/' + enc(id),
  author: (id) => '#/authors/' + enc(id),
  locality: (id) => '#/localities/' + enc(id),
  initiative: (id) => '#/initiatives/' + enc(id),
  tag: (id) => '#/tags/' + enc(id),
  page: (id) => '#/pages/' + enc(id),
  edition: (date) => '#/editions/' + enc(date),
  editions: (params) => '#/editions' + queryString(params),
  localities: (params) => '#/localities' + queryString(params),
  initiatives: (params) => '#/initiatives' + queryString(params),
  /** The paginated articles of one entity: kind is authors, localities, initiatives, tags or pages. */
  articlesOf: (kind, id, params) => `#/${kind}/${enc(id)}/articles` + queryString(params),
};

/** The Atom feed of a list, with the list's filters (the server's /feed.atom takes those of /articles). */
export function feedURL(filters) {
  return '/feed.atom' + queryString(filters);
}

/** The page exactly as stored: the "原始版面" link. */
export function rawPageURL(pageID) {
  return '/api/v1/pages/' + enc(pageID) + '/raw';
}
