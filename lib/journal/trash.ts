import type { CallDb } from '../store/call-db';
import { settleNumber } from '../store/settle-missed';

/** Deleted calls stay restorable this long (the history page's Undo). */
export const UNDO_MS = 30_000;

/**
 * Deletes calls, keeping them in the trash for {@link UNDO_MS} so Undo can bring them back; their
 * recordings stay until the trash is purged. Returns the batch id Undo needs.
 */
export async function deleteCalls(db: CallDb, ids: readonly string[], now: number): Promise<string> {
  const batch = `${now}-${Math.random().toString(36).slice(2)}`;
  await db.transaction('rw', db.calls, db.trash, async () => {
    const calls = (await db.calls.bulkGet([...ids])).filter((c) => c !== undefined);
    await db.trash.bulkPut(calls.map((call) => ({ id: call.id, batch, deletedAt: now, call })));
    await db.calls.bulkDelete(calls.map((c) => c.id));
    for (const key of new Set(calls.map((c) => c.remoteE164))) await settleNumber(db, key);
  });
  return batch;
}

/** Undo: brings a deleted batch back exactly as it was. Returns how many calls came back. */
export async function restoreBatch(db: CallDb, batch: string): Promise<number> {
  return db.transaction('rw', db.calls, db.trash, async () => {
    const entries = await db.trash.where('batch').equals(batch).toArray();
    await db.calls.bulkPut(entries.map((e) => e.call));
    await db.trash.bulkDelete(entries.map((e) => e.id));
    for (const key of new Set(entries.map((e) => e.call.remoteE164))) await settleNumber(db, key);
    return entries.length;
  });
}

/** Deletes for good what was deleted before the undo window, with its recordings. */
export async function purgeTrash(db: CallDb, now: number): Promise<number> {
  const old = await db.trash.filter((e) => e.deletedAt < now - UNDO_MS).primaryKeys();
  if (old.length === 0) return 0;
  await db.transaction('rw', db.trash, db.recordings, async () => {
    await db.recordings.where('callId').anyOf(old).delete();
    await db.trash.bulkDelete(old);
  });
  return old.length;
}
