import * as z from 'zod/mini';
import { CALL_OUTCOMES, callRecordSchema, type CallDirection, type CallOutcome, type CallRecord } from '../call/types';
import { formatDurationText, parseCellTime, parseDuration } from './exchange-values';

/**
 * The journal's exchange format, shared by CSV and XLSX: one row per call, columns named in
 * stable English so a file exported in one language imports in another. Everything a call record
 * holds has a column, so export → delete → import restores calls exactly; `remote_e164` and
 * `duration` are for people and are recomputed on import.
 */
export const COLUMNS = [
  'id',
  'started_at',
  'direction',
  'outcome',
  'account',
  'local_number',
  'remote_number',
  'remote_e164',
  'remote_name',
  'contact',
  'company',
  'queue',
  'duration',
  'ring_ms',
  'talk_ms',
  'hold_ms',
  'answered_at',
  'ended_at',
  'sip_code',
  'end_reason',
  'sip_call_id',
  'notes',
  'recording_url',
  'handled_at',
] as const;
/** A column of the exchange format. */
export type Column = (typeof COLUMNS)[number];

/** A cell as files give it: text, a number, a date (XLSX), or nothing. */
export type Cell = string | number | boolean | Date | null | undefined;

/** What is wrong with an imported row, as an i18n key and its substitutions. */
export interface RowError {
  /** Line of the file (1 = the header). */
  line: number;
  column: Column | '';
  key: ImportErrorKey;
  /** The offending value, cut short, for the message. */
  value: string;
}

/** Why a cell or row is refused; each is a message in public/_locales. */
export type ImportErrorKey =
  | 'errImportRequired'
  | 'errImportDate'
  | 'errImportDirection'
  | 'errImportOutcome'
  | 'errImportDuration'
  | 'errImportSipCode'
  | 'errImportInvalid'
  | 'errImportDuplicate';

/** A stored call as one export row (values for people where they help, exact values where needed). */
export function toRow(call: CallRecord & { remoteE164?: string; handledAt?: number }): Record<Column, string | number> {
  const iso = (ms: number | undefined) => (ms === undefined ? '' : localIso(ms));
  return {
    id: call.id,
    started_at: iso(call.startedAt),
    direction: call.direction,
    outcome: call.outcome ?? '',
    account: call.account,
    local_number: call.localNumber,
    remote_number: call.remoteNumber,
    remote_e164: call.remoteE164 ?? '',
    remote_name: call.remoteName,
    contact: call.contactName ?? '',
    company: call.companyName ?? '',
    queue: call.queue ?? '',
    duration: call.talkDurationMs === undefined ? '' : formatDurationText(call.talkDurationMs),
    ring_ms: call.ringDurationMs ?? '',
    talk_ms: call.talkDurationMs ?? '',
    hold_ms: call.holdDurationMs ?? '',
    answered_at: iso(call.answeredAt),
    ended_at: iso(call.endedAt),
    sip_code: call.sipCode ?? '',
    end_reason: call.endReason ?? '',
    sip_call_id: call.sipCallId,
    notes: call.notes ?? '',
    recording_url: call.recordingUrl ?? '',
    handled_at: iso(call.handledAt),
  };
}

/** ISO 8601 in local time with its offset and milliseconds: exact, and readable where it was made. */
export function localIso(ms: number): string {
  const d = new Date(ms);
  const off = -d.getTimezoneOffset();
  const p = (n: number, w = 2) => String(Math.abs(n)).padStart(w, '0');
  return (
    `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:` +
    `${p(d.getSeconds())}.${p(d.getMilliseconds(), 3)}${off >= 0 ? '+' : '-'}${p(Math.trunc(off / 60))}:${p(off % 60)}`
  );
}

/** Header names people and other products use, mapped to our columns (lower-case). */
const ALIASES: Readonly<Record<string, Column>> = {
  'дата создания': 'started_at',
  дата: 'started_at',
  date: 'started_at',
  created: 'started_at',
  data: 'started_at',
  направление: 'direction',
  kierunek: 'direction',
  'номер от': 'remote_number',
  номер: 'remote_number',
  number: 'remote_number',
  phone: 'remote_number',
  телефон: 'remote_number',
  telefon: 'remote_number',
  numer: 'remote_number',
  длительность: 'duration',
  'czas trwania': 'duration',
  контакт: 'contact',
  kontakt: 'contact',
  контрагент: 'company',
  firma: 'company',
  имя: 'remote_name',
  name: 'remote_name',
};

/** Maps a header row to columns: the index of each known column. */
export function readHeader(header: readonly Cell[]): Partial<Record<Column, number>> {
  const map: Partial<Record<Column, number>> = {};
  header.forEach((cell, i) => {
    const name = String(cell ?? '')
      .replace(/^\ufeff/, '')
      .trim()
      .toLowerCase();
    const col = (COLUMNS as readonly string[]).includes(name) ? (name as Column) : ALIASES[name];
    if (col && map[col] === undefined) map[col] = i;
  });
  return map;
}

/** Columns a file must have. */
export const REQUIRED: readonly Column[] = ['started_at', 'direction', 'remote_number'];

const DIRECTIONS: Readonly<Record<string, CallDirection>> = {
  inbound: 'inbound',
  incoming: 'inbound',
  in: 'inbound',
  входящий: 'inbound',
  przychodzące: 'inbound',
  przychodzace: 'inbound',
  outbound: 'outbound',
  outgoing: 'outbound',
  out: 'outbound',
  исходящий: 'outbound',
  wychodzące: 'outbound',
  wychodzace: 'outbound',
};

/** A row turned into a call record, or the reasons it cannot be. */
export type RowResult = { ok: true; call: CallRecord; handledAt?: number } | { ok: false; errors: RowError[] };

/** Reads one data row (`line` is its line in the file) with the header's column map. */
export function fromRow(cells: readonly Cell[], header: Partial<Record<Column, number>>, line: number): RowResult {
  const errors: RowError[] = [];
  const fail = (column: Column, key: ImportErrorKey, value: Cell) =>
    errors.push({ line, column, key, value: String(value ?? '').slice(0, 60) });
  const raw = (c: Column): Cell => (header[c] === undefined ? undefined : cells[header[c]]);
  const text = (c: Column): string => unescapeFormula(raw(c) instanceof Date ? '' : String(raw(c) ?? '').trim());
  const time = (c: Column, required = false): number | undefined => {
    const v = raw(c);
    if (v === undefined || v === null || v === '') {
      if (required) fail(c, 'errImportRequired', v);
      return undefined;
    }
    const ms = parseCellTime(v);
    if (ms === null) fail(c, 'errImportDate', v);
    return ms ?? undefined;
  };
  const ms = (c: Column): number | undefined => {
    const v = raw(c);
    if (v === undefined || v === null || v === '') return undefined;
    const n = typeof v === 'number' ? v : Number(String(v).trim());
    if (!Number.isInteger(n) || n < 0) fail(c, 'errImportDuration', v);
    return Number.isInteger(n) && n >= 0 ? n : undefined;
  };

  const startedAt = time('started_at', true);
  const dirText = text('direction').toLowerCase();
  const direction = DIRECTIONS[dirText];
  if (!dirText) fail('direction', 'errImportRequired', '');
  else if (!direction) fail('direction', 'errImportDirection', dirText);
  const remoteNumber = text('remote_number');
  if (!remoteNumber) fail('remote_number', 'errImportRequired', '');
  const outcomeText = text('outcome').toLowerCase();
  if (outcomeText && !(CALL_OUTCOMES as readonly string[]).includes(outcomeText)) {
    fail('outcome', 'errImportOutcome', outcomeText);
  }
  let talk = ms('talk_ms');
  if (talk === undefined && text('duration')) {
    const parsed = parseDuration(raw('duration'));
    if (parsed === null) fail('duration', 'errImportDuration', raw('duration'));
    else talk = parsed;
  }
  const ring = ms('ring_ms');
  const hold = ms('hold_ms');
  const sipText = text('sip_code');
  const sipCode = sipText ? Number(sipText) : undefined;
  if (sipCode !== undefined && !(Number.isInteger(sipCode) && sipCode >= 100 && sipCode <= 699)) {
    fail('sip_code', 'errImportSipCode', sipText);
  }
  const answeredAt = time('answered_at');
  const endedAt = time('ended_at');
  const handledAt = time('handled_at');
  if (errors.length > 0 || startedAt === undefined || !direction) return { ok: false, errors };

  const outcome: CallOutcome =
    (outcomeText as CallOutcome) || (talk ? 'answered' : direction === 'inbound' ? 'missed' : 'failed');
  const opt = <K extends string, V>(k: K, v: V | undefined | '') => (v === undefined || v === '' ? {} : { [k]: v });
  const call = {
    id: text('id') || stableId(startedAt, direction, remoteNumber, text('local_number'), text('account')),
    direction,
    phase: 'ended',
    account: text('account'),
    localNumber: text('local_number'),
    remoteNumber,
    remoteName: text('remote_name'),
    startedAt,
    ...opt('answeredAt', answeredAt ?? (outcome === 'answered' && ring !== undefined ? startedAt + ring : undefined)),
    ...opt('endedAt', endedAt ?? startedAt + (ring ?? 0) + (talk ?? 0)),
    ...opt('ringDurationMs', ring),
    ...opt('talkDurationMs', talk),
    outcome,
    ...opt('sipCode', sipCode),
    ...opt('endReason', text('end_reason')),
    sipCallId: text('sip_call_id'),
    ...opt('holdDurationMs', hold),
    ...opt('queue', text('queue')),
    ...opt('contactName', text('contact')),
    ...opt('companyName', text('company')),
    ...opt('notes', text('notes')),
    ...opt('recordingUrl', text('recording_url')),
  };
  const checked = z.safeParse(callRecordSchema, call);
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const field = String(issue.path[0] ?? '');
      errors.push({ line, column: FIELD_COLUMN[field] ?? '', key: 'errImportInvalid', value: '' });
    }
    return { ok: false, errors };
  }
  return { ok: true, call: call as CallRecord, ...(handledAt !== undefined ? { handledAt } : {}) };
}

/** The column that carries each record field (for messages about a field the schema refused). */
const FIELD_COLUMN: Readonly<Record<string, Column>> = {
  id: 'id',
  account: 'account',
  localNumber: 'local_number',
  remoteNumber: 'remote_number',
  remoteName: 'remote_name',
  contactName: 'contact',
  companyName: 'company',
  queue: 'queue',
  notes: 'notes',
  recordingUrl: 'recording_url',
  sipCallId: 'sip_call_id',
  endReason: 'end_reason',
};

/** Spreadsheet programs run cells starting with = + - @ as formulas: exports quote them with '. */
export function unescapeFormula(v: string): string {
  return /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v;
}

/**
 * An id for a row that has none (a file from another product): the same call always gets the
 * same id, so importing the file twice adds nothing the second time.
 */
export function stableId(startedAt: number, direction: string, remote: string, local: string, account: string): string {
  const s = `${startedAt}|${direction}|${remote}|${local}|${account}`;
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 0x01000193);
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) ^ (h2 >>> 13);
  }
  return `imp-${(h1 >>> 0).toString(16).padStart(8, '0')}${(h2 >>> 0).toString(16).padStart(8, '0')}`;
}
