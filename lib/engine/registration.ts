import * as z from 'zod/mini';

/** Registration status as shown on the badge and in every page. */
export const REGISTRATION_STATUSES = ['unconfigured', 'connecting', 'registered', 'error'] as const;
/** Why registration failed, distinguishable for the agent. */
export const REGISTRATION_ERRORS = ['auth', 'unreachable', 'rejected', 'timeout', 'bad-config'] as const;

/** A registration status. */
export type RegistrationStatus = (typeof REGISTRATION_STATUSES)[number];
/** A registration failure kind. */
export type RegistrationError = (typeof REGISTRATION_ERRORS)[number];

/** The engine's registration state. */
export const registrationStateSchema = z.object({
  status: z.enum(REGISTRATION_STATUSES),
  error: z.optional(z.enum(REGISTRATION_ERRORS)),
  sipCode: z.optional(z.number()),
  /** The address of record being registered. */
  aor: z.optional(z.string().check(z.maxLength(256))),
  /** Failed attempts since the last success. */
  attempt: z.number(),
  /** When the next automatic attempt happens (epoch ms). */
  retryAt: z.optional(z.number()),
});
/** Registration state. */
export type RegistrationState = z.infer<typeof registrationStateSchema>;

/** State before any account is configured. */
export const UNCONFIGURED: RegistrationState = { status: 'unconfigured', attempt: 0 };

/** Failures that are retried quietly, shown as "connecting" with the reason. */
const RETRYING: readonly RegistrationError[] = ['unreachable', 'timeout'];

/** Events that move registration. */
export type RegistrationEvent =
  | { type: 'configure'; aor: string | null }
  | { type: 'connecting' }
  | { type: 'registered' }
  | { type: 'failed'; error: RegistrationError; sipCode?: number; now: number; random: number };

/**
 * The registration state machine: pure, so the engine's retry policy is testable without SIP.
 * A failure schedules a retry with exponential backoff; a success resets it.
 */
export function nextRegistration(state: RegistrationState, ev: RegistrationEvent): RegistrationState {
  switch (ev.type) {
    case 'configure':
      return ev.aor ? { status: 'connecting', attempt: 0, aor: ev.aor } : UNCONFIGURED;
    case 'connecting':
      if (state.status === 'unconfigured') return state;
      // Keep the last failure visible while a retry is under way.
      return { ...state, status: 'connecting' };
    case 'registered':
      if (state.status === 'unconfigured') return state;
      return { status: 'registered', attempt: 0, ...aorOf(state) };
    case 'failed': {
      if (state.status === 'unconfigured') return state;
      const attempt = state.attempt + 1;
      return {
        // Network trouble heals by itself (we keep retrying): that is "connecting", not an error
        // the agent must act on.
        status: RETRYING.includes(ev.error) ? 'connecting' : 'error',
        error: ev.error,
        ...(ev.sipCode !== undefined ? { sipCode: ev.sipCode } : {}),
        attempt,
        retryAt: ev.now + backoffDelay(ev.error, attempt, ev.random),
        ...aorOf(state),
      };
    }
  }
}

function aorOf(state: RegistrationState): { aor?: string } {
  return state.aor ? { aor: state.aor } : {};
}

/**
 * Delay before retry `attempt` (1-based): 0.5 s, 1 s, 2 s, then every 4 s at most, scaled by
 * 60–100 % jitter so a call centre's agents do not reconnect in lock-step after a PBX restart.
 * The low cap keeps re-registration within 5 s of the PBX coming back; a refused WebSocket costs
 * the PBX almost nothing. Wrong credentials will not fix themselves, so those retry every 5 min.
 */
export function backoffDelay(error: RegistrationError, attempt: number, random: number): number {
  if (error === 'bad-config') return Number.POSITIVE_INFINITY;
  const jitter = 0.6 + 0.4 * Math.min(1, Math.max(0, random));
  if (error === 'auth' || error === 'rejected') return Math.round(300_000 * jitter);
  return Math.round(Math.min(4000, 500 * 2 ** Math.max(0, attempt - 1)) * jitter);
}

/** What a failed REGISTER or transport tells us, reduced to a kind the agent can act on. */
export function classifyFailure(f: { transport?: boolean; sipCode?: number; timeout?: boolean }): RegistrationError {
  if (f.transport) return 'unreachable';
  if (f.timeout) return 'timeout';
  if (f.sipCode === 401 || f.sipCode === 403 || f.sipCode === 407) return 'auth';
  if (f.sipCode === 408) return 'timeout';
  return 'rejected';
}
