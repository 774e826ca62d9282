// Journal benchmarks (issue 6): 100,000 calls in Chromium's IndexedDB; the journal's own queries
// (Dexie) against the same query plans on raw IndexedDB, timed alternately in the same run.
import { build } from 'esbuild';
import { chromium } from 'playwright-core';
import { resolve } from 'node:path';
import { serveFixtures } from '../support/fixture-server';
import { LAB_CHROMIUM_ARGS } from '../support/browser';
import type { BenchRow } from './results';

const CALLS = Number(process.env.BENCH_JOURNAL_CALLS ?? 100_000);
const IMPORT = Number(process.env.BENCH_JOURNAL_IMPORT ?? 20_000);
const REPEATS = Number(process.env.BENCH_JOURNAL_REPEATS ?? 30);

interface Timing {
  ours50: number;
  ours95: number;
  base50: number;
  base95: number;
}

async function bundle(): Promise<string> {
  const out = await build({
    entryPoints: [resolve(import.meta.dirname, 'journal-page.ts')],
    bundle: true,
    format: 'esm',
    write: false,
    target: 'chrome120',
    minify: true,
    logLevel: 'silent',
  });
  return out.outputFiles[0]!.text;
}

const round = (v: number) => Math.round(v * 10) / 10;

/** Rows for one query: our median and p95, the raw baseline's, and the ratio of medians. */
function queryRows(name: string, t: Timing, target: string): BenchRow[] {
  return [
    { name: `journal.${name}.p50`, value: round(t.ours50), unit: 'ms', target: '' },
    { name: `journal.${name}.p95`, value: round(t.ours95), unit: 'ms', target },
    { name: `journal.${name}.raw-idb.p50`, value: round(t.base50), unit: 'ms', target: 'baseline, same run' },
    {
      name: `journal.${name}.ratio-to-raw-idb.p50`,
      value: Math.round((t.ours50 / t.base50) * 100) / 100,
      unit: 'x',
      target: '≤ 1.3',
    },
  ];
}

export async function journalRows(): Promise<BenchRow[]> {
  const script = await bundle();
  const pages = await serveFixtures('click-to-call', {
    '/journal-bench.html': `<!doctype html><meta charset="utf-8"><title>journal bench</title><script type="module">${script.replace(/<\/script/gi, '<\\/script')}</script>`,
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: LAB_CHROMIUM_ARGS,
  });
  try {
    const page = await browser.newPage();
    await page.goto(pages.url('/journal-bench.html'));
    await page.waitForFunction(() => 'journalBench' in globalThis);
    type Bench = {
      seed(n: number): Promise<{ dexiePerS: number; rawPerS: number }>;
      importRate(n: number): Promise<{ perS: number; parseMs: number; storeMs: number }>;
      queries(n: number): Promise<
        Record<'firstPage' | 'noFilter' | 'number' | 'name' | 'oneName' | 'dashboard', Timing> & {
          rows: Record<string, number>;
        }
      >;
    };
    const seed = await page.evaluate(
      (n) => (globalThis as unknown as { journalBench: Bench }).journalBench.seed(n),
      CALLS,
    );
    const q = await page.evaluate(
      (n) => (globalThis as unknown as { journalBench: Bench }).journalBench.queries(n),
      REPEATS,
    );
    const imp = await page.evaluate(
      (n) => (globalThis as unknown as { journalBench: Bench }).journalBench.importRate(n),
      IMPORT,
    );
    console.log(`journal: ${CALLS} calls; rows per query: ${JSON.stringify(q.rows)}`);
    return [
      { name: 'journal.bulk-insert.calls-per-s', value: Math.round(seed.dexiePerS), unit: 'calls/s', target: 'report' },
      {
        name: 'journal.bulk-insert.raw-idb.calls-per-s',
        value: Math.round(seed.rawPerS),
        unit: 'calls/s',
        target: 'baseline, same run',
      },
      ...queryRows('first-page.filtered', q.firstPage, '≤ 50 ms'),
      ...queryRows('first-page.unfiltered', q.noFilter, '≤ 50 ms'),
      ...queryRows('search.number', q.number, '≤ 20 ms'),
      ...queryRows('search.name.two-words', q.name, '≤ 20 ms'),
      ...queryRows('search.name.one-word', q.oneName, '≤ 20 ms'),
      ...queryRows('dashboard', q.dashboard, '≤ 200 ms'),
      {
        name: 'journal.import.calls-per-s',
        value: Math.round(imp.perS),
        unit: 'calls/s',
        target: `report (${IMPORT} rows CSV)`,
      },
      { name: 'journal.import.read-and-check', value: Math.round(imp.parseMs), unit: 'ms', target: '' },
      { name: 'journal.import.store', value: Math.round(imp.storeMs), unit: 'ms', target: '' },
    ];
  } finally {
    await browser.close();
    await pages.close();
  }
}

// `npx tsx tests/bench/journal.ts` runs this part alone.
if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const { printRows, saveRows } = await import('./results');
  const rows = await journalRows();
  printRows(rows);
  await saveRows(rows);
}
