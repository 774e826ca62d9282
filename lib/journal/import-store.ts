import type { CallRecord } from '../call/types';
import type { CallDb } from '../store/call-db';
import { settleNumber } from '../store/settle-missed';

/**
 * Stores imported calls in one transaction: all of them or, if anything fails, none. A call
 * whose id is already stored is replaced (re-importing a file adds nothing), then the missed-call
 * marks of every number touched are settled again.
 */
export async function importCalls(
  db: CallDb,
  rows: readonly { call: CallRecord; handledAt?: number }[],
): Promise<void> {
  await db.transaction('rw', db.calls, async () => {
    const batch = 2000;
    for (let i = 0; i < rows.length; i += batch) {
      await db.calls.bulkPut(
        rows
          .slice(i, i + batch)
          .map((r) => (r.handledAt !== undefined ? { ...r.call, handledAt: r.handledAt } : r.call)),
      );
    }
    const keys = new Set(rows.map((r) => db.normalise(r.call.remoteNumber, r.call.direction)));
    for (const key of keys) await settleNumber(db, key);
  });
}
