import type { CallRecord } from '../call/types';
import type { StoredCall } from '../store/stored-call';

/**
 * Missed calls, grouped per caller as Omnidesk does: several missed calls from one number are one
 * entry until the agent talks with that number (an answered call either way) or marks the entry
 * handled. A missed call after that talk starts a new entry.
 */

/** A missed inbound call: the caller gave up or was turned away while the agent was busy. */
export function isMissed(call: Pick<CallRecord, 'direction' | 'phase' | 'outcome'>): boolean {
  return call.direction === 'inbound' && call.phase === 'ended' && call.outcome === 'missed';
}

/** A conversation took place (the other side answered, or the agent did). */
export function isTalk(call: Pick<CallRecord, 'outcome'>): boolean {
  return call.outcome === 'answered';
}

/**
 * Which of one number's calls are open missed calls: missed, not marked handled, and with no
 * conversation after them. Returns the ids that must have `missedOpen` set; all others must not.
 */
export function openMissedIds(calls: readonly StoredCall[]): Set<string> {
  const byTime = [...calls].sort((a, b) => a.startedAt - b.startedAt);
  const open = new Set<string>();
  for (const call of byTime) {
    if (isTalk(call)) open.clear();
    else if (isMissed(call) && call.handledAt === undefined) open.add(call.id);
  }
  return open;
}

/** One caller's missed calls that nobody has dealt with yet. */
export interface MissedGroup {
  /** The caller's number key (E.164 where it is a phone number). */
  key: string;
  /** The number as the newest call shows it, and the newest name known. */
  number: string;
  name: string;
  count: number;
  firstAt: number;
  lastAt: number;
  callIds: string[];
}

/** Groups open missed calls per caller, the most recent caller first. */
export function groupMissed(calls: readonly StoredCall[]): MissedGroup[] {
  const groups = new Map<string, MissedGroup>();
  for (const c of [...calls].sort((a, b) => a.startedAt - b.startedAt)) {
    const key = c.remoteE164 || c.remoteNumber;
    const g = groups.get(key);
    if (!g) {
      groups.set(key, {
        key,
        number: c.remoteE164.startsWith('+') ? c.remoteE164 : c.remoteNumber,
        name: c.contactName ?? c.remoteName,
        count: 1,
        firstAt: c.startedAt,
        lastAt: c.startedAt,
        callIds: [c.id],
      });
      continue;
    }
    g.count++;
    g.lastAt = c.startedAt;
    g.callIds.push(c.id);
    g.name = c.contactName ?? (c.remoteName || g.name);
  }
  return [...groups.values()].sort((a, b) => b.lastAt - a.lastAt);
}
