import * as z from 'zod/mini';
import type { ZodType } from 'zod';
import type { CallDirection, CallOutcome } from '../../lib/call/types';
import type { CrmDb } from '../../lib/store/crm-db';

/**
 * The CRM adapter contract. An adapter connects the extension to one kind of CRM: it finds who is
 * calling, what they have, creates records, attaches numbers and logs calls. Adapters run only in
 * the background (tokens never leave it), and everything they return is hostile text from a
 * server: it is bounded here ({@link crmRecordSchema}) and rendered as text only.
 *
 * What every adapter MUST do, whatever the CRM:
 * - **Not found** is not an error: `lookupByNumber` and `search` resolve to `[]`.
 * - **Timeout**: every request ends by the time the caller's `signal` aborts or the connection's
 *   timeout elapses; it then rejects with `CrmError('timeout')`. Nothing waits forever.
 * - **Unreachable** (network error, DNS, connection refused): `CrmError('unreachable')`.
 * - **Auth failure** (401, a revoked token, a CRM error meaning "bad credentials"):
 *   `CrmError('auth')`; 403 is `CrmError('forbidden')`. Never retried: the admin must act.
 * - **Rate limit** (429 or the CRM's own "too many requests"): `CrmError('rate-limited')` with
 *   `retryAfterMs` when the CRM says how long to wait.
 * - **Server error** (5xx): `CrmError('server')`; retried later by the outbox.
 * - **Malformed answer** (not JSON, not the documented shape): `CrmError('bad-response')`.
 * - **Not supported** (a capability the adapter does not declare): `CrmError('unsupported')`.
 * - `logCall` is idempotent on `call.id`: calling it again for the same call and record (after a
 *   timeout whose request did reach the CRM, say) must not create a second log entry.
 */

/** Every adapter, by name. The registry (`index.ts`) must have exactly one entry per name. */
export const ADAPTER_NAMES = ['address-book', 'rest', 'screen-pop', 'bitrix24', 'hubspot', 'pipedrive'] as const;
/** One of {@link ADAPTER_NAMES}. */
export type AdapterName = (typeof ADAPTER_NAMES)[number];

/** Kinds of CRM records the extension knows; each adapter maps its own objects onto these. */
export const RECORD_KINDS = ['contact', 'company', 'lead', 'deal', 'case', 'order', 'task'] as const;
/** One of {@link RECORD_KINDS}. */
export type RecordKind = (typeof RECORD_KINDS)[number];

/** What an adapter can do; the UI offers only what the connection's adapter declares. */
export const CAPABILITIES = ['lookup', 'search', 'related', 'create', 'link', 'log', 'screen-pop'] as const;
/** One of {@link CAPABILITIES}. */
export type Capability = (typeof CAPABILITIES)[number];

/** Most matches kept for one number; the rest are dropped (a chooser of 500 helps nobody). */
export const MAX_MATCHES = 20;
/** Most items kept per related group. */
export const MAX_GROUP_ITEMS = 25;
/** Most related groups kept per record. */
export const MAX_GROUPS = 8;
/** Most fields kept per record. */
export const MAX_FIELDS = 12;

const bounded = (max: number) => z.string().check(z.maxLength(max));
/** An http(s) URL: anything else (javascript:, data:) from a CRM is dropped before it is shown. */
export const httpUrlSchema = z.string().check(z.maxLength(2048), z.regex(/^https?:\/\/[^\s]+$/i));
/** A connection's id in the settings. */
export const connectionIdSchema = z.string().check(z.regex(/^[a-z0-9-]{1,40}$/));

/** Enough of a record to find it again: which connection, which kind, which id. */
export const recordRefSchema = z.object({
  connection: connectionIdSchema,
  kind: z.enum(RECORD_KINDS),
  id: z.string().check(z.minLength(1), z.maxLength(128)),
  title: bounded(256),
  url: z.optional(httpUrlSchema),
});
/** A reference to a CRM record. */
export type RecordRef = z.infer<typeof recordRefSchema>;

/** One field of a record shown in the pop-up; `key` picks a translated label, `label` is the fallback. */
export const recordFieldSchema = z.object({ key: bounded(40), label: bounded(64), value: bounded(512) });
/** A field of a record. */
export type RecordField = z.infer<typeof recordFieldSchema>;

/** A record as the pop-up shows it: who (title), where (subtitle: company or position), details. */
export const crmRecordSchema = z.extend(recordRefSchema, {
  subtitle: z.optional(bounded(256)),
  fields: z.array(recordFieldSchema).check(z.maxLength(MAX_FIELDS)),
  phones: z.array(bounded(64)).check(z.maxLength(8)),
});
/** A CRM record with what the pop-up shows of it. */
export type CrmRecord = z.infer<typeof crmRecordSchema>;

/** One record of a related group (a deal, an order, a case…). */
export const relatedItemSchema = z.object({
  id: z.string().check(z.minLength(1), z.maxLength(128)),
  title: bounded(256),
  detail: z.optional(bounded(256)),
  url: z.optional(httpUrlSchema),
});
/** An item of a related group. */
export type RelatedItem = z.infer<typeof relatedItemSchema>;

/** Records of one kind related to a record: a contact's deals, a company's cases. */
export const relatedGroupSchema = z.object({
  kind: z.enum(RECORD_KINDS),
  items: z.array(relatedItemSchema).check(z.maxLength(MAX_GROUP_ITEMS)),
  /** The CRM has more than the items shown. */
  more: z.boolean(),
});
/** A group of related records. */
export type RelatedGroup = z.infer<typeof relatedGroupSchema>;

/** A call outcome the agent picks in the Link menu, as the CRM names it. */
export const dispositionSchema = z.object({ id: bounded(128), label: bounded(128) });
/** A disposition. */
export type Disposition = z.infer<typeof dispositionSchema>;

/** What an adapter sees of a call. */
export interface CrmCall {
  /** The extension's call id: the idempotency key of every write about this call. */
  id: string;
  direction: CallDirection;
  /** The other party: E.164 when known, else the number as the PBX gave it. */
  remote: string;
  /** The agent's own number or extension. */
  local: string;
  startedAt: number;
  answeredAt?: number;
  endedAt?: number;
  /** Seconds of conversation (0 when never answered). */
  talkSeconds: number;
  outcome?: CallOutcome;
}

/** What the agent wrote about a call (the Link menu), or the defaults when they wrote nothing. */
export interface LogDetails {
  subject: string;
  summary: string;
  /** A {@link Disposition} id of this CRM, when one was picked. */
  disposition?: string;
}

/** What a new record starts with. */
export interface CreatePrefill {
  /** The person's or company's name, or the title of a deal, case, order or task. */
  name: string;
  /** E.164 number to put on a contact, company or lead. */
  phone?: string;
  /** The caller's record, for records that belong to someone (a deal for this contact). */
  about?: RecordRef;
  note?: string;
}

/** A logged call as the CRM stores it. */
export interface LogResult {
  id: string;
  url?: string;
}

/** Per-request options: the caller's cancellation (a call ended, a page closed). */
export interface RequestOptions {
  signal?: AbortSignal;
}

/** A live connection to one CRM, made by an {@link Adapter} from a validated configuration. */
export interface CrmClient {
  /** Records whose phone is `e164` (zero, one or many); `[]` when nobody has it. */
  lookupByNumber(e164: string, opts?: RequestOptions): Promise<CrmRecord[]>;
  /** Records matching a name, email, company or number typed by the agent; `[]` when none. */
  search(query: string, opts?: RequestOptions): Promise<CrmRecord[]>;
  /** What the CRM has about a record (orders, deals, cases, tasks…), one group per kind. */
  related(record: RecordRef, opts?: RequestOptions): Promise<RelatedGroup[]>;
  /** Creates a record of a kind the adapter declares; resolves to the new record. */
  create(kind: RecordKind, prefill: CreatePrefill, opts?: RequestOptions): Promise<CrmRecord>;
  /** Attaches the call's number to `record`, so the next call from it is recognised. */
  link(call: CrmCall, record: RecordRef, opts?: RequestOptions): Promise<void>;
  /** Logs the call on `record` (or on no record, where the CRM allows it). Idempotent on `call.id`. */
  logCall(call: CrmCall, details: LogDetails, record: RecordRef | null, opts?: RequestOptions): Promise<LogResult>;
  /** Where the agent opens a record in the CRM, when it has an address. */
  recordUrl(record: Pick<RecordRef, 'kind' | 'id'>): string | undefined;
  /** Outcomes the agent may pick for a call; `[]` when the CRM has none. */
  dispositions(opts?: RequestOptions): Promise<Disposition[]>;
}

/** What an adapter gets from its host. */
export interface AdapterDeps {
  /** The connection's id: every {@link RecordRef} the client returns carries it. */
  connectionId: string;
  /** `fetch`, so tests and the background can supply theirs. */
  fetch: typeof fetch;
  /** Longest a single request may take. */
  timeoutMs: number;
  /** The local address book (only the address-book adapter uses it). */
  addressBook?: CrmDb;
  /**
   * The number without its country code (`+74951234567` → `4951234567`), for CRMs that index
   * numbers that way. Without it, adapters fall back to the last ten digits.
   */
  nationalNumber?: (e164: string) => string;
}

/** A field an admin may choose to show in the pop-up. */
export interface FieldChoice {
  key: string;
  label: string;
}

/**
 * One kind of CRM connection, as the registry holds it. The configuration arrives unvalidated
 * (from storage or a form) and every entry point validates it with {@link configSchema} first.
 */
export interface Adapter {
  name: AdapterName;
  /** The product name, shown as is (vendor names are not translated). */
  label: string;
  capabilities: readonly Capability[];
  /** Record kinds `create` supports, in the order "Create…" offers them. */
  kinds: readonly RecordKind[];
  /** What one configuration can do, when that depends on it (a REST connection without a log URL cannot log). */
  capabilitiesFor?(config: unknown): readonly Capability[];
  /** Fields the pop-up can show, and which of them it shows unless the admin chose. */
  fields: readonly FieldChoice[];
  defaultFields: readonly string[];
  /** Validates the configuration; error messages are i18n keys. */
  configSchema: ZodType;
  /** A configuration for a new connection of this kind, for the options form. */
  defaults(): Record<string, unknown>;
  /** Configuration keys holding credentials: never sent to pages, never logged. */
  secrets: readonly string[];
  /** Host permission patterns the connection needs (`https://crm.example.com/*`). */
  origins(config: unknown): string[];
  /** Connects with a configuration; throws `CrmError('config')` when it is invalid. */
  connect(config: unknown, deps: AdapterDeps): CrmClient;
}
