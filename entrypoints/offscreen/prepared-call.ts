import type { Session, SessionDescriptionHandlerFactory } from 'sip.js';
import {
  defaultMediaStreamFactory,
  defaultPeerConnectionConfiguration,
  SessionDescriptionHandler,
  type SessionDescriptionHandlerConfiguration,
  type SessionDescriptionHandlerFactoryOptions,
  type MediaStreamFactory,
} from 'sip.js/lib/platform/web';
import { Inviter } from 'sip.js';

/** How long a prepared call waits for the agent to dial before its microphone is released. */
const PREPARED_TTL_MS = 20_000;

interface Prepared {
  pc: RTCPeerConnection;
  stream: MediaStream;
  timer: ReturnType<typeof setTimeout>;
}

/**
 * Gets an outgoing call ready while the agent is still typing: opens the microphone and lets a
 * peer connection gather its ICE candidates (≈120 ms even on loopback), so that the click sends
 * the INVITE at once instead of waiting for gathering. Unused preparations are released after
 * {@link PREPARED_TTL_MS}, closing the microphone again.
 */
export class PreparedCall {
  private prepared: Prepared | undefined;
  private preparing: Promise<void> | undefined;
  /** Bumped by take() and release(): a preparation that finishes after either is discarded. */
  private generation = 0;

  /** @param options - the media options the account's calls use (the UserAgent gets the same). */
  constructor(private readonly options: () => SessionDescriptionHandlerFactoryOptions) {}

  /** Prepares (or keeps prepared a while longer). Failures are silent: dialing still works. */
  prepare(): Promise<void> {
    if (this.prepared) {
      clearTimeout(this.prepared.timer);
      this.prepared.timer = setTimeout(() => this.release(), PREPARED_TTL_MS);
      return Promise.resolve();
    }
    this.preparing ??= this.open()
      .catch(() => undefined)
      .finally(() => (this.preparing = undefined));
    return this.preparing;
  }

  private async open(): Promise<void> {
    const generation = this.generation;
    const stream = await navigator.mediaDevices.getUserMedia({ audio: true, video: false });
    const pc = new RTCPeerConnection(handlerConfiguration(this.options()).peerConnectionConfiguration);
    for (const track of stream.getTracks()) pc.addTrack(track, stream);
    await pc.setLocalDescription(await pc.createOffer());
    if (generation !== this.generation) {
      // A call started or the account changed meanwhile: do not keep the microphone open.
      close({ pc, stream });
      return;
    }
    this.prepared = { pc, stream, timer: setTimeout(() => this.release(), PREPARED_TTL_MS) };
  }

  /** Hands the prepared connection to a new outgoing call (once), or nothing. */
  take(): { pc: RTCPeerConnection; stream: MediaStream } | undefined {
    this.generation++;
    const p = this.prepared;
    if (!p) return undefined;
    clearTimeout(p.timer);
    this.prepared = undefined;
    return { pc: p.pc, stream: p.stream };
  }

  /** Closes the microphone and the connection of an unused preparation. */
  release(): void {
    const p = this.take();
    if (p) close(p);
  }

  /**
   * A SIP.js SessionDescriptionHandler factory: outgoing calls adopt the prepared connection and
   * microphone when there is one; everything else is SIP.js's default behaviour.
   */
  sdhFactory(): SessionDescriptionHandlerFactory {
    const fallback = defaultMediaStreamFactory();
    return (session: Session, options?: SessionDescriptionHandlerFactoryOptions) => {
      const configuration = handlerConfiguration(options);
      const logger = session.userAgent.getLogger('sip.SessionDescriptionHandler');
      const ready = session instanceof Inviter ? this.take() : undefined;
      if (!ready) return new SessionDescriptionHandler(logger, fallback, configuration);
      let streamUsed = false;
      const streams: MediaStreamFactory = (constraints, handler) => {
        if (streamUsed) return fallback(constraints, handler);
        streamUsed = true;
        return Promise.resolve(ready.stream);
      };
      return new AdoptingSdh(logger, streams, configuration, ready.pc);
    };
  }
}

/**
 * The handler configuration for factory options, as SIP.js's default factory builds it: used for
 * both the prepared connection and the call's handler, so the two can never differ.
 */
function handlerConfiguration(
  options?: SessionDescriptionHandlerFactoryOptions,
): SessionDescriptionHandlerConfiguration {
  return {
    iceGatheringTimeout: options?.iceGatheringTimeout ?? 5000,
    peerConnectionConfiguration: { ...defaultPeerConnectionConfiguration(), ...options?.peerConnectionConfiguration },
  };
}

function close(p: { pc: RTCPeerConnection; stream: MediaStream }): void {
  p.pc.close();
  for (const track of p.stream.getTracks()) track.stop();
}

/** A SessionDescriptionHandler that uses a peer connection created (and gathered) beforehand. */
class AdoptingSdh extends SessionDescriptionHandler {
  constructor(
    logger: ConstructorParameters<typeof SessionDescriptionHandler>[0],
    streams: ConstructorParameters<typeof SessionDescriptionHandler>[1],
    configuration: SessionDescriptionHandlerConfiguration,
    pc: RTCPeerConnection,
  ) {
    super(logger, streams, configuration);
    this._peerConnection?.close();
    this._peerConnection = pc;
    // SIP.js wires its handlers in the constructor; re-run that for the adopted connection.
    (this as unknown as { initPeerConnectionEventHandlers(): void }).initPeerConnectionEventHandlers();
  }

  /**
   * The adopted connection holds the preparation's offer (have-local-offer). WebRTC allows a new
   * offer there, and without an ICE restart it keeps the candidates already gathered; SIP.js's
   * generic code only expects "stable", so this one case is allowed here.
   */
  protected override createLocalOfferOrAnswer(
    options?: Parameters<SessionDescriptionHandler['getDescription']>[0],
  ): Promise<RTCSessionDescriptionInit> {
    const pc = this._peerConnection;
    if (pc?.signalingState !== 'have-local-offer') return super.createLocalOfferOrAnswer(options);
    // The prepared offer is exactly what this call would offer (same track, sendrecv): reuse it
    // and skip a createOffer/setLocalDescription round, unless the call asks for other options.
    const current = pc.localDescription;
    if (current && !options?.offerOptions) return Promise.resolve({ type: current.type, sdp: current.sdp });
    return pc.createOffer(options?.offerOptions);
  }

  /** Setting the very offer that is already the local description again would only cost time. */
  protected override setLocalSessionDescription(description: RTCSessionDescriptionInit): Promise<void> {
    const current = this._peerConnection?.localDescription;
    if (current && current.type === description.type && current.sdp === description.sdp) return Promise.resolve();
    return super.setLocalSessionDescription(description);
  }

  /** The prepared first offer is already sendrecv, which is what a call (not a hold) offers. */
  protected override updateDirection(
    options?: Parameters<SessionDescriptionHandler['getDescription']>[0],
  ): Promise<void> {
    if (this._peerConnection?.signalingState === 'have-local-offer' && !options?.hold) return Promise.resolve();
    return super.updateDirection(options);
  }
}
