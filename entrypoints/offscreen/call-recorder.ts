import type { CallDb } from '../../lib/store/call-db';
import type { ScopedLog } from '../../lib/log/debug-log';

/** Opus in WebM: what Chromium's MediaRecorder makes for audio; Firefox prefers Ogg. */
const TYPES = ['audio/webm;codecs=opus', 'audio/ogg;codecs=opus', 'audio/webm'];

interface Running {
  recorder: MediaRecorder;
  ctx: AudioContext;
  chunks: Blob[];
  startedAt: number;
  done: Promise<void>;
}

/**
 * Records calls of accounts that opted in: the agent's microphone and the caller's audio mixed
 * into one track (Web Audio), encoded by MediaRecorder, and stored in the journal linked to the
 * call when it ends. A call that crashes the document loses its recording, never its record.
 */
export class CallRecorder {
  private readonly running = new Map<string, Running>();

  constructor(
    private readonly db: CallDb,
    private readonly log: ScopedLog,
  ) {}

  /** Starts recording `callId` from the call's peer connection and remote stream. */
  start(callId: string, pc: RTCPeerConnection, remote: MediaStream): void {
    if (this.running.has(callId)) return;
    try {
      const ctx = new AudioContext();
      const mix = ctx.createMediaStreamDestination();
      const local = pc
        .getSenders()
        .map((s) => s.track)
        .filter((t): t is MediaStreamTrack => t?.kind === 'audio');
      if (local.length > 0) ctx.createMediaStreamSource(new MediaStream(local)).connect(mix);
      if (remote.getAudioTracks().length > 0) ctx.createMediaStreamSource(remote).connect(mix);
      void ctx.resume().catch(() => undefined);
      const mimeType = TYPES.find((t) => MediaRecorder.isTypeSupported(t));
      const recorder = new MediaRecorder(mix.stream, mimeType ? { mimeType } : {});
      const chunks: Blob[] = [];
      recorder.ondataavailable = (e) => {
        if (e.data.size > 0) chunks.push(e.data);
      };
      const startedAt = Date.now();
      const done = new Promise<void>((resolve) => {
        recorder.onstop = () => resolve(this.save(callId, recorder.mimeType, chunks, startedAt));
      });
      // Chunks every few seconds keep memory flat on long calls.
      recorder.start(5000);
      this.running.set(callId, { recorder, ctx, chunks, startedAt, done });
    } catch (e) {
      this.log.error(`recording of ${callId} did not start: ${String(e)}`);
    }
  }

  /** Stops recording `callId` (if it was) and resolves once the recording is stored. */
  async stop(callId: string): Promise<void> {
    const run = this.running.get(callId);
    if (!run) return;
    this.running.delete(callId);
    if (run.recorder.state !== 'inactive') run.recorder.stop();
    await run.done;
    await run.ctx.close().catch(() => undefined);
  }

  private async save(callId: string, mimeType: string, chunks: Blob[], startedAt: number): Promise<void> {
    const blob = new Blob(chunks, { type: mimeType || 'audio/webm' });
    if (blob.size === 0) return;
    try {
      await this.db.recordings.put({
        id: crypto.randomUUID(),
        callId,
        createdAt: startedAt,
        mimeType: blob.type,
        size: blob.size,
        durationMs: Date.now() - startedAt,
        blob,
      });
    } catch (e) {
      this.log.error(`recording of ${callId} not stored: ${String(e)}`);
    }
  }
}
