/**
 * Node API for the local PBX test lab (Kamailio + rtpengine + sipp on
 * 127.0.0.1). Used by e2e tests, demos and benches. No browser imports.
 *
 * The calling process must already run inside a loopback-only network
 * namespace (scripts/lab/in-netns.sh); nothing here calls unshare.
 */
import { spawn, execFile, type ChildProcess } from 'node:child_process';
import { createSocket } from 'node:dgram';
import { createWriteStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const SCRIPTS = join(ROOT, 'scripts/lab');
const SIPP_DIR = join(ROOT, 'tests/fixtures/sipp');
const LAB_DIR = resolve(ROOT, process.env.LAB_DIR ?? '.lab');

/** rtpengine's RTP port range (see scripts/lab/pbx.sh). */
const RTPENGINE_PORTS = { min: 30000, max: 30999 } as const;

const agents = ['1001', '1002', '1003', '1004', '1005'].map((user) => ({
  user,
  password: `pw${user}`,
  sipUri: `sip:${user}@127.0.0.1`,
}));

export const LAB = {
  /** WebSocket SIP server for browser agents (plain ws, subprotocol "sip"). */
  wsServer: 'ws://127.0.0.1:8088/ws',
  /** SIP domain = digest realm. */
  domain: '127.0.0.1',
  /** Kamailio UDP (customer/PSTN side, trusted without auth). */
  sipUdp: { host: '127.0.0.1', port: 5060 },
  agents,
  /** A number an agent dials that reaches answerCalls() (any digits do). */
  pstnNumber: '2000',
  /** Where Kamailio sends non-agent numbers: the answerCalls() sipp UAS. */
  pstnGateway: { host: '127.0.0.1', port: 5070 },
  rtpengine: { ng: '127.0.0.1:2223', rtpPorts: RTPENGINE_PORTS },
  /** Browser agents must not use STUN/TURN here (no network but loopback). */
  iceServers: [] as RTCIceServerLike[],
  labDir: LAB_DIR,
} as const;

type RTCIceServerLike = { urls: string | string[] };

// ---------------------------------------------------------------- daemons

function run(cmd: string, args: string[], timeoutMs = 60_000): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    execFile(
      cmd,
      args,
      { cwd: ROOT, env: { ...process.env, LAB_DIR }, timeout: timeoutMs, maxBuffer: 8 << 20 },
      (err, stdout, stderr) => {
        if (err) reject(new Error(`${cmd} ${args.join(' ')} failed: ${err.message}\n${stdout}${stderr}`));
        else resolvePromise(stdout + stderr);
      },
    );
  });
}

const pbx = (action: 'start' | 'stop', which: 'all' | 'kamailio' | 'rtpengine') =>
  run(join(SCRIPTS, 'pbx.sh'), [action, which]).then(() => undefined);

/** Installs missing Debian packages (fast no-op when present). */
export async function ensureInstalled(): Promise<void> {
  await run(join(SCRIPTS, 'install.sh'), [], 15 * 60_000);
}
export const startPbx = () => pbx('start', 'all');
export const stopPbx = () => pbx('stop', 'all');
export const startKamailio = () => pbx('start', 'kamailio');
export const stopKamailio = () => pbx('stop', 'kamailio');

// ------------------------------------------------------------------- sipp

export interface SippResult {
  exitCode: number;
  /** sipp exit 0, no failed call, and every requested call (-m) succeeded. */
  ok: boolean;
  successfulCalls: number;
  failedCalls: number;
  /** RTP packets from rtpengine that reached sipp's media port(s) (tcpdump). */
  rtpPacketsReceived: number;
  /** Final (>=200) responses to the initial INVITE of each call, in order. */
  finalStatusCodes: number[];
  /** Epoch ms when each call's INVITE left (UAC) or arrived (UAS). */
  inviteTimes: number[];
  /** The Request-URI user part of each call's INVITE (UAS: the number the PBX was asked to dial). */
  inviteTargets: string[];
  logDir: string;
  stderrTail: string;
}

export interface SippRun {
  /** Resolves when sipp exits (or was killed after its timeout). */
  done: Promise<SippResult>;
  /** Resolves once sipp runs (UAS: once it listens on its SIP port). */
  ready: Promise<void>;
  /** Resolves once the first INVITE was sent (UAC) or received (UAS). */
  inviteSeen: Promise<void>;
  /** Stops sipp now (soft, then hard) and waits for the result. */
  stop(): Promise<SippResult>;
  callerNumber?: string;
  /** Every Call-ID of this run starts with this. */
  callIdPrefix: string;
  logDir: string;
}

export interface CallAgentOptions {
  agent?: string;
  /** One more header for the INVITE, as `Name: value` (routing variables: `X-Queue: Sales`). */
  header?: string;
  /** Any text; quotes/backslashes are escaped into a SIP quoted-string. */
  displayName?: string;
  callerNumber?: string;
  talkSeconds?: number;
  hangup: 'caller' | 'agent';
  timeoutMs?: number;
}

export interface CancelCallOptions {
  agent?: string;
  /** One more header for the INVITE, as `Name: value` (routing variables: `X-Queue: Sales`). */
  header?: string;
  ringMs: number;
  /**
   * The CANCEL's Reason header value. Default: a plain caller hang-up (Q.850 cause 16);
   * `SIP;cause=200;text="Call completed elsewhere"` says another device answered.
   */
  reason?: string;
  callerNumber?: string;
  displayName?: string;
  timeoutMs?: number;
}

export interface ExpectRejectedOptions {
  agent?: string;
  callerNumber?: string;
  displayName?: string;
  timeoutMs?: number;
}

export interface AnswerCallsOptions {
  /** Calls to handle before exiting (default 1). */
  calls?: number;
  /** Give up after this long (default 120 s). */
  timeoutMs?: number;
}

/** Customer (UDP) calls an agent; audio both ways; caller or agent hangs up. */
export function callAgent(opts: CallAgentOptions): SippRun {
  const talkMs = Math.round((opts.talkSeconds ?? 3) * 1000);
  return startUac(
    'call-agent',
    opts,
    ['-set', 'talk_ms', String(talkMs), '-set', 'hangup', opts.hangup],
    opts.timeoutMs ?? talkMs + 60_000,
  );
}

/** Customer calls an agent, hangs up (CANCEL) after ringing ringMs. */
export function cancelCall(opts: CancelCallOptions): SippRun {
  const reason = (opts.reason ?? 'Q.850;cause=16;text="Normal call clearing"').replace(/[\r\n]+/g, ' ');
  return startUac(
    'cancel-agent',
    opts,
    ['-d', String(opts.ringMs), '-key', 'reason', reason],
    opts.timeoutMs ?? opts.ringMs + 30_000,
  );
}

/** Customer calls an agent who declines; ok on 486 or 603. */
export function expectRejected(opts: ExpectRejectedOptions = {}): SippRun {
  return startUac('rejected-by-agent', opts, [], opts.timeoutMs ?? 60_000);
}

/** The PSTN side at 127.0.0.1:5070: answers `calls` calls, plays audio, waits for BYE. */
export function answerCalls(opts: AnswerCallsOptions = {}): SippRun {
  const calls = opts.calls ?? 1;
  const { host, port } = LAB.pstnGateway;
  return startSipp('answer', {
    args: ['-m', String(calls), '-l', String(Math.max(calls, 1))],
    sipPort: port,
    timeoutMs: opts.timeoutMs ?? 120_000,
    uas: true,
    bindHost: host,
    maxCalls: Math.max(calls, 1),
  });
}

/** SIP quoted-string content (RFC 3261 25.1): escape \ and ", no CR/LF. */
export function sipQuoted(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[\\"]/g, (c) => `\\${c}`);
}

function startUac(
  scenario: string,
  opts: { agent?: string; callerNumber?: string; displayName?: string; header?: string },
  extra: string[],
  timeoutMs: number,
): SippRun {
  const callerNumber = opts.callerNumber ?? `+1555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
  const display = sipQuoted(opts.displayName ?? 'Lab Customer');
  const { host, port } = LAB.sipUdp;
  return startSipp(scenario, {
    args: [
      `${host}:${port}`,
      '-s',
      opts.agent ?? '1001',
      '-key',
      'display',
      display,
      '-key',
      'caller',
      callerNumber,
      // One more INVITE header (routing variables such as `X-Queue: Sales`); a neutral one by default.
      '-key',
      'header',
      (opts.header ?? 'Subject: lab call').replace(/[\r\n]+/g, ' '),
      '-m',
      '1',
      ...extra,
    ],
    timeoutMs,
    uas: false,
    bindHost: host,
    maxCalls: 1,
    callerNumber,
  });
}

let runCounter = 0;

/** Drops sipp run dirs older than two days (once per process): logs only. */
function pruneOldRuns(): void {
  const dir = join(LAB_DIR, 'sipp');
  if (!existsSync(dir)) return;
  const cutoff = Date.now() - 2 * 24 * 3600_000;
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).mtimeMs < cutoff) rmSync(p, { recursive: true, force: true });
  }
}

interface StartOpts {
  args: string[];
  timeoutMs: number;
  uas: boolean;
  bindHost: string;
  /** Fixed local SIP port (UAS); a free one is picked when absent. */
  sipPort?: number;
  /** Calls requested with -m (also sizes the media port window). */
  maxCalls: number;
  callerNumber?: string;
}

function startSipp(scenario: string, o: StartOpts): SippRun {
  if (runCounter === 0) pruneOldRuns();
  const runId = `${scenario}-${Date.now()}-${process.pid}-${++runCounter}`;
  const logDir = join(LAB_DIR, 'sipp', runId);
  mkdirSync(logDir, { recursive: true });
  const callIdPrefix = `lab-${runId}-`;

  let child: ChildProcess | undefined;
  let killTimer: NodeJS.Timeout | undefined;
  let stopRequested = false;
  let markInvite: () => void = () => {};
  let failInvite: (e: unknown) => void = () => {};
  const inviteSeen = new Promise<void>((res, rej) => ((markInvite = res), (failInvite = rej)));
  let markReady: () => void = () => {};
  let failReady: (e: unknown) => void = () => {};
  const ready = new Promise<void>((res, rej) => ((markReady = res), (failReady = rej)));
  // Nobody has to await these; a rejection must not become "unhandled".
  inviteSeen.catch(() => undefined);
  ready.catch(() => undefined);

  const done = (async (): Promise<SippResult> => {
    // Media port: even, below the ephemeral range (Chromium's ports) and
    // rtpengine's range, so the tcpdump filter only sees packets for sipp.
    const mediaPort = await freeEvenUdpPort(o.bindHost, 20000, 29800);
    const sipPort = o.sipPort ?? (await freeUdpPort(o.bindHost));
    // sipp reuses -mp for sequential calls and counts up for concurrent ones.
    const counter = await startRtpCounter(logDir, mediaPort, mediaPort + 2 * o.maxCalls);

    const files = {
      msg: join(logDir, 'messages.log'),
      stat: join(logDir, 'stat.csv'),
      screen: join(logDir, 'screen.log'),
      err: join(logDir, 'errors.log'),
      stderr: join(logDir, 'stderr.log'),
    };
    const args = [
      '-sf',
      join(SIPP_DIR, `${scenario}.xml`),
      '-i',
      o.bindHost,
      '-p',
      String(sipPort),
      '-mi',
      o.bindHost,
      '-mp',
      String(mediaPort),
      '-cid_str',
      `${callIdPrefix}%u-%p@%s`,
      '-nostdin',
      '-timeout',
      `${Math.ceil(o.timeoutMs / 1000)}s`,
      '-timeout_error',
      '-trace_msg',
      '-message_file',
      files.msg,
      '-trace_stat',
      '-stf',
      files.stat,
      '-fd',
      '1',
      '-trace_screen',
      '-screen_file',
      files.screen,
      '-trace_err',
      '-error_file',
      files.err,
      ...o.args,
    ];
    const stderr = createWriteStream(files.stderr);
    // cwd = fixtures dir: scenarios reference tone-pcmu.raw relatively.
    const proc = spawn('sipp', args, { cwd: SIPP_DIR, stdio: ['ignore', 'ignore', 'pipe'] });
    child = proc;
    proc.stderr.pipe(stderr);
    const exited = new Promise<number>((r) => {
      proc.on('exit', (code, signal) => r(code ?? (signal ? 128 : -1)));
      proc.on('error', () => r(-1));
    });
    if (stopRequested) void softKill(proc);
    // Hard stop if sipp's own -timeout did not end it.
    killTimer = setTimeout(() => void softKill(proc), o.timeoutMs + 5_000);
    const poll = setInterval(() => {
      if (udpPortBound(sipPort)) markReady();
      if (parseMessages(files.msg, o.uas).inviteTimes.length > 0) markInvite();
    }, 50);

    const exitCode = await exited;
    clearTimeout(killTimer);
    clearInterval(poll);
    markReady(); // never leave a waiter hanging
    await new Promise((r) => setTimeout(r, 200)); // let in-flight RTP land
    const rtpPacketsReceived = await counter.stop();
    const parsed = parseMessages(files.msg, o.uas);
    if (parsed.inviteTimes.length > 0) markInvite();
    else failInvite(new Error(`sipp ${scenario} exited (${exitCode}) without an INVITE`));
    const stats = parseStats(files.stat);
    // The talk loop's 200 ms receive timeouts are logged as "errors": not news.
    const tail = (f: string) =>
      existsSync(f)
        ? readFileSync(f, 'utf8')
            .split('\n')
            .filter((l) => !/receive timeout on message|There were more errors/.test(l))
            .slice(-20)
            .join('\n')
        : '';
    return {
      exitCode,
      ok: exitCode === 0 && stats.failed === 0 && stats.successful >= o.maxCalls,
      successfulCalls: stats.successful,
      failedCalls: stats.failed,
      rtpPacketsReceived,
      finalStatusCodes: parsed.finalStatusCodes,
      inviteTimes: parsed.inviteTimes,
      inviteTargets: parsed.inviteTargets,
      logDir,
      stderrTail: [tail(files.stderr), tail(files.err)].filter(Boolean).join('\n'),
    };
  })();
  done.catch((e: unknown) => {
    failReady(e);
    failInvite(e);
  });

  return {
    done,
    ready,
    inviteSeen,
    callerNumber: o.callerNumber,
    callIdPrefix,
    logDir,
    async stop() {
      stopRequested = true;
      if (child) await softKill(child);
      return done;
    },
  };
}

/** SIGUSR1 = sipp's soft exit (writes stats); then TERM, then KILL. */
async function softKill(child: ChildProcess): Promise<void> {
  const gone = () => child.exitCode !== null || child.signalCode !== null;
  const waitExit = (ms: number) =>
    new Promise<void>((r) => {
      if (gone()) return r();
      const t = setTimeout(r, ms);
      child.once('exit', () => (clearTimeout(t), r()));
    });
  for (const [sig, ms] of [
    ['SIGUSR1', 3000],
    ['SIGTERM', 2000],
    ['SIGKILL', 2000],
  ] as const) {
    if (gone()) return;
    child.kill(sig);
    await waitExit(ms);
  }
}

// ------------------------------------------------------------ RTP counter

/**
 * Counts RTP packets that rtpengine sends to sipp's media ports, with tcpdump
 * on lo. sipp 3.6.1 has no per-call receive counter, and a capture shows what
 * really reached the socket. Filter: from rtpengine's port range to our ports.
 */
async function startRtpCounter(logDir: string, portMin: number, portMax: number) {
  const filter =
    `udp and src host 127.0.0.1 and src portrange ${RTPENGINE_PORTS.min}-${RTPENGINE_PORTS.max}` +
    ` and dst host 127.0.0.1 and dst portrange ${portMin}-${portMax}`;
  const out = join(logDir, 'rtp-received.txt');
  const file = createWriteStream(out);
  const td = spawn('tcpdump', ['-i', 'lo', '-n', '-p', '-q', '-l', filter], { stdio: ['ignore', 'pipe', 'pipe'] });
  let lines = 0;
  let partial = '';
  td.stdout.on('data', (d: Buffer) => {
    file.write(d);
    const s = partial + d.toString();
    const parts = s.split('\n');
    partial = parts.pop()!;
    lines += parts.filter((l) => l.includes(' UDP')).length;
  });
  let errText = '';
  const exited = new Promise<void>((r) => td.on('exit', () => r()));
  // Wait until the capture is live, otherwise the first packets are missed.
  await new Promise<void>((resolveReady, reject) => {
    const t = setTimeout(() => reject(new Error(`tcpdump not ready: ${errText}`)), 10_000);
    td.stderr.on('data', (d: Buffer) => {
      errText += d.toString();
      if (errText.includes('listening on')) {
        clearTimeout(t);
        resolveReady();
      }
    });
    td.on('exit', () => (clearTimeout(t), reject(new Error(`tcpdump exited: ${errText}`))));
  });
  return {
    async stop(): Promise<number> {
      td.kill('SIGINT');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 3000))]);
      if (td.exitCode === null) td.kill('SIGKILL');
      file.end();
      return lines;
    },
  };
}

// ---------------------------------------------------------------- parsing

/** Parses sipp -trace_msg output: blocks start with "----- YYYY-MM-DD HH:MM:SS.micro". */
export function parseMessages(file: string, uas: boolean) {
  const inviteTimes: number[] = [];
  const inviteTargets: string[] = [];
  const finalStatusCodes: number[] = [];
  if (!existsSync(file)) return { inviteTimes, inviteTargets, finalStatusCodes };
  const blocks = readFileSync(file, 'utf8')
    .split(/^-{10,} /m)
    .slice(1);
  const initialCseq = new Map<string, string>(); // Call-ID -> CSeq of the dialog-creating INVITE
  const seenFinal = new Set<string>();
  for (const block of blocks) {
    const lines = block.split(/\r?\n/);
    const stamp = /^(\d{4}-\d\d-\d\d) (\d\d:\d\d:\d\d)\.(\d+)/.exec(lines[0] ?? '');
    const dir = /message (sent|received)/.exec(lines[1] ?? '')?.[1];
    const start = lines.slice(2).find((l) => l.trim() !== '') ?? '';
    if (!stamp || !dir) continue;
    // sipp prints local time; Date parses an ISO string without zone as local.
    const t = new Date(`${stamp[1]}T${stamp[2]}`).getTime() + Number(`0.${stamp[3]}`) * 1000;
    const header = (...names: string[]) => {
      const l = lines.find((x) => names.some((n) => x.toLowerCase().startsWith(`${n}:`)));
      return l ? l.slice(l.indexOf(':') + 1).trim() : '';
    };
    const callId = header('call-id', 'i');
    const cseq = header('cseq');
    // Initial INVITE = first INVITE of the Call-ID without a To tag (not a re-INVITE or retransmission).
    if (start.startsWith('INVITE ') && dir === (uas ? 'received' : 'sent')) {
      if (!initialCseq.has(callId) && !/;\s*tag=/i.test(header('to', 't'))) {
        initialCseq.set(callId, cseq);
        inviteTimes.push(t);
        inviteTargets.push(decodeURIComponent(/^INVITE sips?:([^@;\s]+)/.exec(start)?.[1] ?? ''));
      }
    }
    const status = /^SIP\/2\.0 (\d{3})/.exec(start);
    if (status && Number(status[1]) >= 200 && dir === (uas ? 'sent' : 'received') && initialCseq.get(callId) === cseq) {
      const key = `${callId} ${status[1]}`;
      if (!seenFinal.has(key)) {
        seenFinal.add(key);
        finalStatusCodes.push(Number(status[1]));
      }
    }
  }
  return { inviteTimes, inviteTargets, finalStatusCodes };
}

/** Last row of sipp's -trace_stat CSV (cumulative counters). */
function parseStats(file: string): { successful: number; failed: number } {
  if (!existsSync(file)) return { successful: 0, failed: 0 };
  const rows = readFileSync(file, 'utf8').trim().split('\n');
  if (rows.length < 2) return { successful: 0, failed: 0 };
  const head = rows[0]!.split(';');
  const last = rows[rows.length - 1]!.split(';');
  const col = (name: string) => Number(last[head.indexOf(name)] ?? 0) || 0;
  return { successful: col('SuccessfulCall(C)'), failed: col('FailedCall(C)') };
}

// ------------------------------------------------------------------ ports

/** Is some UDP socket bound to this port? (/proc, so no bind race with sipp) */
function udpPortBound(port: number): boolean {
  const hex = port.toString(16).toUpperCase().padStart(4, '0');
  try {
    const rows = readFileSync('/proc/net/udp', 'utf8').trim().split('\n').slice(1);
    return rows.some((l) => l.trim().split(/\s+/)[1]?.split(':')[1] === hex);
  } catch {
    return false;
  }
}

function tryBind(host: string, port: number): Promise<number | undefined> {
  return new Promise((r) => {
    const s = createSocket('udp4');
    s.once('error', () => (s.close(), r(undefined)));
    s.bind(port, host, () => {
      const p = s.address().port;
      s.close(() => r(p));
    });
  });
}

async function freeUdpPort(host: string): Promise<number> {
  const p = await tryBind(host, 0);
  if (!p) throw new Error('no free UDP port');
  return p;
}

/** A free even port p with p+1 also free (RTP + RTCP), picked at random. */
async function freeEvenUdpPort(host: string, min: number, max: number): Promise<number> {
  for (let i = 0; i < 50; i++) {
    const p = min + 2 * Math.floor(Math.random() * ((max - min) / 2));
    if ((await tryBind(host, p)) && (await tryBind(host, p + 1))) return p;
  }
  throw new Error(`no free media port in ${min}-${max}`);
}

/**
 * When each new INVITE reached Kamailio (epoch ms), by Call-ID, read from Kamailio's log: the
 * moment a call is "on the wire" at the PBX, before routing and media anchoring.
 */
export async function pbxInviteArrivals(): Promise<Map<string, number>> {
  const log = await readFile(join(LAB_DIR, 'kamailio.log'), 'utf8').catch(() => '');
  const arrivals = new Map<string, number>();
  for (const m of log.matchAll(/lab: INVITE (\S+) arrived (\d+)\.(\d{6}) over/g)) {
    arrivals.set(m[1]!, Number(m[2]) * 1000 + Number(m[3]) / 1000);
  }
  return arrivals;
}
