import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { serveFixtures } from './fixture-server';

/** The strictest Content-Security-Policy a CRM could send: no script, style, frame or connection. */
export const LOCKED_DOWN_CSP = "default-src 'none'; script-src 'none'; style-src 'none'; base-uri 'none'";

/**
 * A tiny local "CRM" web server on 127.0.0.1: the page the in-page pop-up appears on (`url`), and
 * the same page sent with {@link LOCKED_DOWN_CSP} (`lockedDownUrl`).
 */
export async function serveCrm(): Promise<{ url: string; lockedDownUrl: string; close(): Promise<void> }> {
  const html = await readFile(resolve(import.meta.dirname, '../fixtures/demo-crm.html'), 'utf8');
  const site = await serveFixtures('.', {
    '/contacts': html,
    '/locked/contacts': { body: html, headers: { 'content-security-policy': LOCKED_DOWN_CSP } },
  });
  return { url: site.url('/contacts'), lockedDownUrl: site.url('/locked/contacts'), close: () => site.close() };
}
