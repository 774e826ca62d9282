import { Registerer, RegistererState, UserAgent } from 'sip.js';
import {
  classifyFailure,
  nextRegistration,
  UNCONFIGURED,
  type RegistrationEvent,
  type RegistrationState,
} from '../../lib/engine/registration';
import type { EngineApi } from '../../lib/engine/api';
import type { CallStats, EngineState, TestResult } from '../../lib/engine/state';
import type { DialReply } from '../../lib/protocol/offscreen';
import type { SipAccount } from '../../lib/settings/schema';
import type { CallDb } from '../../lib/store/call-db';
import type { ScopedLog } from '../../lib/log/debug-log';
import { CallManager } from './call-manager';
import { CallWriter } from './call-writer';
import { CallRecorder } from './call-recorder';
import { PreparedCall } from './prepared-call';
import { mediaOptions, testConnection, userAgentOptions } from './user-agent-options';

/** What the engine needs from its host page. */
export interface SipEngineDeps {
  db: CallDb;
  log: ScopedLog;
  /** Called with every new state snapshot. */
  onState(state: EngineState): void;
}

/**
 * The telephony engine: one SIP.js UserAgent + Registerer for the configured account, its calls,
 * and the retry policy. Transport loss and registration failures are retried with backoff from
 * {@link nextRegistration}; a new account tears everything down and starts again.
 */
export class SipEngine implements EngineApi {
  private ua: UserAgent | undefined;
  private registerer: Registerer | undefined;
  private account: SipAccount | null = null;
  private accountKey = '';
  private registration: RegistrationState = UNCONFIGURED;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  /** Bumped on every (re)start; callbacks of an older UserAgent check it and fall silent. */
  private generation = 0;
  private readonly writer: CallWriter;
  private readonly calls: CallManager;
  private readonly prepared = new PreparedCall(() => mediaOptions(this.account));

  constructor(private readonly deps: SipEngineDeps) {
    this.writer = new CallWriter(deps.db, deps.log);
    this.calls = new CallManager({
      userAgent: () => this.ua,
      registered: () => this.registration.status === 'registered',
      aor: () => this.account?.sipUri ?? '',
      writer: this.writer,
      log: deps.log,
      changed: () => this.emit(),
      recording: () => this.account?.recording,
      recorder: new CallRecorder(deps.db, deps.log),
    });
    globalThis.addEventListener?.('online', () => this.retryNow());
  }

  async configure(account: SipAccount | null): Promise<void> {
    // Recording settings apply to the next call: changing them must not re-register.
    const key = account ? JSON.stringify({ ...account, recording: undefined }) : '';
    // A restarted service worker sends the same account again: keep registration and calls.
    if (key === this.accountKey) {
      this.account = account;
      return;
    }
    this.accountKey = key;
    await this.teardown('account-changed');
    this.account = account;
    this.move({ type: 'configure', aor: account?.sipUri ?? null });
    if (account) this.start(account);
  }

  prepareCall(): Promise<void> {
    if (this.registration.status !== 'registered' || this.calls.busy()) return Promise.resolve();
    return this.prepared.prepare();
  }
  dial(number: string): Promise<DialReply> {
    return this.calls.dial(number);
  }
  answer(callId: string): Promise<void> {
    return this.calls.answer(callId);
  }
  reject(callId: string): Promise<void> {
    return this.calls.reject(callId);
  }
  hangup(callId: string): Promise<void> {
    return this.calls.hangup(callId);
  }
  getStats(callId: string): Promise<CallStats | null> {
    return this.calls.stats(callId);
  }
  getState(): Promise<EngineState> {
    return Promise.resolve(this.state());
  }
  testConnection(account: SipAccount): Promise<TestResult> {
    return testConnection(account, this.deps.log);
  }

  private state(): EngineState {
    return { registration: this.registration, calls: this.calls.snapshot() };
  }

  private emit(): void {
    this.deps.onState(this.state());
  }

  private move(ev: RegistrationEvent): void {
    const next = nextRegistration(this.registration, ev);
    if (next === this.registration) return;
    this.registration = next;
    this.emit();
  }

  private start(account: SipAccount): void {
    const gen = ++this.generation;
    const options = userAgentOptions(account, this.deps.log, this.prepared.sdhFactory());
    if (!options) {
      this.fail(gen, { error: 'bad-config' });
      return;
    }
    const ua = new UserAgent({
      ...options,
      delegate: {
        onInvite: (inv) => (gen === this.generation ? this.calls.incoming(inv) : void inv.reject()),
        onDisconnect: (error) => {
          if (gen !== this.generation || !error) return;
          this.deps.log.warn(`transport lost: ${error.message}`);
          this.fail(gen, { transport: true });
        },
      },
    });
    const registerer = new Registerer(ua, { expires: 300 });
    registerer.stateChange.addListener((state) => {
      if (gen !== this.generation) return;
      if (state === RegistererState.Registered) this.move({ type: 'registered' });
      // A refresh that fails leaves the registerer Unregistered while we still want it.
      else if (state === RegistererState.Unregistered && this.registration.status === 'registered') {
        this.fail(gen, { sipCode: 408 });
      }
    });
    this.ua = ua;
    this.registerer = registerer;
    void this.connectAndRegister(gen, true);
  }

  private async connectAndRegister(gen: number, first: boolean): Promise<void> {
    const ua = this.ua;
    const registerer = this.registerer;
    if (!ua || !registerer || gen !== this.generation) return;
    this.move({ type: 'connecting' });
    try {
      if (first) await ua.start();
      else if (!ua.isConnected()) await ua.reconnect();
    } catch (e) {
      this.deps.log.warn(`connect failed: ${String(e)}`);
      this.fail(gen, { transport: true });
      return;
    }
    if (gen !== this.generation) return;
    await registerer
      .register({
        requestDelegate: {
          // After a transport drop the Registerer still believes it is Registered, so its state
          // does not change on re-registration: the 200 OK itself is the signal.
          onAccept: () => gen === this.generation && this.move({ type: 'registered' }),
          onReject: (res) => this.fail(gen, { sipCode: res.message.statusCode }),
        },
      })
      .catch((e: unknown) => {
        this.deps.log.warn(`REGISTER failed: ${String(e)}`);
        this.fail(gen, { transport: true });
      });
  }

  private fail(gen: number, f: { transport?: boolean; sipCode?: number; error?: 'bad-config' }): void {
    if (gen !== this.generation) return;
    const error = f.error ?? classifyFailure(f);
    this.move({
      type: 'failed',
      error,
      ...(f.sipCode !== undefined ? { sipCode: f.sipCode } : {}),
      now: Date.now(),
      random: Math.random(),
    });
    clearTimeout(this.retryTimer);
    const retryAt = this.registration.retryAt;
    if (retryAt === undefined || !Number.isFinite(retryAt)) return;
    this.retryTimer = setTimeout(() => void this.connectAndRegister(gen, false), Math.max(0, retryAt - Date.now()));
  }

  /** The network came back: do not wait for the backoff. */
  private retryNow(): void {
    const { error } = this.registration;
    if (error !== 'unreachable' && error !== 'timeout') return;
    clearTimeout(this.retryTimer);
    void this.connectAndRegister(this.generation, false);
  }

  private async teardown(reason: string): Promise<void> {
    this.generation++;
    clearTimeout(this.retryTimer);
    this.prepared.release();
    this.calls.dropAll(reason);
    const { ua, registerer } = this;
    this.ua = undefined;
    this.registerer = undefined;
    if (registerer?.state === RegistererState.Registered) {
      await registerer.unregister().catch(() => undefined);
    }
    await ua?.stop().catch(() => undefined);
    await this.writer.flush();
  }
}
