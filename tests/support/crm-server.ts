import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { serveFixtures } from './fixture-server';

/** A tiny local "CRM" web server on 127.0.0.1: the page the in-page pop-up appears on. */
export async function serveCrm(): Promise<{ url: string; close(): Promise<void> }> {
  const html = await readFile(resolve(import.meta.dirname, '../fixtures/demo-crm.html'), 'utf8');
  const site = await serveFixtures('.', { '/contacts': html });
  return { url: site.url('/contacts'), close: () => site.close() };
}
