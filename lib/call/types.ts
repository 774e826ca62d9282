import * as z from 'zod/mini';

/** Who started the call, seen from the agent. */
export const CALL_DIRECTIONS = ['inbound', 'outbound'] as const;
/** Where a call is now: `ringing` is alerting (either side), `dialing` is outbound before 180. */
export const CALL_PHASES = ['dialing', 'ringing', 'connected', 'ended'] as const;
/** How a call ended, as reported and stored. */
export const CALL_OUTCOMES = [
  'answered',
  'missed',
  'rejected',
  'busy',
  'cancelled',
  'failed',
  'answered-elsewhere',
] as const;

/** Direction of a call. */
export type CallDirection = (typeof CALL_DIRECTIONS)[number];
/** Phase of a call. */
export type CallPhase = (typeof CALL_PHASES)[number];
/** Outcome of an ended call. */
export type CallOutcome = (typeof CALL_OUTCOMES)[number];

// Caller IDs are hostile: bound their size so a huge display name cannot bloat every message.
const text = (max: number) => z.string().check(z.maxLength(max));
const epochMs = z.number().check(z.gte(0));

/**
 * One call as the engine keeps it and the store saves it. Written when the call starts and
 * updated as it progresses, so a crash mid-call still leaves a record.
 */
export const callRecordSchema = z.object({
  id: text(64),
  direction: z.enum(CALL_DIRECTIONS),
  phase: z.enum(CALL_PHASES),
  /** The agent's address of record, `sip:1001@pbx`. */
  account: text(256),
  localNumber: text(128),
  remoteNumber: text(128),
  remoteName: text(256),
  startedAt: epochMs,
  answeredAt: z.optional(epochMs),
  endedAt: z.optional(epochMs),
  ringDurationMs: z.optional(epochMs),
  talkDurationMs: z.optional(epochMs),
  outcome: z.optional(z.enum(CALL_OUTCOMES)),
  /** Final SIP status code when one explains the outcome (486, 603, 404…). */
  sipCode: z.optional(z.number().check(z.gte(100), z.lte(699))),
  /** Why the call ended, as an i18n key suffix (`bye-remote`, `no-microphone`…). */
  endReason: z.optional(text(64)),
  sipCallId: text(256),
  // ---- journal (issue 6): optional, so records written before them stay valid.
  /** Time the call spent on hold, in ms (call control fills it; imports carry it). */
  holdDurationMs: z.optional(epochMs),
  /** The queue or group the call came through, when the PBX or an import says. */
  queue: z.optional(text(128)),
  /** CRM contact and company names when known (CRM adapters and imports fill them). */
  contactName: z.optional(text(256)),
  companyName: z.optional(text(256)),
  /** The agent's notes on the call. */
  notes: z.optional(text(4000)),
  /** Where the PBX keeps its recording of the call (from a SIP header or the account's URL template). */
  recordingUrl: z.optional(z.string().check(z.maxLength(2048), z.regex(/^https?:\/\//i))),
  // ---- routing variables (issue 4): X- headers of an incoming INVITE, shown in the pop-up.
  /** Queue, IVR choices and the like, as the PBX passed them (lib/call/routing-variables.ts). */
  variables: z.optional(z.array(z.object({ name: text(40), value: text(128) })).check(z.maxLength(8))),
});
/** A call record. */
export type CallRecord = z.infer<typeof callRecordSchema>;
