// npm run bench: the latency and size figures, measured on the BUILT extension in real
// Chromium against the real local PBX (inside the loopback-only namespace). Prints a table and
// merges the rows into .bench/results.json.
import type { Page } from 'playwright-core';
import { EXTENSION_DIR } from '../support/browser';
import { serveCrm } from '../support/crm-server';
import { launchRegistered, liveCall, openFrontPage, waitFor } from '../support/extension';
import { answerCalls, cancelCall, LAB, pbxInviteArrivals, startPbx, stopPbx } from '../support/lab';
import { percentile, printRows, saveRows, type BenchRow } from './results';
import { scannerRows } from './click-to-call';
import { sizeRows } from './sizes';
import { journalRows } from './journal';
import { crmPopupRows } from './crm-popup';

const CALLS = Number(process.env.BENCH_CALLS ?? 20);

/** Epoch ms (sub-ms) at which the next call pop-up is painted in `page`. */
async function nextPaint(page: Page): Promise<number> {
  // tsx (esbuild keepNames) wraps named inner functions in `__name(...)`, which pages lack.
  await page.evaluate('globalThis.__name ??= (f) => f');
  return page.evaluate(
    () =>
      new Promise<number>((resolve) => {
        const painted = () =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(performance.timeOrigin + performance.now())));
        const host = () => document.querySelector('cti-call-popup');
        const inside = (h: Element) => {
          const root = h.shadowRoot;
          if (!root) return false;
          if (root.querySelector('[role="dialog"]')) {
            painted();
            return true;
          }
          new MutationObserver((_m, obs) => {
            if (root.querySelector('[role="dialog"]')) {
              obs.disconnect();
              painted();
            }
          }).observe(root, { childList: true, subtree: true });
          return true;
        };
        const existing = host();
        if (existing && inside(existing)) return;
        new MutationObserver((_m, obs) => {
          const h = host();
          if (h) {
            obs.disconnect();
            inside(h);
          }
        }).observe(document.body, { childList: true });
      }),
  );
}

/**
 * INVITE sent → pop-up painted. `warm`: one page takes every call (the pop-up module is loaded
 * after the first); `cold`: the page is reloaded before each call, so each pop-up first imports
 * its module into the page, as on the first call after the agent opens a CRM page.
 */
async function inviteToPopup(mode: 'warm' | 'cold'): Promise<number[]> {
  const agent = LAB.agents[4]!;
  const crm = await serveCrm();
  const ext = await launchRegistered(agent);
  try {
    const page = await openFrontPage(ext, crm.url);
    const samples: number[] = [];
    for (let i = 0; i < CALLS; i++) {
      if (mode === 'cold') await page.reload({ waitUntil: 'load' });
      const paint = nextPaint(page);
      const run = cancelCall({ agent: agent.user, callerNumber: `555${1000 + i}`, ringMs: 600 });
      const paintedAt = await paint;
      const result = await run.done;
      const sentAt = result.inviteTimes[0];
      if (!result.ok || sentAt === undefined) throw new Error(`call ${i} failed: ${result.stderrTail}`);
      samples.push(paintedAt - sentAt);
      await page.getByRole('dialog').waitFor({ state: 'detached', timeout: 15_000 });
    }
    return samples;
  } finally {
    await ext.close();
    await crm.close();
  }
}

/**
 * Click on Call → INVITE at the PBX's far side. `typed`: the number is typed like a person
 * (which lets the engine prepare microphone and ICE); `pasted`: filled and clicked at once, the
 * worst case, where ICE gathering (~120 ms) happens after the click.
 */
async function clickToInvite(mode: 'typed' | 'pasted'): Promise<{ atPbx: number[]; atFarEnd: number[] }> {
  const agent = LAB.agents[4]!;
  const ext = await launchRegistered(agent);
  try {
    const pstn = answerCalls({ calls: CALLS });
    await pstn.ready;
    const popup = await ext.openPage('popup.html');
    const number = popup.getByRole('textbox', { name: 'Number' });
    const call = popup.getByRole('button', { name: 'Call', exact: true });
    const clicks: number[] = [];
    const callIds: string[] = [];
    for (let i = 0; i < CALLS; i++) {
      await waitFor(
        () => popup.getByRole('dialog').count(),
        (n) => n === 0,
        15_000,
        'no call on screen',
      );
      await waitFor(() => call.isEnabled(), Boolean, 10_000, 'Call enabled');
      await number.fill('');
      if (mode === 'typed') await number.pressSequentially(LAB.pstnNumber, { delay: 80 });
      else await number.fill(LAB.pstnNumber);
      const clicked = popup.evaluate(
        () =>
          new Promise<number>((resolve) =>
            document.addEventListener('click', () => resolve(performance.timeOrigin + performance.now()), {
              capture: true,
              once: true,
            }),
          ),
      );
      await call.click();
      clicks.push(await clicked);
      const card = popup.getByRole('dialog', { name: 'Outgoing call' });
      await card.getByText(/^Connected/).waitFor({ timeout: 15_000 });
      callIds.push((await liveCall(ext, 'connected')).sipCallId);
      await card.getByRole('button', { name: 'Hang up' }).click();
    }
    const result = await pstn.done;
    if (result.inviteTimes.length !== CALLS) throw new Error(`sipp saw ${result.inviteTimes.length} INVITEs`);
    const arrivals = await pbxInviteArrivals();
    const atPbx = clicks.map((t, i) => {
      const at = arrivals.get(callIds[i]!);
      if (at === undefined) throw new Error(`Kamailio did not log INVITE ${callIds[i]}`);
      return at - t;
    });
    return { atPbx, atFarEnd: clicks.map((t, i) => result.inviteTimes[i]! - t) };
  } finally {
    await ext.close();
  }
}

const ms = (name: string, values: number[], target: string): BenchRow[] => [
  { name: `${name}.p50`, value: percentile(values, 50), unit: 'ms', target: '' },
  { name: `${name}.p95`, value: percentile(values, 95), unit: 'ms', target },
];

await startPbx();
try {
  const popup = await inviteToPopup('warm');
  const popupCold = await inviteToPopup('cold');
  const typed = await clickToInvite('typed');
  const pasted = await clickToInvite('pasted');
  const crm = await crmPopupRows(CALLS);
  const rows: BenchRow[] = [
    ...ms('latency.invite-to-popup-paint', popup, 'p95 ≤ 100 ms'),
    ...ms('latency.invite-to-popup-paint.first-call-on-page', popupCold, 'p95 ≤ 100 ms: imports the pop-up'),
    ...ms('latency.dial-click-to-invite-at-pbx.typed', typed.atPbx, 'p95 ≤ 50 ms'),
    ...ms('latency.dial-click-to-invite-at-pbx.pasted-clicked-at-once', pasted.atPbx, 'report: ICE after the click'),
    ...ms('latency.dial-click-to-invite-at-far-end.typed', typed.atFarEnd, 'report: + Kamailio/rtpengine'),
    // Baseline in the same run: the same dial without time to prepare (pasted, clicked at once).
    {
      name: 'ratio.dial-typed-vs-pasted.p50',
      value: Math.round((percentile(typed.atPbx, 50) / percentile(pasted.atPbx, 50)) * 100) / 100,
      unit: 'x',
      target: 'report: < 1 means preparing while typing pays',
    },
    ...crm,
    ...(await scannerRows()),
    ...(await journalRows()),
    ...(await sizeRows(EXTENSION_DIR)),
  ];
  printRows(rows);
  await saveRows(rows);
  console.log(`\n${CALLS} calls each; written to .bench/results.json`);
} finally {
  await stopPbx();
}
