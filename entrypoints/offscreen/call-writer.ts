import { saveCall, type CallDb } from '../../lib/store/call-db';
import type { CallRecord } from '../../lib/call/types';
import type { ScopedLog } from '../../lib/log/debug-log';

/**
 * Writes call records in the order their events happened, one chain per call, so a slow write
 * never lets an older state overwrite a newer one. A failed write is retried once and logged.
 */
export class CallWriter {
  private readonly chains = new Map<string, Promise<void>>();

  constructor(
    private readonly db: CallDb,
    private readonly log: ScopedLog,
  ) {}

  save(record: CallRecord): void {
    const prev = this.chains.get(record.id) ?? Promise.resolve();
    const next = prev
      .then(() => saveCall(this.db, record))
      .catch(() => saveCall(this.db, record))
      .catch((e: unknown) => this.log.error(`call ${record.id} not saved: ${String(e)}`))
      .finally(() => {
        if (this.chains.get(record.id) === next) this.chains.delete(record.id);
      });
    this.chains.set(record.id, next);
  }

  /** Resolves when every pending write has settled. */
  async flush(): Promise<void> {
    await Promise.all(this.chains.values());
  }
}
