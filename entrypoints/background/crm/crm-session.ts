import type { CallRecord } from '../../../lib/call/types';
import type { CrmProblem, CrmView, LOOKUP_STATES, ViewLink, WrapUpText } from '../../../lib/crm/view';
import { recordKey } from '../../../lib/crm/view';
import type { CrmCall, CrmRecord, Disposition, RecordRef, RelatedGroup } from '../../../providers/crm/types';
import type { Connected } from './crm-clients';

type LookupState = (typeof LOOKUP_STATES)[number];

/** What the background knows of the CRM side of one call (live, in wrap-up, or opened from history). */
export interface Session {
  call: CallRecord;
  /** E.164 of the other party, '' when it is no phone number (an extension). */
  number: string;
  status: LookupState;
  problems: CrmProblem[];
  matches: CrmRecord[];
  chosen?: string;
  remembered: boolean;
  related: RelatedGroup[];
  relatedStatus: LookupState;
  links: ViewLink[];
  creating: CrmView['creating'];
  wrapUp?: WrapUpText;
  dispositions: Disposition[];
  /** The pop-up stays for the wrap-up until then. */
  wrapUpUntil?: number;
  /** The call's end was handled (logs queued). */
  ended: boolean;
  /** Opened from history: nothing is logged unless the agent links a record. */
  history: boolean;
  abort: AbortController;
  /** Settles when the lookup is done (screen-pop waits for `{recordUrl}`). */
  looked: Promise<void>;
  touched: number;
}

/** A new session for a call. */
export function newSession(call: CallRecord, number: string, history: boolean): Session {
  return {
    call,
    number,
    status: 'loading',
    problems: [],
    matches: [],
    remembered: false,
    related: [],
    relatedStatus: 'off',
    links: [],
    creating: [],
    dispositions: [],
    ended: false,
    history,
    abort: new AbortController(),
    looked: Promise.resolve(),
    touched: Date.now(),
  };
}

/** The record the call belongs to, if one is chosen. */
export function chosenRecord(s: Session): CrmRecord | undefined {
  return s.matches.find((m) => recordKey(m) === s.chosen);
}

/** A record as a reference (what links and jobs keep). */
export function refOf(r: RecordRef): RecordRef {
  return { connection: r.connection, kind: r.kind, id: r.id, title: r.title, ...(r.url ? { url: r.url } : {}) };
}

/** What adapters see of a call. */
export function crmCallOf(call: CallRecord, number: string): CrmCall {
  return {
    id: call.id,
    direction: call.direction,
    remote: number || call.remoteNumber,
    local: call.localNumber,
    startedAt: call.startedAt,
    ...(call.answeredAt !== undefined ? { answeredAt: call.answeredAt } : {}),
    ...(call.endedAt !== undefined ? { endedAt: call.endedAt } : {}),
    talkSeconds: Math.round((call.talkDurationMs ?? 0) / 1000),
    ...(call.outcome ? { outcome: call.outcome } : {}),
  };
}

/** The view the pop-ups show, from a session and the connections set up now. */
export function viewOf(s: Session, connections: Connected[]): CrmView {
  const creators = connections.filter((c) => c.can.has('create') && c.adapter.kinds.length > 0);
  return {
    callId: s.call.id,
    number: s.number,
    status: s.status,
    problems: s.problems.slice(0, 8),
    matches: s.matches.slice(0, 40),
    ...(s.chosen ? { chosen: s.chosen } : {}),
    remembered: s.remembered,
    related: s.related.slice(0, 8),
    relatedStatus: s.relatedStatus,
    links: s.links.slice(0, 20),
    creating: s.creating.slice(0, 10),
    create: creators
      .slice(0, 8)
      .map((c) => ({ connection: c.connection.id, label: c.name.slice(0, 64), kinds: [...c.adapter.kinds] })),
    canSearch: connections.some((c) => c.can.has('search')),
    canLog: connections.some((c) => c.can.has('log')),
    ...(s.wrapUp ? { wrapUp: s.wrapUp } : {}),
    dispositions: s.dispositions.slice(0, 50),
    ...(s.wrapUpUntil ? { wrapUpUntil: s.wrapUpUntil } : {}),
  };
}

/** Fields of a record the connection's admin chose to show (or the adapter's defaults). */
export function visibleFields(record: CrmRecord, connection: Connected | undefined): CrmRecord {
  if (!connection || connection.connection.adapter === 'rest') return record;
  const chosen = connection.connection.popupFields.length
    ? connection.connection.popupFields
    : connection.adapter.defaultFields;
  return { ...record, fields: record.fields.filter((f) => chosen.includes(f.key)) };
}
