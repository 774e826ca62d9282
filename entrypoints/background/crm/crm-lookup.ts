import { recordKey } from '../../../lib/crm/view';
import type { CrmDb } from '../../../lib/store/crm-db';
import { asCrmError } from '../../../providers/crm/errors';
import type { CrmRecord, Disposition, RelatedGroup } from '../../../providers/crm/types';
import { appLog } from '../../../lib/log/app-log';
import type { CrmCache } from './crm-cache';
import type { Connected, CrmClients } from './crm-clients';
import { chosenRecord, visibleFields, type Session } from './crm-session';

const log = appLog.scope('crm-lookup');

/** What lookups need from the CRM service. */
export interface LookupContext {
  clients: CrmClients;
  cache: CrmCache;
  db: CrmDb;
  /** The agent's choices per number, remembered in memory too. */
  choices: Map<string, string>;
  warm(): Promise<void>;
  /** True once the phone metadata is loaded (numbers can be made E.164). */
  phoneReady(): boolean;
  e164(remote: string): string;
  refresh(callId: string): Promise<void>;
  emit(): void;
}

/** Looks the caller up in every connection that can (cache first), then what is related to the chosen record. */
export async function lookup(ctx: LookupContext, s: Session): Promise<void> {
  await ctx.warm();
  if (!s.number && ctx.phoneReady()) s.number = ctx.e164(s.call.remoteNumber);
  const { settings, list } = await ctx.clients.get();
  const lookups = list.filter((c) => c.can.has('lookup'));
  if (!s.number || lookups.length === 0) {
    s.status = 'off';
    return ctx.emit();
  }
  const ttl = settings.cacheTtlSeconds * 1000;
  const answers = await Promise.all(
    lookups.map(async (c) => {
      const key = `n|${s.number}|${c.connection.id}`;
      try {
        const cached = await ctx.cache.get<CrmRecord[]>(key, ttl);
        const records = cached ?? (await c.client.lookupByNumber(s.number, { signal: s.abort.signal }));
        if (!cached) await ctx.cache.set(key, records, ttl);
        return { records: records.map((r) => visibleFields(r, c)) };
      } catch (e) {
        return { problem: { connection: c.name.slice(0, 64), code: asCrmError(e).code } };
      }
    }),
  );
  s.matches = answers.flatMap((a) => a.records ?? []);
  s.problems = answers.flatMap((a) => (a.problem ? [a.problem] : []));
  s.status = s.problems.length === answers.length ? 'failed' : 'done';
  if (s.matches.length === 1) s.chosen = recordKey(s.matches[0]!);
  else if (s.matches.length > 1) {
    const remembered =
      ctx.choices.get(s.number) ??
      (await ctx.db.choices
        .get(s.number)
        .catch(() => undefined)
        ?.then((c) => (c ? recordKey(c.record) : undefined)));
    if (remembered && s.matches.some((m) => recordKey(m) === remembered)) {
      s.chosen = remembered;
      s.remembered = true;
      ctx.choices.set(s.number, remembered);
    }
  }
  void loadDispositions(ctx, s, list);
  await ctx.refresh(s.call.id);
  await loadRelated(ctx, s);
}

/** What the CRM has about the chosen record (deals, orders, cases…), cached like lookups. */
export async function loadRelated(ctx: LookupContext, s: Session): Promise<void> {
  const record = chosenRecord(s);
  if (!record) return;
  const { settings, list } = await ctx.clients.get();
  const c = list.find((x) => x.connection.id === record.connection);
  if (!c?.can.has('related')) return;
  const key = `r|${recordKey(record)}`;
  const ttl = settings.cacheTtlSeconds * 1000;
  const cached = await ctx.cache.get<RelatedGroup[]>(key, ttl);
  if (cached) [s.related, s.relatedStatus] = [cached, 'done'];
  else {
    s.relatedStatus = 'loading';
    ctx.emit();
    try {
      const groups = await c.client.related(record, { signal: s.abort.signal });
      await ctx.cache.set(key, groups, ttl);
      if (s.chosen === recordKey(record)) [s.related, s.relatedStatus] = [groups, 'done'];
    } catch (e) {
      s.relatedStatus = 'failed';
      log.warn(`related: ${asCrmError(e).code}`);
    }
  }
  ctx.emit();
}

/** The outcomes the Link menu offers, from every connection that logs calls. */
async function loadDispositions(ctx: LookupContext, s: Session, list: Connected[]): Promise<void> {
  const loggers = list.filter((c) => c.can.has('log'));
  const all: Disposition[] = [];
  for (const c of loggers) {
    const key = `d|${c.connection.id}`;
    const cached = await ctx.cache.get<Disposition[]>(key, 3_600_000);
    const found = cached ?? (await c.client.dispositions().catch(() => []));
    if (!cached) await ctx.cache.set(key, found, 3_600_000);
    all.push(...found);
  }
  s.dispositions = all.slice(0, 50);
  ctx.emit();
}
