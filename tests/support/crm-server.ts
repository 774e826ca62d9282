import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolve } from 'node:path';

/** A tiny local "CRM" web server on 127.0.0.1: the page the in-page pop-up appears on. */
export async function serveCrm(): Promise<{ url: string; close(): Promise<void> }> {
  const html = await readFile(resolve(import.meta.dirname, '../fixtures/demo-crm.html'));
  const server: Server = createServer((_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/contacts`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
