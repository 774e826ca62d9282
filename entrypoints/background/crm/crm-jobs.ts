import { t } from '../../../components/i18n';
import { attachJobKey, createJobKey, logJobKey } from '../../../lib/crm/outbox-keys';
import { recordKey, type CrmProblem, type ViewLink } from '../../../lib/crm/view';
import {
  linkKey,
  type CallLink,
  type CrmDb,
  type LinkHow,
  type NewOutboxJob,
  type OutboxJob,
} from '../../../lib/store/crm-db';
import { asCrmError, CrmError } from '../../../providers/crm/errors';
import type { CrmCall, CrmRecord, LogDetails, RecordKind, RecordRef } from '../../../providers/crm/types';
import type { CrmCache } from './crm-cache';
import type { Connected, CrmClients } from './crm-clients';
import { crmCallOf, refOf, type Session } from './crm-session';

/** What the job logic needs from the service. */
export interface CrmJobsDeps {
  db: CrmDb;
  clients: CrmClients;
  cache: CrmCache;
  session(callId: string): Session | undefined;
  enqueue(job: NewOutboxJob): Promise<OutboxJob>;
}

/**
 * The CRM writes of calls: which logs a call gets at hang-up (its links, per the connection's
 * auto-log policy), what Create…, Find-and-link and a changed choice queue, and how each queued
 * job is finally sent by the outbox.
 */
export class CrmJobs {
  constructor(private readonly deps: CrmJobsDeps) {}

  /** Hang-up: one log job per linked record (or per connection, when it logs unmatched calls), due at `dueAt`. */
  async queueLogs(s: Session, connections: Connected[], dueAt: number): Promise<void> {
    const chosen = s.matches.find((m) => recordKey(m) === s.chosen);
    if (chosen) await this.addLink(s.call.id, chosen, s.matches.length === 1 ? 'matched' : 'chosen');
    const links = await this.deps.db.links.where('callId').equals(s.call.id).toArray();
    const missed = s.call.direction === 'inbound' && s.call.answeredAt === undefined;
    for (const c of connections) {
      if (!c.can.has('log') || c.connection.autoLog === 'off') continue;
      if (missed && !c.connection.logMissed) continue;
      const own = links.filter((l) => l.record.connection === c.connection.id);
      if (own.length === 0 && c.connection.autoLog !== 'all') continue;
      for (const record of own.length ? own.map((l) => l.record) : [null]) {
        await this.queueLog(s, c.connection.id, record, dueAt);
      }
    }
  }

  /** The agent chose another record among several: the call's log goes there instead. */
  async replaceChosen(s: Session, record: CrmRecord): Promise<void> {
    const old = await this.deps.db.links
      .where('callId')
      .equals(s.call.id)
      .and((l) => l.how === 'chosen' || l.how === 'matched')
      .toArray();
    for (const l of old) {
      if (recordKey(l.record) === recordKey(record)) continue;
      const key = logJobKey(l.record.connection, s.call.id, l.record);
      const job = await this.deps.db.outbox.get(key);
      // A log already sent stays (it happened); one still waiting follows the new choice.
      if (job?.state === 'done') continue;
      await this.deps.db.outbox.delete(key);
      await this.deps.db.links.delete(l.key);
    }
    await this.addLink(s.call.id, record, 'chosen');
    if (s.ended) await this.queueLog(s, record.connection, refOf(record), s.wrapUpUntil ?? Date.now());
  }

  /** Links a record; `attach` also adds the number to it (Find and link). */
  async link(s: Session, record: CrmRecord, attach: boolean): Promise<void> {
    await this.addLink(s.call.id, record, 'linked');
    if (attach && s.number) {
      await this.deps.db.choices.put({ number: s.number, record: refOf(record), at: Date.now() });
      const connection = await this.deps.clients.byId(record.connection);
      if (connection.can.has('link')) {
        await this.deps.enqueue({
          op: 'attach',
          key: attachJobKey(record.connection, record, s.number),
          connection: record.connection,
          callId: s.call.id,
          call: crmCallOf(s.call, s.number),
          record: refOf(record),
          nextAt: Date.now(),
        });
      }
    }
    if (s.ended) await this.queueLog(s, record.connection, refOf(record), s.wrapUpUntil ?? Date.now());
    await this.readInto(s);
  }

  /** Queues the creation of a record for the call, prefilled with its number and the chosen record. */
  async create(s: Session, connection: string, kind: RecordKind, name: string): Promise<void> {
    const c = await this.deps.clients.byId(connection);
    if (!c.can.has('create') || !c.adapter.kinds.includes(kind))
      throw new CrmError('unsupported', `${c.name} cannot create a ${kind}`);
    const about = s.matches.find((m) => recordKey(m) === s.chosen && m.connection === connection);
    const withPhone = kind === 'contact' || kind === 'company' || kind === 'lead';
    await this.deps.enqueue({
      op: 'create',
      key: createJobKey(connection, crypto.randomUUID()),
      connection,
      callId: s.call.id,
      call: crmCallOf(s.call, s.number),
      kind,
      prefill: {
        name,
        ...(withPhone && s.number ? { phone: s.number } : {}),
        ...(about && !withPhone ? { about: refOf(about) } : {}),
      },
      nextAt: Date.now(),
    });
    await this.readInto(s);
  }

  /** Find and link: every connection that can search, together; problems are reported per CRM. */
  async search(query: string): Promise<{ results: CrmRecord[]; problems: CrmProblem[] }> {
    const { list } = await this.deps.clients.get();
    const answers = await Promise.all(
      list
        .filter((c) => c.can.has('search'))
        .map((c) =>
          c.client.search(query).then(
            (results) => ({ results, problem: undefined }),
            (e: unknown) => ({ results: [], problem: { connection: c.name.slice(0, 64), code: asCrmError(e).code } }),
          ),
        ),
    );
    return {
      results: answers.flatMap((a) => a.results).slice(0, 40),
      problems: answers.flatMap((a) => (a.problem ? [a.problem] : [])),
    };
  }

  /** Sends one job (the outbox calls this when it is due). */
  async run(job: OutboxJob): Promise<OutboxJob['result']> {
    const c = await this.deps.clients.byId(job.connection);
    if (job.op === 'log') {
      const details = await this.details(job.callId, job.call);
      return { log: await c.client.logCall(job.call, details, job.record) };
    }
    if (job.op === 'attach') {
      await c.client.link(job.call, job.record);
      await this.deps.cache.drop(`n|${job.call.remote}|`);
      return undefined;
    }
    const record = await this.createOnce(c, job);
    if (job.prefill.phone) await this.deps.cache.drop(`n|${job.prefill.phone}|`);
    if (job.callId) {
      await this.addLink(job.callId, record, 'created');
      const s = this.deps.session(job.callId);
      if (s?.ended && c.can.has('log'))
        await this.queueLog(s, c.connection.id, refOf(record), s.wrapUpUntil ?? Date.now());
      if (s && !s.matches.some((m) => recordKey(m) === recordKey(record))) {
        s.matches = [...s.matches, record];
        s.chosen ??= recordKey(record);
      }
    }
    return { record: refOf(record) };
  }

  /**
   * Creates the record, unless a retry finds it was created already (the first attempt reached the
   * CRM but its answer was lost): then that record is used.
   */
  private async createOnce(c: Connected, job: Extract<OutboxJob, { op: 'create' }>): Promise<CrmRecord> {
    if (job.attempts > 1 && job.prefill.phone && c.can.has('lookup')) {
      const existing = await c.client.lookupByNumber(job.prefill.phone).catch(() => []);
      const same = existing.find((r) => r.kind === job.kind && r.title.trim() === job.prefill.name.trim());
      if (same) return same;
    }
    return c.client.create(job.kind, job.prefill);
  }

  /** The call's links, log states, records being created and wrap-up, as the view shows them. */
  async readInto(s: Session): Promise<void> {
    const db = this.deps.db;
    const [links, jobs, wrap] = await Promise.all([
      db.links.where('callId').equals(s.call.id).toArray(),
      db.outbox.where('callId').equals(s.call.id).toArray(),
      db.wrapUps.get(s.call.id),
    ]);
    const now = Date.now();
    s.links = links.map((l): ViewLink => {
      const job = jobs.find((j) => j.key === logJobKey(l.record.connection, s.call.id, l.record));
      const waiting = job?.state === 'pending' && job.attempts === 0 && job.nextAt > now;
      const logUrl = job?.result?.log?.url;
      return {
        record: l.record,
        how: l.how,
        state: !job ? 'not-logged' : waiting ? 'waiting' : job.state,
        ...(job?.error && job.state !== 'done' ? { error: job.error.code } : {}),
        ...(logUrl ? { logUrl } : {}),
        ...(job && job.state !== 'done' ? { nextAt: job.nextAt } : {}),
      };
    });
    s.creating = jobs
      .filter((j): j is Extract<OutboxJob, { op: 'create' }> => j.op === 'create' && j.state !== 'done')
      .map((j) => ({
        key: j.key,
        kind: j.kind,
        name: j.prefill.name.slice(0, 256),
        connection: j.connection,
        state: j.state as 'pending' | 'sending' | 'failed',
        ...(j.error ? { error: j.error.code } : {}),
      }));
    if (wrap)
      s.wrapUp = {
        subject: wrap.subject,
        summary: wrap.summary,
        ...(wrap.disposition ? { disposition: wrap.disposition } : {}),
      };
  }

  private async addLink(callId: string, record: RecordRef, how: LinkHow): Promise<void> {
    const link: CallLink = { key: linkKey(callId, record), callId, record: refOf(record), how, at: Date.now() };
    const existing = await this.deps.db.links.get(link.key);
    if (!existing) await this.deps.db.links.put(link);
  }

  private async queueLog(s: Session, connection: string, record: RecordRef | null, dueAt: number): Promise<void> {
    const c = await this.deps.clients.byId(connection).catch(() => undefined);
    if (!c?.can.has('log')) return;
    await this.deps.enqueue({
      op: 'log',
      key: logJobKey(connection, s.call.id, record),
      connection,
      callId: s.call.id,
      call: crmCallOf(s.call, s.number),
      record: record ? refOf(record) : null,
      nextAt: dueAt,
    });
  }

  /** What is logged: the agent's wrap-up, or a subject in words and an empty summary. */
  private async details(callId: string, call: CrmCall): Promise<LogDetails> {
    const wrap = await this.deps.db.wrapUps.get(callId);
    const fallback =
      call.direction === 'outbound'
        ? t('crmSubjectOut', call.remote)
        : call.answeredAt === undefined
          ? t('crmSubjectMissed', call.remote)
          : t('crmSubjectIn', call.remote);
    return {
      subject: wrap?.subject.trim() || fallback,
      summary: wrap?.summary ?? '',
      ...(wrap?.disposition ? { disposition: wrap.disposition } : {}),
    };
  }
}
