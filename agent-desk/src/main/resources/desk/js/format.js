// Times and durations as an agent reads them at a glance.

export function parseTime(value) {
  if (!value) return null;
  const t = typeof value === 'number' ? value : Date.parse(value);
  return Number.isFinite(t) ? t : null;
}

/** m:ss under an hour, h:mm:ss above. */
export function clock(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const ss = String(s % 60).padStart(2, '0');
  return h > 0 ? h + ':' + String(m).padStart(2, '0') + ':' + ss : m + ':' + ss;
}

/** "3 h 12 m", "12 m", "45 s": a countdown that need not tick every second. */
export function span(seconds) {
  const s = Math.max(0, Math.floor(seconds));
  if (s >= 3600) return Math.floor(s / 3600) + ' h ' + String(Math.floor((s % 3600) / 60)).padStart(2, '0') + ' m';
  if (s >= 60) return Math.floor(s / 60) + ' m';
  return s + ' s';
}

const TIME = new Intl.DateTimeFormat(undefined, { hour: '2-digit', minute: '2-digit' });
const DATE_TIME = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

export function timeOfDay(value) {
  const t = parseTime(value);
  return t === null ? '' : TIME.format(t);
}

export function dateTime(value) {
  const t = parseTime(value);
  return t === null ? '' : DATE_TIME.format(t);
}

export function sameDay(a, b) {
  const x = new Date(a);
  const y = new Date(b);
  return x.getFullYear() === y.getFullYear() && x.getMonth() === y.getMonth() && x.getDate() === y.getDate();
}

export const LANGUAGES = { id: 'Bahasa Indonesia', en: 'English', es: 'Español' };

export function languageName(code) {
  return LANGUAGES[code] || code || 'unknown language';
}

/** Underscored codes ("check_registration", "faq.loans") as words. */
export function words(code) {
  return String(code || '').replace(/^faq\./, 'FAQ: ').replace(/[_.]/g, ' ');
}
