/* Numbers, dates and page labels as a Chinese newspaper prints them. */

const numberFormat = new Intl.NumberFormat('zh-CN');

export const fmt = (n) => numberFormat.format(n);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const WEEKDAYS = ['日', '一', '二', '三', '四', '五', '六'];

/** `2023-10-12` → `2023年10月12日`; anything else as given. */
export function longDate(iso) {
  const m = ISO_DATE.exec(iso || '');
  return m ? `${Number(m[1])}年${Number(m[2])}月${Number(m[3])}日` : iso || '';
}

/** `2023-10-12` → `星期四` (the calendar day, whatever the reader's time zone). */
export function weekday(iso) {
  const m = ISO_DATE.exec(iso || '');
  if (!m) return '';
  return '星期' + WEEKDAYS[new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))).getUTCDay()];
}

/** True for a real calendar date written YYYY-MM-DD. */
export function isISODate(value) {
  const m = ISO_DATE.exec(value || '');
  if (!m) return false;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return date.getUTCFullYear() === Number(m[1]) && date.getUTCMonth() === Number(m[2]) - 1 && date.getUTCDate() === Number(m[3]);
}

/** `A01` → `A01版`; a label that already says 版 (第3版) stays as printed. */
export function pageLabel(label) {
  if (!label) return '';
  return /版$/.test(label) ? label : `${label}版`;
}

/** A page number from the address, within sane bounds. */
export function positiveInt(value, fallback = 1) {
  const n = Number.parseInt(value, 10);
  return Number.isFinite(n) && n >= 1 && n <= 100000 ? n : fallback;
}
