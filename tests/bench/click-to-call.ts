// Scanner benchmarks (issue 3) on the BUILT extension in real Chromium. Main-thread work is read
// from Chromium's own counters (CDP Performance.getMetrics "TaskDuration": every task of the
// page's main thread, content script included), and each figure has a baseline measured in the
// same run on the same DOM.
import type { CDPSession, Page } from 'playwright-core';
import { launchExtension } from '../support/browser';
import { serveFixtures } from '../support/fixture-server';
import { clickToCallEverywhere, pageRequest, waitFor } from '../support/extension';
import { crmTable } from './crm-table';
import { percentile, type BenchRow } from './results';
import { traceContentScript } from './trace';

const ROWS = Number(process.env.BENCH_SCAN_ROWS ?? 10_000);
const REPEATS = Number(process.env.BENCH_SCAN_REPEATS ?? 5);

interface ScanStats {
  numbersFound: number;
  idle: boolean;
}

/** The content script's own counters, read in its isolated world (pages cannot see them). */
class ContentWorld {
  private contextId: number | undefined;
  private constructor(private readonly cdp: CDPSession) {}

  static async attach(page: Page, extensionId: string): Promise<ContentWorld> {
    const cdp = await page.context().newCDPSession(page);
    const world = new ContentWorld(cdp);
    cdp.on(
      'Runtime.executionContextCreated',
      (e: { context: { id: number; origin: string; auxData?: { frameId?: string; type?: string } } }) => {
        if (e.context.auxData?.type === 'isolated' && e.context.origin === `chrome-extension://${extensionId}`) {
          world.contextId = e.context.id;
        }
      },
    );
    cdp.on('Runtime.executionContextsCleared', () => (world.contextId = undefined));
    await cdp.send('Runtime.enable');
    return world;
  }

  async stats(): Promise<ScanStats | null> {
    if (this.contextId === undefined) return null;
    const { result } = (await this.cdp.send('Runtime.evaluate', {
      expression: 'JSON.stringify(globalThis.__ctiClickToCall?.scanner?.stats ?? null)',
      contextId: this.contextId,
      returnByValue: true,
    })) as { result: { value?: string } };
    return result.value ? (JSON.parse(result.value) as ScanStats | null) : null;
  }

  /** Runs `expression` in the content script's world and returns its number result. */
  async evaluate(expression: string): Promise<number> {
    const { result } = (await this.cdp.send('Runtime.evaluate', {
      expression,
      contextId: this.contextId,
      returnByValue: true,
    })) as { result: { value?: number } };
    return result.value ?? Number.NaN;
  }

  /** Waits until the scanner is idle and its count has not moved for a while. */
  async settled(minFound: number): Promise<ScanStats> {
    let last = -1;
    let stableSince = Date.now();
    return waitFor(
      () => this.stats(),
      (s) => {
        if (!s || !s.idle || s.numbersFound < minFound) return false;
        if (s.numbersFound !== last) {
          last = s.numbersFound;
          stableSince = Date.now();
          return false;
        }
        return Date.now() - stableSince > 400;
      },
      120_000,
      'the scan to finish',
    ) as Promise<ScanStats>;
  }
}

/** The baseline: one bare TreeWalker + digit-regex pass over the page, as naive linkers do. */
const BASELINE_PASS = `(() => {
  const t0 = performance.now();
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  const digits = /\\+?\\d[\\d\\s().-]{5,}\\d/g;
  let found = 0;
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    digits.lastIndex = 0;
    while (digits.exec(node.data)) found++;
  }
  return found >= 0 ? performance.now() - t0 : 0;
})()`;

// Run from a timer, as a page's own code would: the trace then tells its work from ours.
const APPEND_ROWS = `setTimeout(() => {
  const body = document.querySelector('tbody');
  const start = body.children.length;
  for (let i = 0; i < 100; i++) {
    const tr = document.createElement('tr');
    for (const text of ['New ' + (start + i), 'Acme Ltd', '+7 (495) 7' + String(10 + (i % 90)) + '-' + String(10 + i % 90) + '-' + String(10 + (i * 7) % 90), '0' + (i % 9) + '.11.2026']) {
      const td = document.createElement('td');
      td.textContent = text;
      tr.append(td);
    }
    body.append(tr);
  }
}, 0)`;

/** No digit runs: what every page without numbers costs. */
function plainText(bytes: number): string {
  const words = 'the agent opens a customer card reads the order notes and writes a short summary for the team'.split(
    ' ',
  );
  const paras: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const p = Array.from({ length: 60 }, (_, j) => words[(i * 7 + j * 3) % words.length]).join(' ') + ` (${i % 100}).`;
    paras.push(`<p>${p}</p>`);
    size += p.length;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Notes</title></head><body>${paras.join('')}</body></html>`;
}

const median = (xs: number[]) => percentile(xs, 50);

/** Full scan of a 10k-row table, 100 appended rows, and a 1 MB page without numbers. */
export async function scannerRows(): Promise<BenchRow[]> {
  const table = crmTable(ROWS);
  const site = await serveFixtures('click-to-call', { '/table.html': table.html, '/plain.html': plainText(1 << 20) });
  const ext = await launchExtension();
  try {
    await pageRequest(ext, clickToCallEverywhere('RU'));
    const page = await ext.context.newPage();
    await page.setViewportSize({ width: 1280, height: 800 });
    const world = await ContentWorld.attach(page, ext.extensionId);

    // 1. The scan of a page as it loads, vs a bare pass over the same, loaded DOM.
    const scan: number[] = [];
    const longest: number[] = [];
    const bare: number[] = [];
    const bareIsolated: number[] = [];
    let found = 0;
    for (let i = 0; i < REPEATS; i++) {
      const work = await traceContentScript(page, async () => {
        await page.goto(site.url('/table.html'));
        found = (await world.settled(table.phones * 0.9)).numbersFound;
      });
      scan.push(work.totalMs);
      longest.push(work.longestTaskMs);
      bare.push(await page.evaluate<number>(BASELINE_PASS));
      bareIsolated.push(await world.evaluate(BASELINE_PASS));
    }

    // 2. 100 rows appended by the page → linked.
    const append: number[] = [];
    const appendLongest: number[] = [];
    for (let i = 0; i < REPEATS * 2; i++) {
      const before = (await world.stats())?.numbersFound ?? 0;
      await page.waitForTimeout(300);
      // A fixed window: polling the scanner's counters meanwhile would add work to the trace.
      const work = await traceContentScript(page, async () => {
        await page.evaluate(APPEND_ROWS);
        await page.waitForTimeout(1500);
      });
      await world.settled(before + 100);
      append.push(work.totalMs);
      appendLongest.push(work.longestTaskMs);
    }

    // 3. A 1 MB page without numbers: the content script's share of the page load.
    const plainOurs: number[] = [];
    const plainAll: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const work = await traceContentScript(page, async () => {
        await page.goto(site.url('/plain.html'));
        await page.waitForTimeout(1500);
      });
      plainOurs.push(work.totalMs);
      plainAll.push(work.allTasksMs - work.totalMs);
    }

    const round = (x: number) => Math.round(x * 10) / 10;
    return [
      { name: 'scan.table.rows', value: ROWS, unit: '', target: `${table.textBytes} bytes of text` },
      { name: 'scan.table.numbers-linked', value: found, unit: '', target: `of ${table.phones} generated` },
      { name: 'scan.table.main-thread.extension', value: round(median(scan)), unit: 'ms', target: 'median, traced' },
      {
        name: 'scan.table.main-thread.bare-treewalker-regex',
        value: round(median(bare)),
        unit: 'ms',
        target: 'baseline, same DOM',
      },
      { name: 'ratio.scan-vs-bare-pass', value: round(median(scan) / median(bare)), unit: 'x', target: '≤ 2×' },
      {
        name: 'scan.table.main-thread.bare-pass-in-content-world',
        value: round(median(bareIsolated)),
        unit: 'ms',
        target: 'the same pass from an extension world',
      },
      {
        name: 'ratio.scan-vs-bare-pass-in-content-world',
        value: round(median(scan) / median(bareIsolated)),
        unit: 'x',
        target: 'report',
      },
      { name: 'scan.table.longest-task', value: round(Math.max(...longest)), unit: 'ms', target: '≤ 50 ms' },
      { name: 'scan.append-100-rows.main-thread', value: round(median(append)), unit: 'ms', target: '≤ 5 ms' },
      { name: 'scan.append-100-rows.longest-task', value: round(Math.max(...appendLongest)), unit: 'ms', target: '' },
      {
        name: 'scan.plain-1mb.main-thread.extension',
        value: round(median(plainOurs)),
        unit: 'ms',
        target: 'no numbers',
      },
      {
        name: 'scan.plain-1mb.main-thread.page-load',
        value: round(median(plainAll)),
        unit: 'ms',
        target: 'baseline: the page itself',
      },
      {
        name: 'scan.plain-1mb.extension-share-of-page-load',
        value: round((median(plainOurs) / median(plainAll)) * 100),
        unit: '%',
        target: 'report',
      },
    ];
  } finally {
    await ext.close();
    await site.close();
  }
}
