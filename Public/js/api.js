/*
 * The JSON API at /api/v1. Every list the frontend asks for is one page of at most `per_page`
 * items, so no view's download grows with the archive.
 */
import { queryString } from './links.js';

const API_BASE = '/api/v1';

/** Chinese headings for HTTP failures; the API's own English titles are never shown. */
const STATUS_TEXT = {
  0: ['无法连接到服务器', '服务器暂时无法访问，请检查网络连接后重试。'],
  400: ['请求有误', '地址中的参数无法识别。'],
  404: ['未找到', '档案中没有这项内容。'],
  410: ['内容已删除', '这项内容已从档案中删除。'],
  429: ['请求过于频繁', '请稍候片刻再试。'],
  500: ['服务器出错', '服务器处理请求时出错，请稍后重试。'],
  502: ['网关错误', '服务器暂时无法访问，请稍后重试。'],
  503: ['服务器繁忙', '档案正在加载或服务器繁忙，请稍后重试。'],
  504: ['服务器响应超时', '服务器没有及时响应，请稍后重试。'],
};

export class ApiError extends Error {
  constructor(status, problem = {}) {
    const [title, detail] = STATUS_TEXT[status] || (status >= 500 ? STATUS_TEXT[500] : [`请求失败（${status}）`, '请稍后重试。']);
    super(detail);
    this.status = status;
    this.title = title;
    this.detail = detail;
    this.parameter = problem.parameter || null;
    this.problem = problem;
  }
}

export async function api(path, params) {
  const url = API_BASE + path + queryString(params);
  let response;
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError(0);
  }
  let body = null;
  try {
    body = await response.json();
  } catch {
    body = null;
  }
  if (!response.ok) throw new ApiError(response.status, body && typeof body === 'object' ? body : {});
  if (body === null) throw new ApiError(502);
  return body;
}

/** Small lists that several views share (the filter chips), kept for a minute. */
const memo = new Map();

export function cached(key, ttlMs, load) {
  const hit = memo.get(key);
  if (hit && Date.now() - hit.time < ttlMs) return hit.promise;
  const promise = load();
  memo.set(key, { time: Date.now(), promise });
  promise.catch(() => memo.delete(key));
  return promise;
}

/** The API's answer, or null when it is a 404 (the caller shows its not-found view). */
export async function apiOrNull(path, params) {
  try {
    return await api(path, params);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}
