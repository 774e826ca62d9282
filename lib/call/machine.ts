import type { CallDirection, CallOutcome, CallRecord } from './types';

/** What ended a call, as the engine observed it. */
export interface EndCause {
  /** Who ended it: the agent, the other party (or the PBX), or the extension itself. */
  by: 'local' | 'remote' | 'system';
  /** Final SIP response code, when the call failed with one. */
  sipCode?: number;
  /** A CANCEL said the call was answered on another device (Reason: cause=200). */
  elsewhere?: boolean;
  /** Why, when the system ended it (`no-microphone`, `transport`…). */
  reason?: string;
}

/** Data known when a call starts. */
export interface CallStart {
  id: string;
  direction: CallDirection;
  account: string;
  localNumber: string;
  remoteNumber: string;
  remoteName: string;
  sipCallId: string;
  now: number;
}

/** A new call: inbound calls start ringing, outbound calls start dialing. */
export function startCall(s: CallStart): CallRecord {
  return {
    id: s.id,
    direction: s.direction,
    phase: s.direction === 'inbound' ? 'ringing' : 'dialing',
    account: s.account,
    localNumber: s.localNumber,
    remoteNumber: s.remoteNumber,
    remoteName: s.remoteName,
    startedAt: s.now,
    sipCallId: s.sipCallId,
  };
}

/** The far end is alerting (180/183). Only moves an outbound call out of `dialing`. */
export function remoteRinging(call: CallRecord): CallRecord {
  return call.phase === 'dialing' ? { ...call, phase: 'ringing' } : call;
}

/** The call was answered. Ignored unless the call is still alerting. */
export function connect(call: CallRecord, now: number): CallRecord {
  if (call.phase !== 'dialing' && call.phase !== 'ringing') return call;
  return { ...call, phase: 'connected', answeredAt: now, ringDurationMs: Math.max(0, now - call.startedAt) };
}

/** The call ended: fixes the outcome and durations. Ending an ended call changes nothing. */
export function endCall(call: CallRecord, cause: EndCause, now: number): CallRecord {
  if (call.phase === 'ended') return call;
  const { outcome, sipCode } = outcomeOf(call, cause);
  const answered = call.answeredAt !== undefined;
  return {
    ...call,
    phase: 'ended',
    endedAt: now,
    outcome,
    ...(sipCode !== undefined ? { sipCode } : {}),
    endReason: endReasonOf(call, cause),
    ringDurationMs: call.ringDurationMs ?? Math.max(0, now - call.startedAt),
    ...(answered ? { talkDurationMs: Math.max(0, now - (call.answeredAt ?? now)) } : {}),
  };
}

/** Maps how a call ended to its stored outcome. */
export function outcomeOf(call: CallRecord, cause: EndCause): { outcome: CallOutcome; sipCode?: number } {
  if (call.answeredAt !== undefined) return { outcome: 'answered' };
  if (call.direction === 'inbound') {
    if (cause.by === 'local') return { outcome: 'rejected', sipCode: cause.sipCode ?? 486 };
    if (cause.by === 'remote') return { outcome: cause.elsewhere ? 'answered-elsewhere' : 'missed' };
    return withCode('failed', cause.sipCode);
  }
  if (cause.by === 'local') return { outcome: 'cancelled' };
  const code = cause.sipCode;
  if (code === 486 || code === 600) return { outcome: 'busy', sipCode: code };
  if (code === 603) return { outcome: 'rejected', sipCode: code };
  return withCode('failed', code);
}

function withCode(outcome: CallOutcome, sipCode?: number): { outcome: CallOutcome; sipCode?: number } {
  return sipCode === undefined ? { outcome } : { outcome, sipCode };
}

function endReasonOf(call: CallRecord, cause: EndCause): string {
  if (cause.reason) return cause.reason;
  if (cause.by === 'system') return 'error';
  if (call.answeredAt !== undefined) return cause.by === 'local' ? 'hangup-local' : 'hangup-remote';
  if (cause.by === 'local') return call.direction === 'inbound' ? 'rejected-local' : 'cancelled-local';
  if (cause.elsewhere) return 'answered-elsewhere';
  return call.direction === 'inbound' ? 'cancelled-remote' : 'failed-remote';
}
