/**
 * Minimal SIP.js agent used by the lab self-check (bundled by esbuild and
 * served on 127.0.0.1). The test drives it through `window.lab`.
 */
import type { Session } from 'sip.js';
import { Invitation, Inviter, Registerer, RegistererState, SessionState, UserAgent } from 'sip.js';

type IncomingMode = 'answer' | 'reject' | 'ring';

interface LabState {
  incomingMode: IncomingMode; // what to do with the next INVITE
  registered: boolean;
  registerStatus: number | null; // final status of the last REGISTER
  callState: string; // SessionState of the current call, '' if none
  incomingDisplayName: string | null;
  incomingUser: string | null;
  ended: number;
  log: string[];
}

const state: LabState = {
  incomingMode: 'answer',
  registered: false,
  registerStatus: null,
  callState: '',
  incomingDisplayName: null,
  incomingUser: null,
  ended: 0,
  log: [],
};
let ua: UserAgent | undefined;
let registerer: Registerer | undefined;
let session: Session | undefined;
const audio = document.createElement('audio');
audio.autoplay = true;
document.body.append(audio);

const media = { constraints: { audio: true, video: false } };

function log(msg: string) {
  state.log.push(`${new Date().toISOString()} ${msg}`);
}

function track(s: Session) {
  session = s;
  state.callState = s.state;
  s.stateChange.addListener((st) => {
    state.callState = st;
    log(`session ${st}`);
    if (st === SessionState.Established) playRemote(s);
    if (st === SessionState.Terminated) state.ended++;
  });
}

// Remote audio must be attached to a playing element, else Chromium reports
// no inbound audio in getStats.
function playRemote(s: Session) {
  const pc = peerConnection(s);
  if (!pc) return;
  const stream = new MediaStream();
  for (const r of pc.getReceivers()) if (r.track) stream.addTrack(r.track);
  audio.srcObject = stream;
  audio.play().catch((e) => log(`play failed: ${e}`));
}

function peerConnection(s: Session | undefined): RTCPeerConnection | undefined {
  const sdh = s?.sessionDescriptionHandler as { peerConnection?: RTCPeerConnection } | undefined;
  return sdh?.peerConnection;
}

async function register(opts: { user: string; password: string; wsServer: string; domain: string }) {
  state.registerStatus = null;
  ua = new UserAgent({
    uri: UserAgent.makeURI(`sip:${opts.user}@${opts.domain}`),
    authorizationUsername: opts.user,
    authorizationPassword: opts.password,
    transportOptions: { server: opts.wsServer },
    // No STUN: the lab has only loopback.
    sessionDescriptionHandlerFactoryOptions: {
      peerConnectionConfiguration: { iceServers: [] },
      iceGatheringTimeout: 500,
    },
    logLevel: 'warn',
    delegate: {
      onInvite(invitation: Invitation) {
        state.incomingDisplayName = invitation.remoteIdentity.displayName;
        state.incomingUser = invitation.remoteIdentity.uri.user ?? null;
        log(`incoming from ${state.incomingUser}`);
        track(invitation);
        if (state.incomingMode === 'answer') {
          invitation.accept({ sessionDescriptionHandlerOptions: media }).catch((e) => log(`accept: ${e}`));
        } else if (state.incomingMode === 'reject') {
          invitation.reject({ statusCode: 486 }).catch((e) => log(`reject: ${e}`));
        } // 'ring': SIP.js has sent 180; wait for CANCEL
      },
    },
  });
  await ua.start();
  registerer = new Registerer(ua, { expires: 60 });
  registerer.stateChange.addListener((st) => {
    state.registered = st === RegistererState.Registered;
    log(`registerer ${st}`);
  });
  await registerer.register({
    requestDelegate: {
      onAccept: (r) => (state.registerStatus = r.message.statusCode ?? null),
      onReject: (r) => (state.registerStatus = r.message.statusCode ?? null),
    },
  });
}

async function call(target: string, domain: string) {
  if (!ua) throw new Error('not registered');
  const uri = UserAgent.makeURI(`sip:${target}@${domain}`);
  if (!uri) throw new Error(`bad target ${target}`);
  const inviter = new Inviter(ua, uri, { sessionDescriptionHandlerOptions: media });
  track(inviter);
  await inviter.invite();
}

async function hangup() {
  const s = session;
  if (!s) return;
  if (s.state === SessionState.Established) await s.bye();
  else if (s instanceof Inviter) await s.cancel();
  else if (s instanceof Invitation) await s.reject();
}

/** re-INVITE with a=sendonly (hold) or a=sendrecv (unhold); resolves on the 200. */
async function hold(on: boolean) {
  const s = session;
  if (!s || s.state !== SessionState.Established) throw new Error('no established call');
  s.sessionDescriptionHandlerOptionsReInvite = { hold: on, ...media } as never;
  await new Promise<void>((resolve, reject) => {
    s.invite({
      requestDelegate: {
        onAccept: () => resolve(),
        onReject: (r) => reject(new Error(`re-INVITE rejected: ${r.message.statusCode}`)),
      },
    }).catch(reject);
  });
}

/** a= audio direction of the current local/remote description. */
function direction(which: 'local' | 'remote'): string | null {
  const pc = peerConnection(session);
  const sdp = (which === 'local' ? pc?.localDescription : pc?.remoteDescription)?.sdp ?? '';
  return /a=(sendrecv|sendonly|recvonly|inactive)/.exec(sdp)?.[1] ?? null;
}

async function stats() {
  const pc = peerConnection(session);
  const out = { bytesReceived: 0, packetsReceived: 0, bytesSent: 0, packetsSent: 0 };
  if (!pc) return out;
  (await pc.getStats()).forEach((r: RTCStats) => {
    if (r.type === 'inbound-rtp' && (r as RTCInboundRtpStreamStats).kind === 'audio') {
      out.bytesReceived += (r as RTCInboundRtpStreamStats).bytesReceived ?? 0;
      out.packetsReceived += (r as RTCInboundRtpStreamStats).packetsReceived ?? 0;
    }
    if (r.type === 'outbound-rtp' && (r as RTCOutboundRtpStreamStats).kind === 'audio') {
      out.bytesSent += (r as RTCOutboundRtpStreamStats).bytesSent ?? 0;
      out.packetsSent += (r as RTCOutboundRtpStreamStats).packetsSent ?? 0;
    }
  });
  return out;
}

/** After the WS dropped (Kamailio restart): reconnect and REGISTER again. */
async function reconnect() {
  if (!ua || !registerer) throw new Error('not registered');
  state.registerStatus = null;
  await ua.reconnect();
  await registerer.register({
    requestDelegate: {
      onAccept: (r) => (state.registerStatus = r.message.statusCode ?? null),
      onReject: (r) => (state.registerStatus = r.message.statusCode ?? null),
    },
  });
}

function connected() {
  return ua?.isConnected() ?? false;
}

async function unregister() {
  await registerer?.unregister().catch(() => undefined);
  await ua?.stop();
  ua = undefined;
  state.registered = false;
}

Object.assign(window, {
  lab: { state, register, reconnect, connected, call, hangup, hold, direction, stats, unregister },
});
