import { browser } from 'wxt/browser';
import type { CallRecord } from '../../../lib/call/types';
import type { EngineState } from '../../../lib/engine/state';
import { appLog } from '../../../lib/log/app-log';
import type { PhoneKit } from '../../../lib/phone/kit';
import type { RegionCode } from '../../../lib/phone/countries';
import { recordKey, type CrmView } from '../../../lib/crm/view';
import type { CrmDb } from '../../../lib/store/crm-db';
import type { CrmRecord, RelatedGroup } from '../../../providers/crm/types';
import { CrmCache } from './crm-cache';
import { loadRelated, lookup, type LookupContext } from './crm-lookup';
import type { Connected, CrmClients } from './crm-clients';
import { CrmJobs } from './crm-jobs';
import { CrmOutbox } from './crm-outbox';
import { ScreenPop } from './crm-screen-pop';
import { chosenRecord, newSession, viewOf, visibleFields, type Session } from './crm-session';

const log = appLog.scope('crm');
const WRAP_UP_KEY = 'crmWrapUp';
/** Sessions of calls no longer live (and not in wrap-up) are kept this long for pages that show them. */
const IDLE_SESSION_MS = 10 * 60_000;

/** What the CRM service needs from the background. */
export interface CrmServiceDeps {
  db: CrmDb;
  clients: CrmClients;
  phone(): Promise<{ kit: PhoneKit; country: RegionCode }>;
  /** A call of the journal, for the Link menu on calls in history. */
  storedCall(callId: string): Promise<CallRecord | undefined>;
  /** A view changed: pop-ups and pages show it again. */
  changed(): void;
}

/**
 * The CRM side of calls: looks up who is calling when a call starts (cache first, so a returning
 * caller pops up at once), keeps the agent's choice per number, runs the Link menu's actions, and
 * at hang-up queues the call's logs in the outbox, holding them for the wrap-up.
 */
export class CrmService {
  private readonly sessions = new Map<string, Session>();
  private readonly cache: CrmCache;
  readonly outbox: CrmOutbox;
  private readonly jobs: CrmJobs;
  private readonly screenPop: ScreenPop;
  /** What synchronous paths use: the last built connections and the phone kit, once loaded. */
  private connected: { list: Connected[]; ttlMs: number; wrapUpMs: number } | undefined;
  private phone: { kit: PhoneKit; country: RegionCode } | undefined;
  private readonly choices = new Map<string, string>();

  private readonly lookupContext: LookupContext;

  constructor(private readonly deps: CrmServiceDeps) {
    this.cache = new CrmCache(deps.db);
    this.lookupContext = {
      clients: deps.clients,
      cache: this.cache,
      db: deps.db,
      choices: this.choices,
      warm: () => this.warm(),
      phoneReady: () => this.phone !== undefined,
      e164: (remote) => this.e164(remote),
      refresh: (callId) => this.refresh(callId),
      emit: () => this.emit(),
    };
    this.jobs = new CrmJobs({
      db: deps.db,
      clients: deps.clients,
      cache: this.cache,
      session: (id) => this.sessions.get(id),
      enqueue: (job) => this.outbox.enqueue(job),
    });
    this.outbox = new CrmOutbox(
      deps.db,
      (job) => this.jobs.run(job),
      (job) => void this.refresh(job.callId),
    );
    this.screenPop = new ScreenPop(deps.clients);
    browser.storage.onChanged.addListener((changes, area) => {
      if (area === 'local' && 'settings' in changes) {
        this.connected = undefined;
        void this.warm();
      }
    });
    browser.permissions?.onAdded?.addListener(() => void this.outbox.dueNow((j) => j.error?.code === 'permission'));
  }

  /** Start-up: settings, phone metadata and clients loaded ahead of the first call; the outbox resumes. */
  async start(): Promise<void> {
    await this.warm();
    await this.restoreWrapUp();
    await this.outbox.start();
    await this.cache.prune();
  }

  /** Loads what a ringing call needs, so its lookup can start (and hit the cache) synchronously. */
  async warm(): Promise<void> {
    try {
      const { settings, list } = await this.deps.clients.get();
      this.connected = { list, ttlMs: settings.cacheTtlSeconds * 1000, wrapUpMs: settings.wrapUpSeconds * 1000 };
      if (list.length > 0) this.phone ??= await this.deps.phone();
    } catch (e) {
      log.warn(`CRM not ready: ${String(e)}`);
    }
  }

  /** The engine's state changed: new calls are looked up, answered ones screen-popped, ended ones logged. */
  observe(state: EngineState): void {
    for (const call of state.calls) {
      let s = this.sessions.get(call.id);
      if (!s) {
        if (call.phase === 'ended') continue;
        s = this.begin(call, false);
        this.screenPop.open(s, 'ring');
      } else if (s.call.phase !== 'connected' && call.phase === 'connected') {
        s.call = call;
        this.screenPop.open(s, 'answer');
      }
      s.call = call;
      s.touched = Date.now();
      if (call.phase === 'ended' && !s.ended && !s.history) void this.end(s);
    }
    this.prune(state);
  }

  /** The view of a call, when the CRM has something to say about it. */
  view(callId: string): CrmView | undefined {
    const s = this.sessions.get(callId);
    return s && this.connected?.list.length ? viewOf(s, this.connected.list) : undefined;
  }

  /** Views of every session, for extension pages. */
  views(): CrmView[] {
    return [...this.sessions.keys()].map((id) => this.view(id)).filter((v): v is CrmView => v !== undefined);
  }

  /** The ended call whose pop-up stays for the wrap-up, if any. */
  wrapUpCall(): CallRecord | null {
    const now = Date.now();
    const open = [...this.sessions.values()].filter((s) => s.wrapUpUntil && s.wrapUpUntil > now && !s.history);
    return open.sort((a, b) => b.call.startedAt - a.call.startedAt)[0]?.call ?? null;
  }

  /** A call of the journal opened in the Link menu: looked up like a live call, nothing logged unless linked. */
  async open(callId: string): Promise<CrmView | undefined> {
    await this.warm();
    let s = this.sessions.get(callId);
    if (!s) {
      const call = await this.deps.storedCall(callId);
      if (!call) return undefined;
      s = this.begin(call, true);
      s.ended = true;
    }
    s.touched = Date.now();
    await s.looked;
    await this.refresh(callId);
    return this.view(callId);
  }

  /** The session of a call the agent acts on (live, in wrap-up or opened from history). */
  session(callId: string): Session | undefined {
    return this.sessions.get(callId);
  }

  /** The agent picked which of several records is calling: remembered for the number. */
  async choose(callId: string, key: string): Promise<void> {
    const s = this.sessions.get(callId);
    const record = s?.matches.find((m) => recordKey(m) === key);
    if (!s || !record) return;
    s.chosen = key;
    s.remembered = false;
    this.choices.set(s.number, key);
    await this.deps.db.choices.put({
      number: s.number,
      record: { connection: record.connection, kind: record.kind, id: record.id, title: record.title },
      at: Date.now(),
    });
    await this.jobs.replaceChosen(s, record);
    this.emit();
    await loadRelated(this.lookupContext, s);
  }

  /** Runs the agent's wrap-up (subject, summary, disposition): the call's logs go out now if it ended. */
  async saveWrapUp(callId: string, text: { subject: string; summary: string; disposition?: string }): Promise<void> {
    const s = this.sessions.get(callId);
    await this.deps.db.wrapUps.put({ callId, ...text, at: Date.now() });
    if (s) s.wrapUp = text;
    if (s?.ended) await this.outbox.dueNow((j) => j.callId === callId && j.op === 'log');
    await this.refresh(callId);
  }

  /** The agent closed the wrap-up pop-up: whatever is queued for the call goes out now. */
  async dismiss(callId: string): Promise<void> {
    const s = this.sessions.get(callId);
    if (s) s.wrapUpUntil = undefined;
    await browser.storage.session.remove(WRAP_UP_KEY).catch(() => undefined);
    await this.outbox.dueNow((j) => j.callId === callId && j.op === 'log');
    this.emit();
  }

  /** Search for Find and link, across every connection that can. */
  search(query: string) {
    return this.jobs.search(query);
  }

  /** Create… a record for the call (prefilled with its number); it is linked once created. */
  create(callId: string, connection: string, kind: CrmRecord['kind'], name: string) {
    return this.jobs.create(this.mustSession(callId), connection, kind, name);
  }

  /** Links a record to the call (Find and link, or the Link menu); `attach` also adds the number to it. */
  async link(callId: string, record: CrmRecord, attach: boolean): Promise<void> {
    const s = this.mustSession(callId);
    if (!s.matches.some((m) => recordKey(m) === recordKey(record))) s.matches = [...s.matches, record];
    if (attach) {
      s.chosen = recordKey(record);
      this.choices.set(s.number, s.chosen);
    }
    await this.jobs.link(s, record, attach);
    this.emit();
    if (attach) await loadRelated(this.lookupContext, s);
  }

  /** Retries a failed or waiting job now. */
  retry(key: string): Promise<void> {
    return this.outbox.dueNow((j) => j.key === key);
  }

  private mustSession(callId: string): Session {
    const s = this.sessions.get(callId);
    if (!s) throw new Error(`no CRM session for call ${callId}`);
    return s;
  }

  private begin(call: CallRecord, history: boolean): Session {
    const number = this.e164(call.remoteNumber);
    const s = newSession(call, number, history);
    this.sessions.set(call.id, s);
    if (!this.fromCache(s))
      s.looked = lookup(this.lookupContext, s).catch((e: unknown) => log.error(`lookup: ${String(e)}`));
    return s;
  }

  private e164(remote: string): string {
    if (!this.phone || remote.replace(/\D/g, '').length < 6) return '';
    return this.phone.kit.toE164(remote, this.phone.country) ?? '';
  }

  /** The synchronous path: everything is cached, so the first pop-up already shows the caller. */
  private fromCache(s: Session): boolean {
    const c = this.connected;
    const lookups = c?.list.filter((x) => x.can.has('lookup')) ?? [];
    if (!c || !s.number || lookups.length === 0) return false;
    const found: CrmRecord[] = [];
    for (const x of lookups) {
      const hit = this.cache.peek<CrmRecord[]>(`n|${s.number}|${x.connection.id}`, c.ttlMs);
      if (!hit) return false;
      found.push(...hit.map((r) => visibleFields(r, x)));
    }
    s.matches = found;
    s.status = 'done';
    s.chosen = found.length === 1 ? recordKey(found[0]!) : this.choices.get(s.number);
    s.remembered = found.length > 1 && s.chosen !== undefined;
    const chosen = chosenRecord(s);
    const related = chosen && this.cache.peek<RelatedGroup[]>(`r|${recordKey(chosen)}`, c.ttlMs);
    if (chosen && !related) void loadRelated(this.lookupContext, s);
    if (related) [s.related, s.relatedStatus] = [related, 'done'];
    void this.refresh(s.call.id);
    return true;
  }

  /** Hang-up: the call's logs are queued (held for the wrap-up), and the pop-up stays for it. */
  private async end(s: Session): Promise<void> {
    s.ended = true;
    s.abort.abort();
    await s.looked;
    const { settings, list } = await this.deps.clients.get();
    const wrapUpMs = settings.wrapUpSeconds * 1000;
    const holds = wrapUpMs > 0 && list.some((c) => c.can.has('log') || c.can.has('create'));
    if (holds) {
      s.wrapUpUntil = Date.now() + wrapUpMs;
      await browser.storage.session
        .set({ [WRAP_UP_KEY]: { call: s.call, number: s.number, until: s.wrapUpUntil } })
        .catch(() => undefined);
      setTimeout(() => void this.expire(s.call.id), wrapUpMs + 50);
    }
    await this.jobs.queueLogs(s, list, holds ? s.wrapUpUntil! : Date.now());
    await this.refresh(s.call.id);
  }

  private async expire(callId: string): Promise<void> {
    const s = this.sessions.get(callId);
    if (!s?.wrapUpUntil || s.wrapUpUntil > Date.now()) return;
    await this.dismiss(callId);
  }

  /** After a service-worker restart, a wrap-up pop-up that was open stays open. */
  private async restoreWrapUp(): Promise<void> {
    const stored = (await browser.storage.session.get(WRAP_UP_KEY).catch(() => ({}))) as Record<
      string,
      { call?: CallRecord; until?: number } | undefined
    >;
    const w = stored[WRAP_UP_KEY];
    if (!w?.call || !w.until) return;
    if (w.until <= Date.now()) {
      await this.dismiss(w.call.id);
      return;
    }
    const s = this.begin(w.call, false);
    s.ended = true;
    s.wrapUpUntil = w.until;
    setTimeout(() => void this.expire(w.call!.id), w.until - Date.now() + 50);
  }

  /** Re-reads a call's links, jobs and wrap-up from the store, then shows the new view. */
  private async refresh(callId: string): Promise<void> {
    const s = this.sessions.get(callId);
    if (!s) return;
    await this.jobs.readInto(s);
    this.emit();
  }

  private emit(): void {
    this.deps.changed();
  }

  private prune(state: EngineState): void {
    const live = new Set(state.calls.map((c) => c.id));
    const now = Date.now();
    for (const [id, s] of this.sessions) {
      if (live.has(id) || (s.wrapUpUntil && s.wrapUpUntil > now)) continue;
      if (now - s.touched > IDLE_SESSION_MS) this.sessions.delete(id);
    }
  }
}
