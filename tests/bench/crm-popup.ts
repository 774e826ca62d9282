import type { Page } from 'playwright-core';
import { serveCrm } from '../support/crm-server';
import { setUpCrm } from '../support/crm/crm-options';
import { startFakeBitrix24 } from '../support/crm/fake-bitrix24';
import { startVirtualDisplay } from '../support/crm/xvfb';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { launchExtension } from '../support/browser';
import { badge, launchRegistered, openFrontPage, waitFor } from '../support/extension';
import { cancelCall, LAB } from '../support/lab';
import { percentile, type BenchRow } from './results';

/**
 * Epoch ms at which the call pop-up shows `text` (or, with null, at which the pop-up itself is
 * painted): observed in the page, two animation frames after the DOM change.
 */
async function paintOf(page: Page, text: string | null): Promise<number> {
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate(
    (want) =>
      new Promise<number>((resolve) => {
        const done = () =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now())));
        const found = () => {
          const root = document.querySelector('cti-call-popup')?.shadowRoot;
          if (!root) return false;
          if (want === null) return root.querySelector('[role="dialog"]') !== null;
          return [...root.querySelectorAll('a, span')].some((el) => el.textContent === want);
        };
        if (found()) return done();
        const obs = new MutationObserver(() => {
          if (found()) {
            obs.disconnect();
            done();
          }
        });
        obs.observe(document.documentElement, { childList: true, subtree: true, characterData: true });
        // The pop-up's shadow root is not observed from the document: poll it too.
        const timer = setInterval(() => {
          if (found()) {
            clearInterval(timer);
            obs.disconnect();
            done();
          }
        }, 2);
      }),
    text,
  );
}

/**
 * INVITE sent → pop-up painted with the caller's CRM name, against a local Bitrix24: `warm` (the
 * number was looked up moments ago, the answer is cached) and `cold` (a new number each time: the
 * background asks the CRM over HTTP). The same calls give the baseline: INVITE → pop-up painted
 * with the number only.
 */
export async function crmPopupRows(calls: number): Promise<BenchRow[]> {
  const agent = LAB.agents[3]!;
  const screen = await startVirtualDisplay();
  const bitrix = await startFakeBitrix24();
  const web = await serveCrm();
  for (let i = 0; i < calls; i++) {
    bitrix.state.contacts.push({
      ID: String(700 + i),
      NAME: `Cold${i}`,
      LAST_NAME: 'Caller',
      COMPANY_ID: '7',
      PHONE: [{ ID: `p${i}`, VALUE_TYPE: 'WORK', VALUE: `+7495555${String(1000 + i)}`, TYPE_ID: 'PHONE' }],
      EMAIL: [],
    });
  }
  // Set up once in a headed browser (the permission prompt needs a window), then measure in a
  // headless one on the same profile, like the other latency figures.
  const profile = await mkdtemp(join(tmpdir(), 'cti-bench-crm-'));
  const setup = await launchRegistered(agent, { display: screen.display, userDataDir: profile });
  await (
    await setUpCrm(
      setup,
      screen,
      { crm: 'Bitrix24', fields: { 'Inbound webhook URL': bitrix.webhookUrl } },
      { wrapUpSeconds: 0 },
    )
  ).close();
  await setup.close();
  const ext = await launchExtension({ userDataDir: profile });
  try {
    await waitFor(
      () => badge(ext),
      (b) => b.text === 'ON',
      20_000,
      'registration',
    );
    const page = await openFrontPage(ext, web.url);
    const one = async (number: string, name: string) => {
      const popup = paintOf(page, null);
      const named = paintOf(page, name);
      const run = cancelCall({ agent: agent.user, callerNumber: number, ringMs: 1200 });
      const [popupAt, namedAt] = await Promise.all([popup, named]);
      const result = await run.done;
      const sentAt = result.inviteTimes[0];
      if (!result.ok || sentAt === undefined) throw new Error(`call from ${number} failed: ${result.stderrTail}`);
      await page.getByRole('dialog').waitFor({ state: 'detached', timeout: 15_000 });
      return { popup: popupAt - sentAt, named: namedAt - sentAt };
    };
    const warm: Array<{ popup: number; named: number }> = [];
    await one('+74951234567', 'Ivan Petrov'); // fills the cache
    for (let i = 0; i < calls; i++) warm.push(await one('+74951234567', 'Ivan Petrov'));
    const cold: Array<{ popup: number; named: number }> = [];
    for (let i = 0; i < calls; i++) cold.push(await one(`+7495555${1000 + i}`, `Cold${i} Caller`));
    const ms = (name: string, values: number[], target: string): BenchRow[] => [
      { name: `${name}.p50`, value: percentile(values, 50), unit: 'ms', target: '' },
      { name: `${name}.p95`, value: percentile(values, 95), unit: 'ms', target },
    ];
    const ratio = (a: number[], b: number[]) => Math.round((percentile(a, 50) / percentile(b, 50)) * 100) / 100;
    return [
      ...ms(
        'latency.invite-to-crm-name.warm-cache',
        warm.map((w) => w.named),
        'p95 ≤ 100 ms',
      ),
      ...ms(
        'latency.invite-to-crm-name.cold-local-crm',
        cold.map((c) => c.named),
        'report',
      ),
      ...ms(
        'latency.invite-to-popup-paint.with-crm',
        warm.map((w) => w.popup),
        'baseline: number only',
      ),
      {
        name: 'ratio.crm-name-warm-vs-popup.p50',
        value: ratio(
          warm.map((w) => w.named),
          warm.map((w) => w.popup),
        ),
        unit: 'x',
        target: 'report: 1 = the name comes with the first paint',
      },
      {
        name: 'ratio.crm-name-cold-vs-popup.p50',
        value: ratio(
          cold.map((c) => c.named),
          cold.map((c) => c.popup),
        ),
        unit: 'x',
        target: 'report',
      },
    ];
  } finally {
    await ext.close();
    await bitrix.close();
    await web.close();
    await screen.stop();
    await rm(profile, { recursive: true, force: true });
  }
}
