import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, resolve } from 'node:path';

/** A generated page, with response headers of its own (a Content-Security-Policy, say). */
export interface GeneratedPage {
  body: string;
  headers: Record<string, string>;
}

/** Serves the HTML files of one fixture folder on 127.0.0.1 (`/name.html`), plus extra generated pages. */
export async function serveFixtures(
  folder: string,
  extra: Record<string, string | GeneratedPage> = {},
): Promise<{ url(path: string): string; close(): Promise<void> }> {
  const dir = resolve(import.meta.dirname, '../fixtures', folder);
  const server: Server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://localhost').pathname;
    const generated = extra[path];
    const send = (body: string | Buffer | null, headers: Record<string, string> = {}) => {
      res.writeHead(body === null ? 404 : 200, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(body ?? 'not found');
    };
    if (typeof generated === 'string') return send(generated);
    if (generated !== undefined) return send(generated.body, generated.headers);
    const name = basename(path);
    if (!/^[\w-]+\.html$/.test(name)) return send(null);
    readFile(resolve(dir, name)).then(send, () => send(null));
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
