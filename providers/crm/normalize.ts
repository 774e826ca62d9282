import { CrmError } from './errors';
import {
  MAX_FIELDS,
  MAX_GROUP_ITEMS,
  MAX_MATCHES,
  type CrmRecord,
  type RecordField,
  type RecordKind,
  type RelatedGroup,
  type RelatedItem,
} from './types';

/**
 * Turning CRM answers into bounded records. CRM data is hostile: names with markup, numbers where
 * strings belong, megabytes of text, `javascript:` links. Everything here becomes plain bounded
 * text, and a value of the wrong type becomes empty instead of breaking the pop-up.
 */

/** A JSON object, or throws `bad-response` (the documented shape is missing). */
export function object(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new CrmError('bad-response', `${what} is not an object`);
  }
  return value as Record<string, unknown>;
}

/** A JSON array, or throws `bad-response`. */
export function array(value: unknown, what: string): unknown[] {
  if (!Array.isArray(value)) throw new CrmError('bad-response', `${what} is not a list`);
  return value;
}

/** An optional JSON object: `{}` for anything else. */
export function maybeObject(value: unknown): Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : {};
}

/** Text of a scalar, control characters removed, trimmed and cut to `max`; '' for anything else. */
export function text(value: unknown, max = 256): string {
  if (typeof value !== 'string' && typeof value !== 'number') return '';
  const s = String(value)
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .trim();
  return s.length > max ? `${s.slice(0, max - 1)}…` : s;
}

/** An id (string or number) as text, or null. */
export function idOf(value: unknown): string | null {
  const s = text(value, 128);
  return s === '' ? null : s;
}

/** The URL when it is http(s), else undefined: a CRM cannot make the pop-up run `javascript:`. */
export function httpUrl(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length > 2048) return undefined;
  try {
    const u = new URL(value);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

/** Non-empty words joined by a space ("Ivan", "", "Petrov" → "Ivan Petrov"). */
export function joinName(...parts: unknown[]): string {
  return parts
    .map((p) => text(p))
    .filter(Boolean)
    .join(' ');
}

/** Fields with a value, bounded. */
export function fields(list: Array<[key: string, label: string, value: unknown]>): RecordField[] {
  return list
    .map(([key, label, value]) => ({ key, label, value: text(value, 512) }))
    .filter((f) => f.value !== '')
    .slice(0, MAX_FIELDS);
}

/** A record from parts, bounded; the title falls back to the id so a nameless record can be told apart. */
export function crmRecord(r: {
  connection: string;
  kind: RecordKind;
  id: string;
  title: unknown;
  subtitle?: unknown;
  url?: string;
  fields?: RecordField[];
  phones?: unknown[];
}): CrmRecord {
  const subtitle = text(r.subtitle);
  return {
    connection: r.connection,
    kind: r.kind,
    id: r.id,
    title: text(r.title) || `#${r.id}`,
    ...(subtitle ? { subtitle } : {}),
    ...(r.url ? { url: r.url } : {}),
    fields: r.fields ?? [],
    phones: (r.phones ?? [])
      .map((p) => text(p, 64))
      .filter(Boolean)
      .slice(0, 8),
  };
}

/** The record a CRM just created, from the id it answered; throws `bad-response` without one. */
export function createdRecord(
  connection: string,
  kind: RecordKind,
  rawId: unknown,
  prefill: { name: string; phone?: string },
  urlOf: (kind: RecordKind, id: string) => string | undefined,
): CrmRecord {
  const id = idOf(rawId);
  if (!id) throw new CrmError('bad-response', `${kind} created without an id`);
  return crmRecord({
    connection,
    kind,
    id,
    title: prefill.name,
    url: urlOf(kind, id),
    phones: prefill.phone ? [prefill.phone] : [],
  });
}

/** At most {@link MAX_MATCHES} records, without duplicates. */
export function matches(records: CrmRecord[]): CrmRecord[] {
  const seen = new Set<string>();
  return records
    .filter((r) => {
      const key = `${r.kind}:${r.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .slice(0, MAX_MATCHES);
}

/** A related group from items, bounded; `total` is what the CRM says it has, when it says. */
export function group(kind: RecordKind, items: Array<RelatedItem | null>, total?: number): RelatedGroup {
  const kept = items.filter((i): i is RelatedItem => i !== null);
  return {
    kind,
    items: kept.slice(0, MAX_GROUP_ITEMS),
    more: kept.length > MAX_GROUP_ITEMS || (total !== undefined && total > Math.min(kept.length, MAX_GROUP_ITEMS)),
  };
}

/** A related item, or null when it has no id. */
export function item(id: unknown, title: unknown, detail?: unknown, url?: string): RelatedItem | null {
  const key = idOf(id);
  if (!key) return null;
  const d = text(detail);
  return { id: key, title: text(title) || `#${key}`, ...(d ? { detail: d } : {}), ...(url ? { url } : {}) };
}

/** The digits of a number: what CRMs that store numbers as typed can be searched by. */
export function digits(number: string): string {
  return number.replace(/\D/g, '');
}
