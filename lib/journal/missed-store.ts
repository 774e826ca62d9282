import type { CallDb } from '../store/call-db';
import { groupMissed, type MissedGroup } from './missed';

/** Open missed calls, grouped per caller, from the sparse index of open ones only. */
export async function missedGroups(db: CallDb): Promise<MissedGroup[]> {
  const open = await db.calls.where('[missedOpen+remoteE164]').between([1, ''], [1, '\uffff'], true, true).toArray();
  return groupMissed(open);
}

/** How many callers wait for a call back (the toolbar badge's count). */
export async function missedCallerCount(db: CallDb): Promise<number> {
  const keys = await db.calls.where('[missedOpen+remoteE164]').between([1, ''], [1, '\uffff'], true, true).keys();
  return new Set(keys.map((k) => String((k as unknown as [number, string])[1]))).size;
}

/** The agent dealt with a caller's missed calls another way: the entry closes. */
export async function markHandled(db: CallDb, key: string, now: number): Promise<number> {
  return db.calls
    .where('[missedOpen+remoteE164]')
    .equals([1, key])
    .modify((c) => {
      delete c.missedOpen;
      c.handledAt = now;
    });
}
