/**
 * Serves the lab agent page on 127.0.0.1 (random port): index.html plus
 * agent.js, which esbuild bundles from agent.ts with SIP.js from node_modules.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const HERE = dirname(fileURLToPath(import.meta.url));

const HTML = `<!doctype html>
<html><head><meta charset="utf-8"><title>lab agent</title></head>
<body><script type="module" src="/agent.js"></script></body></html>`;

export async function servePage(): Promise<{ url: string; close(): Promise<void> }> {
  const bundle = await build({
    entryPoints: [join(HERE, 'agent.ts')],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  const js = bundle.outputFiles[0]!.text;
  const server = createServer((req, res) => {
    if (req.url === '/agent.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' }).end(js);
    } else if (req.url === '/' || req.url === '/index.html') {
      res.writeHead(200, { 'content-type': 'text/html' }).end(HTML);
    } else {
      res.writeHead(404).end();
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
