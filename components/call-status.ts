import type { CallRecord } from '../lib/call/types';
import { formatDuration } from './format';
import { keyOf, t } from './i18n';

/** One line saying where a call is: "Ringing…", "Connected 0:42", "Ended: the caller hung up". */
export function callStatusText(call: CallRecord, now: number): string {
  switch (call.phase) {
    case 'dialing':
      return t('phaseDialing');
    case 'ringing':
      return call.direction === 'inbound' ? t('phaseIncoming') : t('phaseRinging');
    case 'connected':
      return t('phaseConnected', formatDuration(now - (call.answeredAt ?? now)));
    case 'ended':
      return t('phaseEnded', endedText(call));
  }
}

/** Why a call ended, in words, with the SIP code when one explains it. */
export function endedText(call: CallRecord): string {
  const key = keyOf('end', call.endReason ?? 'error');
  const text = t(key) === key ? t('end_error') : t(key);
  return call.sipCode && call.outcome !== 'answered' ? `${text} (SIP ${call.sipCode})` : text;
}

/** A heading for the call: who and which way. */
export function callTitle(call: CallRecord): string {
  if (call.phase === 'ended') return call.outcome === 'missed' ? t('missedCall') : t('callEnded');
  return call.direction === 'inbound' ? t('incomingCall') : t('outgoingCall');
}
