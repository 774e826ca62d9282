import { Invitation, Inviter, SessionState, UserAgent, type Session, type SessionDescriptionHandler } from 'sip.js';
import type { SessionDescriptionHandler as WebSdh } from 'sip.js/lib/platform/web';
import { connect, endCall, remoteRinging, startCall, type EndCause } from '../../lib/call/machine';
import { cleanDisplayName, cleanNumber } from '../../lib/call/caller-id';
import { routingVariables } from '../../lib/call/routing-variables';
import type { CallRecord } from '../../lib/call/types';
import { toDialable } from '../../lib/phone/dialable';
import type { DialReply } from '../../lib/protocol/offscreen';
import type { CallStats } from '../../lib/engine/state';
import { splitSipUri } from '../../lib/settings/schema';
import type { ScopedLog } from '../../lib/log/debug-log';
import type { CallWriter } from './call-writer';
import { audioStats, RemoteAudio, Ringtone } from './media';
import type { Recording } from '../../lib/settings/schema';
import { pbxRecordingUrl } from '../../lib/journal/recording-url';
import type { CallRecorder } from './call-recorder';

/** How long an ended call stays in the state, so the UI can show how it ended. */
const ENDED_LINGER_MS = 4000;
/** Simultaneous calls per account until call waiting arrives: a second caller gets 486. */
const MAX_CALLS = 1;
const AUDIO_ONLY = { constraints: { audio: true, video: false } };

interface LiveCall {
  record: CallRecord;
  session: Session;
  audio?: RemoteAudio;
  /** What the agent did last, so a Terminated state can be explained. */
  local?: { action: 'reject' | 'hangup'; sipCode?: number };
  remoteCancel?: { elsewhere: boolean };
  finalCode?: number;
  failure?: string;
}

/** What the call manager needs from its engine. */
export interface CallManagerDeps {
  userAgent(): UserAgent | undefined;
  registered(): boolean;
  aor(): string;
  writer: CallWriter;
  log: ScopedLog;
  changed(): void;
  /** The account's recording settings and the recorder (issue 6: the journal's recordings). */
  recording?(): Recording | undefined;
  recorder?: CallRecorder;
}

/** Keeps the SIP sessions, their records and their audio. */
export class CallManager {
  private readonly calls = new Map<string, LiveCall>();
  private readonly ringtone = new Ringtone();

  constructor(private readonly deps: CallManagerDeps) {}

  /** Live and just-ended calls, oldest first. */
  snapshot(): CallRecord[] {
    return [...this.calls.values()].map((c) => c.record);
  }

  /** True while a call is not yet ended. */
  busy(): boolean {
    return this.activeCount() > 0;
  }

  private activeCount(): number {
    return [...this.calls.values()].filter((c) => c.record.phase !== 'ended').length;
  }

  /** An INVITE arrived. */
  incoming(inv: Invitation): void {
    const from = inv.request.from;
    const variables = routingVariables(inv.request.headers);
    const call: LiveCall = {
      session: inv,
      record: withVariables(
        variables,
        startCall({
          id: crypto.randomUUID(),
          direction: 'inbound',
          account: this.deps.aor(),
          localNumber: splitSipUri(this.deps.aor())?.user ?? '',
          remoteNumber: cleanNumber(from.uri.user),
          remoteName: cleanDisplayName(from.displayName),
          sipCallId: inv.request.callId.slice(0, 256),
          now: Date.now(),
        }),
      ),
    };
    this.track(call);
    this.linkPbxRecording(call, (h) => inv.request.getHeader(h));
    inv.delegate = {
      onCancel: (cancel) => {
        const reason = cancel.request.getHeader('Reason') ?? '';
        call.remoteCancel = { elsewhere: /cause=200\b|completed elsewhere/i.test(reason) };
      },
    };
    if (this.activeCount() > MAX_CALLS) {
      call.failure = 'busy-here';
      void inv.reject({ statusCode: 486 }).catch(() => undefined);
      return;
    }
    void inv.progress().catch((e: unknown) => this.deps.log.warn(`180 failed: ${String(e)}`));
    this.updateRingtone();
  }

  /** Places a call to a number through the registered account. */
  dial(input: string): Promise<DialReply> {
    return Promise.resolve(this.place(input));
  }

  private place(input: string): DialReply {
    const number = toDialable(input);
    if (!number) return { ok: false, error: 'errNumber' };
    const ua = this.deps.userAgent();
    if (!ua || !this.deps.registered()) return { ok: false, error: 'errNotRegistered' };
    if (this.activeCount() >= MAX_CALLS) return { ok: false, error: 'errLineBusy' };
    const host = splitSipUri(this.deps.aor())?.host;
    const target = host ? UserAgent.makeURI(`sip:${encodeURIComponent(number)}@${host}`) : undefined;
    if (!target) return { ok: false, error: 'errNumber' };
    const inviter = new Inviter(ua, target, { sessionDescriptionHandlerOptions: AUDIO_ONLY });
    const call: LiveCall = {
      session: inviter,
      record: startCall({
        id: crypto.randomUUID(),
        direction: 'outbound',
        account: this.deps.aor(),
        localNumber: splitSipUri(this.deps.aor())?.user ?? '',
        remoteNumber: number,
        remoteName: '',
        sipCallId: inviter.request.callId,
        now: Date.now(),
      }),
    };
    this.track(call);
    inviter
      .invite({
        requestDelegate: {
          onProgress: (res) => {
            const code = res.message.statusCode ?? 0;
            if (code === 180 || code === 183) this.update(call, remoteRinging(call.record));
          },
          onReject: (res) => {
            call.finalCode = res.message.statusCode;
          },
          onAccept: (res) => {
            this.linkPbxRecording(call, (h) => res.message.getHeader(h));
          },
        },
      })
      .catch((e: unknown) => {
        // SIP.js moves the session to Terminated before rejecting, so the call may already be
        // ended as "failed-remote": correct the reason, the INVITE never left.
        const reason = micProblem(e) ? 'no-microphone' : 'setup-failed';
        this.deps.log.error(`INVITE not sent: ${String(e)}`);
        call.failure = reason;
        if (call.record.phase === 'ended') this.update(call, { ...call.record, endReason: reason });
        else this.finish(call, { by: 'system', reason });
      });
    return { ok: true, callId: call.record.id };
  }

  async answer(id: string): Promise<void> {
    const call = this.calls.get(id);
    if (!call || !(call.session instanceof Invitation) || call.session.state !== SessionState.Initial) return;
    this.ringtone.stop();
    try {
      await call.session.accept({ sessionDescriptionHandlerOptions: AUDIO_ONLY });
    } catch (e) {
      this.deps.log.error(`answer failed: ${String(e)}`);
      const reason = micProblem(e) ? 'no-microphone' : 'setup-failed';
      call.failure = reason;
      await call.session.reject({ statusCode: 480 }).catch(() => undefined);
      this.finish(call, { by: 'system', reason });
    }
  }

  async reject(id: string): Promise<void> {
    const call = this.calls.get(id);
    if (!call || !(call.session instanceof Invitation) || call.session.state !== SessionState.Initial) return;
    call.local = { action: 'reject', sipCode: 486 };
    await call.session.reject({ statusCode: 486 });
  }

  async hangup(id: string): Promise<void> {
    const call = this.calls.get(id);
    if (!call) return;
    const s = call.session;
    call.local = { action: 'hangup' };
    if (s.state === SessionState.Established) await s.bye();
    else if (s instanceof Inviter && s.state !== SessionState.Terminated) await s.cancel();
    else if (s instanceof Invitation && s.state === SessionState.Initial) {
      call.local = { action: 'reject', sipCode: 486 };
      await s.reject({ statusCode: 486 });
    }
  }

  async stats(id: string): Promise<CallStats | null> {
    const call = this.calls.get(id);
    if (!call) return null;
    const pc = (call.session.sessionDescriptionHandler as WebSdh | undefined)?.peerConnection;
    const media = pc
      ? await audioStats(pc)
      : { bytesReceived: 0, bytesSent: 0, packetsReceived: 0, packetsSent: 0, audioLevel: 0 };
    const ringing = call.record.direction === 'inbound' && call.record.phase === 'ringing';
    return { ...media, ringtone: ringing && this.ringtone.sounding() };
  }

  /** Ends every live call as dropped (engine torn down or account changed). */
  dropAll(reason: string): void {
    for (const call of this.calls.values()) {
      if (call.record.phase === 'ended') continue;
      this.finish(call, { by: 'system', reason });
      void call.session.dispose().catch(() => undefined);
    }
  }

  private track(call: LiveCall): void {
    this.calls.set(call.record.id, call);
    this.deps.writer.save(call.record);
    call.session.stateChange.addListener((state) => {
      if (state === SessionState.Established) {
        this.update(call, connect(call.record, Date.now()));
        this.attachAudio(call, call.session.sessionDescriptionHandler);
        this.startRecording(call);
        this.updateRingtone();
      } else if (state === SessionState.Terminated) {
        this.finish(call, this.causeOf(call));
      }
    });
    this.deps.changed();
  }

  private causeOf(call: LiveCall): EndCause {
    // Turned away because the agent was on another call: for the agent, a missed call to return.
    if (call.failure === 'busy-here') return { by: 'remote', reason: 'busy-here' };
    if (call.failure) return { by: 'system', reason: call.failure };
    if (call.local) return { by: 'local', ...(call.local.sipCode ? { sipCode: call.local.sipCode } : {}) };
    if (call.remoteCancel) return { by: 'remote', elsewhere: call.remoteCancel.elsewhere };
    if (call.finalCode && call.finalCode >= 300) return { by: 'remote', sipCode: call.finalCode };
    return { by: 'remote' };
  }

  /** Records the call when its account opted in (the agent confirmed callers are told). */
  private startRecording(call: LiveCall): void {
    const sdh = call.session.sessionDescriptionHandler as WebSdh | undefined;
    if (!this.deps.recording?.()?.local || !sdh?.peerConnection || !sdh.remoteMediaStream) return;
    this.deps.recorder?.start(call.record.id, sdh.peerConnection, sdh.remoteMediaStream);
  }

  /** Links the PBX's own recording: from the account's header, else its URL template. */
  private linkPbxRecording(call: LiveCall, header: (name: string) => string | undefined): void {
    const recording = this.deps.recording?.();
    const url = pbxRecordingUrl(recording, call.record, recording?.urlHeader ? header(recording.urlHeader) : undefined);
    if (url && url !== call.record.recordingUrl) this.update(call, { ...call.record, recordingUrl: url });
  }

  private attachAudio(call: LiveCall, sdh: SessionDescriptionHandler | undefined): void {
    const stream = (sdh as WebSdh | undefined)?.remoteMediaStream;
    if (stream && !call.audio) call.audio = new RemoteAudio(stream);
  }

  private finish(call: LiveCall, cause: EndCause): void {
    if (call.record.phase === 'ended') return;
    call.audio?.stop();
    void this.deps.recorder?.stop(call.record.id);
    this.update(call, endCall(call.record, cause, Date.now()));
    this.updateRingtone();
    setTimeout(() => {
      this.calls.delete(call.record.id);
      this.deps.changed();
    }, ENDED_LINGER_MS);
  }

  private update(call: LiveCall, next: CallRecord): void {
    if (next === call.record) return;
    call.record = next;
    this.deps.writer.save(next);
    this.deps.changed();
  }

  private updateRingtone(): void {
    const ringing = [...this.calls.values()].some(
      (c) => c.record.direction === 'inbound' && c.record.phase === 'ringing',
    );
    if (ringing) this.ringtone.start();
    else this.ringtone.stop();
  }
}

/** The record with its routing variables, when the INVITE carried any. */
function withVariables(variables: CallRecord['variables'], record: CallRecord): CallRecord {
  return variables?.length ? { ...record, variables } : record;
}

/** True when media setup failed because the microphone is missing or not allowed. */
function micProblem(e: unknown): boolean {
  const name = (e as { name?: unknown } | null)?.name;
  return name === 'NotAllowedError' || name === 'NotFoundError' || name === 'NotReadableError';
}
