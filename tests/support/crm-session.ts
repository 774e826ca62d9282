import type { Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import type { ExtensionBrowser } from './browser';
import { serveCrm } from './crm-server';
import { launchRegistered, openFrontPage } from './extension';

/**
 * Suite hooks for "an agent at work in the CRM": serves the demo CRM page, launches the extension
 * registered as `agent`, shows the page in the front tab, and tears it all down after the suite.
 */
export function agentOnCrmPage(
  agent: { sipUri: string; password: string },
  ready: (ext: ExtensionBrowser, page: Page) => void,
): void {
  let ext: ExtensionBrowser | undefined;
  let crm: Awaited<ReturnType<typeof serveCrm>> | undefined;
  beforeAll(async () => {
    crm = await serveCrm();
    ext = await launchRegistered(agent);
    ready(ext, await openFrontPage(ext, crm.url));
  });
  afterAll(async () => {
    await ext?.close();
    await crm?.close();
  });
}
