import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

/** A request as a fake CRM sees it. */
export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingMessage['headers'];
  /** The parsed JSON body (undefined when none or not JSON). */
  body: unknown;
}

/** A fake CRM's answer. */
export interface FakeResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** A misbehaviour for the next request(s): an HTTP error, a raw body, a delay. */
export interface Fault {
  status?: number;
  /** Sent as is (not JSON-encoded): malformed answers. */
  raw?: string;
  body?: unknown;
  headers?: Record<string, string>;
  /** Waits this long before answering (timeouts). */
  delayMs?: number;
  /** How many requests it applies to (default 1). */
  times?: number;
}

/** A local fake CRM over HTTP on 127.0.0.1. */
export interface FakeCrm {
  /** `http://127.0.0.1:<port>` */
  url: string;
  port: number;
  /** Every request received, oldest first. */
  requests: FakeRequest[];
  /** Makes the next request(s) misbehave. */
  fail(fault: Fault): void;
  /** Stops listening (the CRM is down); `start()` brings it back on the same port. */
  stop(): Promise<void>;
  start(): Promise<void>;
  close(): Promise<void>;
}

/**
 * Serves `handle` on 127.0.0.1, JSON in and out. A handler throwing `FakeError` answers with its
 * status and body. No CORS headers: the extension reaches CRMs through host permissions, as it
 * must with real CRMs that do not allow cross-origin calls.
 */
export async function startFakeCrm(
  handle: (req: FakeRequest) => FakeResponse | Promise<FakeResponse>,
  port = 0,
): Promise<FakeCrm> {
  const requests: FakeRequest[] = [];
  const faults: Fault[] = [];
  let server: Server | undefined;
  const sockets = new Set<Socket>();

  const respond = async (req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const text = Buffer.concat(chunks).toString('utf8');
    let body: unknown;
    try {
      body = text ? (JSON.parse(text) as unknown) : undefined;
    } catch {
      body = undefined;
    }
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const request: FakeRequest = {
      method: req.method ?? 'GET',
      path: url.pathname,
      query: url.searchParams,
      headers: req.headers,
      body,
    };
    requests.push(request);
    const fault = faults[0];
    if (fault) {
      fault.times = (fault.times ?? 1) - 1;
      if (fault.times <= 0) faults.shift();
      if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
      if (fault.status !== undefined || fault.raw !== undefined || fault.body !== undefined) {
        res.writeHead(fault.status ?? 200, { 'content-type': 'application/json', ...fault.headers });
        res.end(fault.raw ?? JSON.stringify(fault.body ?? {}));
        return;
      }
    }
    let answer: FakeResponse;
    try {
      answer = await handle(request);
    } catch (e) {
      answer =
        e instanceof FakeError ? { status: e.status, body: e.body } : { status: 500, body: { error: String(e) } };
    }
    res.writeHead(answer.status ?? 200, { 'content-type': 'application/json; charset=utf-8', ...answer.headers });
    res.end(answer.body === undefined ? '' : JSON.stringify(answer.body));
  };

  const listen = (p: number) =>
    new Promise<number>((ok, fail) => {
      server = createServer((req, res) => void respond(req, res).catch(() => res.destroy()));
      server.on('connection', (s) => {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
      });
      server.once('error', fail);
      server.listen(p, '127.0.0.1', () => ok((server!.address() as AddressInfo).port));
    });
  const actualPort = await listen(port);
  const stop = () =>
    new Promise<void>((ok) => {
      if (!server) return ok();
      for (const s of sockets) s.destroy();
      server.close(() => ok());
      server = undefined;
    });
  return {
    url: `http://127.0.0.1:${actualPort}`,
    port: actualPort,
    requests,
    fail: (fault) => faults.push({ ...fault }),
    stop,
    start: async () => {
      if (!server) await listen(actualPort);
    },
    close: stop,
  };
}

/** Thrown by a handler: the fake answers with this status and body. */
export class FakeError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {
    super(`HTTP ${status}`);
  }
}

/** The digits of a phone number as a CRM stores it ("+7 (495) 123-45-67" → "74951234567"). */
export const digitsOf = (s: unknown): string => str(s).replace(/\D/g, '');

/** A scalar as text ('' for anything else): fakes read loosely typed JSON. */
export const str = (v: unknown): string => (typeof v === 'string' || typeof v === 'number' ? String(v) : '');
