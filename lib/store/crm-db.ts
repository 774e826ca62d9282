import { Dexie, type DexieOptions, type EntityTable } from 'dexie';
import type { CrmCall, CreatePrefill, LogResult, RecordKind, RecordRef } from '../../providers/crm/types';
import type { CrmErrorCode } from '../../providers/crm/errors';

/** Name of the CRM database: separate from the call store, so their versions never collide. */
export const CRM_DB_NAME = 'cti-crm';

/** A person or company of the local address book. */
export interface AddressEntry {
  id: string;
  kind: 'contact' | 'company';
  name: string;
  /** Company name (contacts). */
  company: string;
  /** E.164 numbers: what calls are matched on. */
  phones: string[];
  emails: string[];
  note: string;
  /** Lower-case words of name, company and emails: what search matches. */
  words: string[];
  updatedAt: number;
}

/** What an outbox job does. */
export type OutboxOp =
  | { op: 'log'; call: CrmCall; record: RecordRef | null }
  | { op: 'create'; call: CrmCall | null; kind: RecordKind; prefill: CreatePrefill }
  | { op: 'attach'; call: CrmCall; record: RecordRef };

/** Where a job is: waiting for its time, being sent, done, or failed for good (until retried). */
export const OUTBOX_STATES = ['pending', 'sending', 'done', 'failed'] as const;
/** One of {@link OUTBOX_STATES}. */
export type OutboxState = (typeof OUTBOX_STATES)[number];

/** A CRM write waiting to be sent (or sent): nothing is lost while the CRM is down. */
export type OutboxJob = OutboxOp & {
  /** Idempotency key: one job per (operation, connection, call, record); see outbox-keys.ts. */
  key: string;
  connection: string;
  /** The call the job is about ('' for none). */
  callId: string;
  state: OutboxState;
  attempts: number;
  /** Not before this time (wrap-up grace, backoff). */
  nextAt: number;
  createdAt: number;
  updatedAt: number;
  error?: { code: CrmErrorCode; message: string };
  /** What the CRM answered: the logged call or the created record. */
  result?: { log?: LogResult; record?: RecordRef };
};

/** A job as queued: the outbox fills in its state, attempts and times. */
export type NewOutboxJob = OutboxJob extends infer J
  ? J extends OutboxJob
    ? Omit<J, 'state' | 'attempts' | 'createdAt' | 'updatedAt'>
    : never
  : never;

/** The record a number belongs to, as the agent chose among several matches. */
export interface NumberChoice {
  number: string;
  record: RecordRef;
  at: number;
}

/** How a record came to be linked to a call. */
export type LinkHow = 'matched' | 'chosen' | 'created' | 'linked';

/** A record the call is linked to; each one gets the call logged. */
export interface CallLink {
  /** `${callId}|${connection}|${kind}|${id}` */
  key: string;
  callId: string;
  record: RecordRef;
  how: LinkHow;
  at: number;
}

/** What the agent wrote about a call in the Link menu. */
export interface WrapUp {
  callId: string;
  subject: string;
  summary: string;
  disposition?: string;
  at: number;
}

/** A cached lookup or related answer (short TTL): a returning caller pops up at once. */
export interface CachedAnswer {
  key: string;
  value: unknown;
  at: number;
}

/**
 * The CRM store: the address book, the outbox, per-number choices, call links, wrap-ups and the
 * lookup cache. Shared by the background (the only writer of everything but imports) and pages.
 */
export class CrmDb extends Dexie {
  contacts!: EntityTable<AddressEntry, 'id'>;
  outbox!: EntityTable<OutboxJob, 'key'>;
  choices!: EntityTable<NumberChoice, 'number'>;
  links!: EntityTable<CallLink, 'key'>;
  wrapUps!: EntityTable<WrapUp, 'callId'>;
  cache!: EntityTable<CachedAnswer, 'key'>;

  constructor(options?: DexieOptions) {
    super(CRM_DB_NAME, options);
    this.version(1).stores({
      contacts: 'id, *phones, *words, kind, updatedAt',
      outbox: 'key, [state+nextAt], callId, updatedAt',
      choices: 'number',
      links: 'key, callId',
      wrapUps: 'callId',
      cache: 'key, at',
    });
  }
}

/** The key of a call link. */
export function linkKey(callId: string, record: Pick<RecordRef, 'connection' | 'kind' | 'id'>): string {
  return `${callId}|${record.connection}|${record.kind}|${record.id}`;
}
