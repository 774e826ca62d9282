import { openMissedIds } from '../journal/missed';
import type { CallDb } from './call-db';
import type { StoredCall } from './stored-call';

/**
 * Brings the open-missed marks of one caller's calls up to date (see `openMissedIds`). Run inside
 * a transaction on `calls` after a call of that caller ended, was imported or was restored.
 */
export async function settleNumber(db: CallDb, key: string): Promise<void> {
  if (!key) return;
  const calls: StoredCall[] = await db.calls
    .where('[remoteE164+startedAt]')
    .between([key, -Infinity], [key, Infinity])
    .toArray();
  const open = openMissedIds(calls);
  const change = calls.filter((c) => (c.missedOpen === 1) !== open.has(c.id));
  for (const c of change) {
    await db.calls.update(c.id, open.has(c.id) ? { missedOpen: 1 } : { missedOpen: undefined });
  }
}

/** Settles the caller of the stored call `id`. */
export async function settleMissed(db: CallDb, id: string): Promise<void> {
  const call = await db.calls.get(id);
  if (call) await settleNumber(db, call.remoteE164);
}
