/** Cell values of imported files: times and durations in the forms people and products write. */

/** `h:mm:ss` of a duration in ms (the export's column for people). */
export function formatDurationText(ms: number): string {
  const s = Math.round(ms / 1000);
  return `${Math.floor(s / 3600)}:${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}:${String(s % 60).padStart(2, '0')}`;
}

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,3})?)?(?:Z|[+-]\d{2}:?\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{1,2}):(\d{2})(?::(\d{2}))?$/;
const DOTTED = /^(\d{1,2})[./](\d{1,2})[./](\d{4})[ ,]+(\d{1,2}):(\d{2})(?::(\d{2}))?$/;

/**
 * A point in time from a cell: ISO 8601 with an offset (our exports), a spreadsheet date, or a
 * local `YYYY-MM-DD hh:mm[:ss]` / `DD.MM.YYYY hh:mm[:ss]` (Oktell, Excel in RU/PL). Null when it is
 * none of these or not a real date.
 */
export function parseCellTime(v: unknown): number | null {
  if (v instanceof Date) return Number.isNaN(v.getTime()) ? null : Math.round(v.getTime());
  if (typeof v !== 'string') return null;
  const s = v.trim();
  if (ISO.test(s)) {
    const ms = Date.parse(s);
    return Number.isNaN(ms) ? null : ms;
  }
  const local = LOCAL.exec(s);
  if (local) return localTime(+local[1]!, +local[2]!, +local[3]!, +local[4]!, +local[5]!, +(local[6] ?? 0));
  const dotted = DOTTED.exec(s);
  if (dotted) return localTime(+dotted[3]!, +dotted[2]!, +dotted[1]!, +dotted[4]!, +dotted[5]!, +(dotted[6] ?? 0));
  return null;
}

function localTime(y: number, mo: number, d: number, h: number, mi: number, s: number): number | null {
  const date = new Date(y, mo - 1, d, h, mi, s);
  const real =
    date.getFullYear() === y && date.getMonth() === mo - 1 && date.getDate() === d && h < 24 && mi < 60 && s < 60;
  return real ? date.getTime() : null;
}

/** A talk duration in ms from seconds (`68`, as Oktell exports) or `h:mm:ss` / `m:ss`. */
export function parseDuration(v: unknown): number | null {
  if (typeof v === 'number') return Number.isFinite(v) && v >= 0 ? Math.round(v * 1000) : null;
  const s = typeof v === 'string' ? v.trim() : '';
  if (/^\d+(?:[.,]\d+)?$/.test(s)) return Math.round(Number(s.replace(',', '.')) * 1000);
  const m = /^(?:(\d+):)?([0-5]?\d):([0-5]\d)$/.exec(s);
  if (!m) return null;
  return ((+(m[1] ?? 0) * 60 + +m[2]!) * 60 + +m[3]!) * 1000;
}
