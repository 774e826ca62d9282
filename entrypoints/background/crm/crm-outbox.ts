import { browser } from 'wxt/browser';
import { serialQueue } from '../../../lib/async/serial';
import { retryDelay } from '../../../lib/crm/backoff';
import { appLog } from '../../../lib/log/app-log';
import type { CrmDb, NewOutboxJob, OutboxJob } from '../../../lib/store/crm-db';
import { asCrmError } from '../../../providers/crm/errors';

const log = appLog.scope('crm-outbox');

/** The alarm that wakes a sleeping service worker when a queued CRM write is due. */
export const OUTBOX_ALARM = 'crm-outbox';
/** Done jobs are kept this long, so "all links" can show them; then removed. */
const KEEP_DONE_MS = 30 * 86_400_000;

/** What the outbox does with a job when its time comes: the CRM request, resolving to what to keep. */
export type JobRunner = (job: OutboxJob) => Promise<OutboxJob['result']>;

/**
 * The persistent outbox of CRM writes. Every write (log a call, create a record, attach a number)
 * is a row in IndexedDB first, keyed by what it is about, so enqueuing the same write twice is a
 * no-op and a crash or a CRM outage loses nothing. Due jobs are sent one at a time; transient
 * failures are retried with backoff ({@link retryDelay}), others wait for the agent or admin
 * ("Retry", or a settings or permission change). A timer runs the next job while the worker is
 * awake, and an alarm wakes the worker when it went to sleep in between.
 */
export class CrmOutbox {
  private readonly serial = serialQueue();
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly db: CrmDb,
    private readonly run: JobRunner,
    private readonly changed: (job: OutboxJob) => void,
  ) {
    browser.alarms?.onAlarm.addListener((alarm) => {
      if (alarm.name === OUTBOX_ALARM) void this.kick();
    });
  }

  /** After a restart: jobs caught mid-send go back to the queue (writes are idempotent), then run. */
  async start(): Promise<void> {
    await this.db.outbox
      .where('[state+nextAt]')
      .between(['sending', 0], ['sending', Infinity])
      .modify({ state: 'pending' });
    await this.db.outbox
      .where('updatedAt')
      .below(Date.now() - KEEP_DONE_MS)
      .and((j) => j.state === 'done')
      .delete();
    await this.kick();
  }

  /**
   * Adds a job unless one with its key exists (a write is never queued twice); returns the job
   * as stored.
   */
  async enqueue(job: NewOutboxJob): Promise<OutboxJob> {
    const now = Date.now();
    const stored = await this.db.transaction('rw', this.db.outbox, async () => {
      const existing = await this.db.outbox.get(job.key);
      if (existing) return existing;
      const fresh = { ...job, state: 'pending', attempts: 0, createdAt: now, updatedAt: now } as OutboxJob;
      await this.db.outbox.add(fresh);
      return fresh;
    });
    this.changed(stored);
    await this.kick();
    return stored;
  }

  /** Makes the pending or failed jobs that match due now (the agent finished the wrap-up, or pressed Retry). */
  async dueNow(match: (job: OutboxJob) => boolean): Promise<void> {
    const now = Date.now();
    const jobs = await this.db.outbox
      .filter((j) => (j.state === 'pending' || j.state === 'failed') && match(j))
      .toArray();
    for (const job of jobs) {
      const next = { ...job, state: 'pending' as const, nextAt: Math.min(job.nextAt, now), updatedAt: now };
      if (job.state === 'failed') next.nextAt = now;
      await this.db.outbox.put(next);
      this.changed(next);
    }
    if (jobs.length) await this.kick();
  }

  /** Sends what is due, then schedules the next run. */
  kick(): Promise<void> {
    return this.serial(() => this.drain()).catch((e: unknown) => log.error(`outbox: ${String(e)}`));
  }

  private async drain(): Promise<void> {
    for (let round = 0; round < 50; round++) {
      const due = await this.db.outbox
        .where('[state+nextAt]')
        .between(['pending', 0], ['pending', Date.now()], true, true)
        .limit(10)
        .toArray();
      if (due.length === 0) break;
      for (const job of due) await this.send(job);
    }
    await this.schedule();
  }

  private async send(job: OutboxJob): Promise<void> {
    const sending: OutboxJob = { ...job, state: 'sending', attempts: job.attempts + 1, updatedAt: Date.now() };
    await this.db.outbox.put(sending);
    this.changed(sending);
    let next: OutboxJob;
    try {
      const result = await this.run(sending);
      next = { ...sending, state: 'done', updatedAt: Date.now(), ...(result ? { result } : {}) };
      delete next.error;
    } catch (e) {
      const error = asCrmError(e);
      const retry = error.transient;
      next = {
        ...sending,
        state: retry ? 'pending' : 'failed',
        nextAt: retry ? Date.now() + retryDelay(sending.attempts, error.retryAfterMs) : sending.nextAt,
        updatedAt: Date.now(),
        error: { code: error.code, message: error.message.slice(0, 300) },
      };
      log.warn(`${job.op} ${job.key}: ${error.code}${retry ? ', will retry' : ''}`);
    }
    await this.db.outbox.put(next);
    this.changed(next);
  }

  private async schedule(): Promise<void> {
    clearTimeout(this.timer);
    const [next] = await this.db.outbox
      .where('[state+nextAt]')
      .between(['pending', 0], ['pending', Infinity])
      .limit(1)
      .toArray();
    if (!next) {
      await browser.alarms?.clear(OUTBOX_ALARM).catch(() => undefined);
      return;
    }
    const wait = Math.max(0, next.nextAt - Date.now());
    this.timer = setTimeout(() => void this.kick(), wait);
    // The worker may sleep before the timer fires: the alarm wakes it (at least 1 s ahead; packed
    // MV3 extensions get at least 30 s, so the timer does the fast retries while awake).
    await browser.alarms?.create(OUTBOX_ALARM, { when: Date.now() + Math.max(wait, 1000) }).catch(() => undefined);
  }
}
