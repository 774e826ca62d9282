import { crmRecord, fields, idOf, maybeObject, text } from './normalize';
import type { CrmCall, CrmRecord, Disposition, LogDetails, RecordKind } from './types';

/**
 * Pipedrive's objects as the adapter (pipedrive.ts) maps them: call log outcomes, record paths,
 * persons and organizations as records, and the body of a call log.
 */

/** Pipedrive's call log outcomes (the callLogs API's `outcome` enum). */
export const OUTCOMES: Disposition[] = [
  { id: 'connected', label: 'Connected' },
  { id: 'no_answer', label: 'No answer' },
  { id: 'left_message', label: 'Left message' },
  { id: 'left_voicemail', label: 'Left voicemail' },
  { id: 'wrong_number', label: 'Wrong number' },
  { id: 'busy', label: 'Busy' },
];

export const PATH: Partial<Record<RecordKind, string>> = {
  contact: 'person',
  company: 'organization',
  deal: 'deal',
  lead: 'leads/inbox',
};

/** Numbers of a person, as the API gives them (strings or {value}). */
export const phoneValues = (v: unknown): unknown[] =>
  Array.isArray(v) ? (v as unknown[]).map((p) => (typeof p === 'object' ? maybeObject(p).value : p)) : [];
/** Emails of a person, joined. */
export const emailValues = (v: unknown): string =>
  Array.isArray(v)
    ? v
        .map((e) => text(typeof e === 'object' ? maybeObject(e).value : e))
        .filter(Boolean)
        .join(', ')
    : '';

/** Persons and organizations of Pipedrive as bounded records. */
export function pipedriveRecords(connection: string, urlOf: (kind: RecordKind, id: string) => string | undefined) {
  const person = (raw: unknown): CrmRecord | null => {
    const p = maybeObject(raw);
    const id = idOf(p.id);
    if (!id) return null;
    const org = maybeObject(p.organization ?? p.org_id);
    return crmRecord({
      connection,
      kind: 'contact',
      id,
      title: p.name,
      subtitle: org.name,
      url: urlOf('contact', id),
      fields: fields([
        ['email', 'Email', emailValues(p.emails ?? p.email)],
        [
          'phone',
          'Phone',
          phoneValues(p.phones ?? p.phone)
            .map((x) => text(x))
            .join(', '),
        ],
        ['owner', 'Owner', maybeObject(p.owner ?? p.owner_id).name],
      ]),
      phones: phoneValues(p.phones ?? p.phone),
    });
  };
  const organization = (raw: unknown): CrmRecord | null => {
    const o = maybeObject(raw);
    const id = idOf(o.id);
    if (!id) return null;
    return crmRecord({
      connection,
      kind: 'company',
      id,
      title: o.name,
      subtitle: o.address,
      url: urlOf('company', id),
      fields: fields([['address', 'Address', o.address]]),
    });
  };
  return { person, organization };
}

/** Pipedrive's "YYYY-MM-DD HH:MM:SS" in UTC. */
function utc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

export function callLog(c: CrmCall, details: LogDetails, ref: { kind: RecordKind; id: string } | null, marker: string) {
  const inbound = c.direction === 'inbound';
  const outcome =
    details.disposition && OUTCOMES.some((o) => o.id === details.disposition)
      ? details.disposition
      : c.outcome === 'answered'
        ? 'connected'
        : c.outcome === 'busy' || c.outcome === 'rejected'
          ? 'busy'
          : 'no_answer';
  const start = c.answeredAt ?? c.startedAt;
  const note = [details.summary, marker]
    .filter(Boolean)
    .map((line) => `<p>${escapeHtml(line)}</p>`)
    .join('');
  const owner =
    ref?.kind === 'contact'
      ? { person_id: Number(ref.id) }
      : ref?.kind === 'company'
        ? { org_id: Number(ref.id) }
        : ref?.kind === 'deal'
          ? { deal_id: Number(ref.id) }
          : ref?.kind === 'lead'
            ? { lead_id: ref.id }
            : {};
  return {
    subject: details.subject,
    duration: String(c.talkSeconds),
    outcome,
    from_phone_number: inbound ? c.remote : c.local,
    to_phone_number: inbound ? c.local : c.remote,
    start_time: utc(start),
    end_time: utc(c.endedAt ?? start),
    note,
    ...owner,
  };
}

/** Notes are HTML in Pipedrive: the agent's text goes in as text. */
function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
}
