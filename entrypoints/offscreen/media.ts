import type { CallStats } from '../../lib/engine/state';

/** Plays a call's remote audio. Remote stats stay at zero unless the track is actually played. */
export class RemoteAudio {
  private readonly el = new Audio();

  constructor(stream: MediaStream) {
    this.el.autoplay = true;
    this.el.srcObject = stream;
    void this.el.play().catch(() => undefined);
  }

  stop(): void {
    this.el.pause();
    this.el.srcObject = null;
  }
}

/**
 * A generated ringtone (no audio asset to ship): 425 Hz + 480 Hz bursts, 1 s on, 2 s off, as
 * agents expect from a desk phone. Plays in the offscreen document, audible in every tab.
 */
export class Ringtone {
  private ctx: AudioContext | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;

  start(): void {
    if (this.ctx) return;
    const ctx = new AudioContext();
    this.ctx = ctx;
    const gain = ctx.createGain();
    gain.gain.value = 0;
    gain.connect(ctx.destination);
    for (const f of [425, 480]) {
      const osc = ctx.createOscillator();
      osc.frequency.value = f;
      osc.connect(gain);
      osc.start();
    }
    const burst = () => {
      const t = ctx.currentTime;
      gain.gain.setValueAtTime(0.15, t);
      gain.gain.setValueAtTime(0, t + 1);
    };
    burst();
    this.timer = setInterval(burst, 3000);
  }

  /** True while the tone is started and its audio actually runs (autoplay did not block it). */
  sounding(): boolean {
    return this.ctx?.state === 'running';
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    void this.ctx?.close();
    this.ctx = undefined;
  }
}

/** Sums the audio RTP counters of a peer connection. */
export async function audioStats(pc: RTCPeerConnection): Promise<Omit<CallStats, 'ringtone'>> {
  const out = { bytesReceived: 0, bytesSent: 0, packetsReceived: 0, packetsSent: 0, audioLevel: 0 };
  const report = await pc.getStats();
  report.forEach((s: Record<string, unknown>) => {
    if (s.kind !== 'audio') return;
    if (s.type === 'inbound-rtp') {
      out.bytesReceived += num(s.bytesReceived);
      out.packetsReceived += num(s.packetsReceived);
      out.audioLevel = Math.max(out.audioLevel, num(s.audioLevel));
    } else if (s.type === 'outbound-rtp') {
      out.bytesSent += num(s.bytesSent);
      out.packetsSent += num(s.packetsSent);
    }
  });
  return out;
}

function num(v: unknown): number {
  return typeof v === 'number' && Number.isFinite(v) ? v : 0;
}
