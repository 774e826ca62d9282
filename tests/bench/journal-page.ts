// Runs in Chromium (bundled by tests/bench/journal.ts): the journal's own query code on Dexie, and
// the same query plans written against raw IndexedDB, over one database of generated calls.
import { dashboardFrom, dashboardRangeStart } from '../../lib/journal/dashboard-data';
import { periodsAt } from '../../lib/journal/analytics';
import { exportCsv, previewImport } from '../../lib/journal/exchange-files';
import { matches, planSearch, type JournalFilter, type SearchPlan } from '../../lib/journal/filter';
import { importCalls } from '../../lib/journal/import-store';
import { loadDashboard } from '../../lib/journal/dashboard-data';
import { MAX_WORD_LENGTH, PAIR } from '../../lib/journal/name-words';
import { mergeNewest } from '../../lib/journal/order';
import { numberKey, numberNormaliser, type Numbering } from '../../lib/journal/number-key';
import { historyPage, indexFor } from '../../lib/journal/query';
import { phone } from '../../lib/phone/default-kit';
import { DEFAULT_DIAL_RULES } from '../../lib/phone/dial-rules';
import { CALL_DB_NAME, CallDb } from '../../lib/store/call-db';
import type { StoredCall } from '../../lib/store/stored-call';
import { generateCalls } from '../support/journal-data';

const RU: Numbering = { country: 'RU', dialRules: DEFAULT_DIAL_RULES };
const DAY = 86_400_000;
const PAGE = 100;
const NOW = Date.now();
const db = new CallDb({ normalise: numberNormaliser(phone, RU) });
const toKey = (q: string) => numberKey(phone, RU, q, 'inbound') || null;
let raw: IDBDatabase;

const req = <T>(r: IDBRequest<T>) =>
  new Promise<T>((ok, fail) => {
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(new Error(String(r.error)));
  });

/** Raw IndexedDB: walk an index range newest first, keep records passing `keep`, stop at `limit`. */
function rawWalk(
  index: string,
  range: IDBKeyRange,
  keep: (c: StoredCall) => boolean,
  limit: number,
): Promise<StoredCall[]> {
  return new Promise((ok, fail) => {
    const out: StoredCall[] = [];
    const r = raw.transaction('calls').objectStore('calls').index(index).openCursor(range, 'prev');
    r.onerror = () => fail(new Error(String(r.error)));
    r.onsuccess = () => {
      const cur = r.result;
      if (!cur) return ok(out);
      const c = cur.value as StoredCall;
      if (keep(c)) out.push(c);
      if (out.length >= limit) return ok(out);
      cur.continue();
    };
  });
}

/** Raw IndexedDB version of the history page query: the same index choice and checks. */
async function rawPage(f: JournalFilter, plan: SearchPlan | null, limit: number): Promise<StoredCall[]> {
  const lo = f.from ?? -Infinity;
  const hi = f.to ?? Infinity;
  if (plan === null) {
    const { index, eq } = indexFor(f);
    const range =
      eq === null ? IDBKeyRange.bound(lo, hi, false, true) : IDBKeyRange.bound([eq, lo], [eq, hi], false, true);
    return rawWalk(index, range, (c) => matches(c, f, null), limit);
  }
  if (plan.kind === 'number') {
    return rawWalk(
      '[remoteE164+startedAt]',
      IDBKeyRange.bound([plan.key, lo], [plan.key, hi]),
      (c) => matches(c, f, plan),
      limit,
    );
  }
  if (plan.kind !== 'name') throw new Error('not benchmarked');
  return rawNamePage(f, plan, limit);
}

/** The name search's plan (see namePage in query.ts) on raw IndexedDB. */
async function rawNamePage(
  f: JournalFilter,
  plan: Extract<SearchPlan, { kind: 'name' }>,
  limit: number,
): Promise<StoredCall[]> {
  const words = [...new Set(plan.words.map((w) => w.slice(0, MAX_WORD_LENGTH)))];
  const byLength = [...words].sort((x, y) => y.length - x.length);
  if (words.length > 1) {
    const [a, b] = byLength;
    const found = await Promise.all([`${a}${PAIR}${b}`, `${b}${PAIR}${a}`].map((p) => rawWalkWords(p, f, plan, limit)));
    if (found.some((l) => l.length > 0)) return mergeNewest(found, limit);
  }
  return rawWalkWords(byLength[0]!, f, plan, limit);
}

/** Stored words under `prefix` by a key cursor that jumps from word to word, then newest-first walks. */
async function rawWalkWords(prefix: string, f: JournalFilter, plan: SearchPlan, limit: number): Promise<StoredCall[]> {
  const stored: string[] = [];
  await new Promise<void>((ok, fail) => {
    const r = raw
      .transaction('calls')
      .objectStore('calls')
      .index('nameKeys')
      .openKeyCursor(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
    r.onerror = () => fail(new Error(String(r.error)));
    r.onsuccess = () => {
      const cur = r.result;
      if (!cur) return ok();
      const key = cur.key as string;
      const word = key.slice(0, key.indexOf('\u0001'));
      const pair = word.indexOf(PAIR);
      if (pair >= 0 && !prefix.includes(PAIR)) return cur.continue(`${word.slice(0, pair)}\u0003`);
      stored.push(word);
      cur.continue(`${word}\u0002`);
    };
  });
  const lists = await Promise.all(
    stored.map((w) =>
      rawWalk('nameKeys', IDBKeyRange.bound(`${w}\u0001`, `${w}\u0001\uffff`), (c) => matches(c, f, plan), limit),
    ),
  );
  return mergeNewest(lists, limit);
}

async function rawDashboard(slaSeconds: number) {
  const p = periodsAt(NOW, 1);
  const calls = await req(
    raw
      .transaction('calls')
      .objectStore('calls')
      .index('startedAt')
      .getAll(IDBKeyRange.bound(dashboardRangeStart(p), p.monthEnd, false, true)) as IDBRequest<StoredCall[]>,
  );
  return dashboardFrom(calls, p, slaSeconds, 'week');
}

/** Timed alternately, so load on the machine hits both sides alike; medians and p95 in ms. */
async function compare(n: number, ours: () => Promise<unknown>, base: () => Promise<unknown>) {
  const a: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < 3; i++) {
    await ours();
    await base();
  }
  for (let i = 0; i < n; i++) {
    let t = performance.now();
    await ours();
    a.push(performance.now() - t);
    t = performance.now();
    await base();
    b.push(performance.now() - t);
  }
  const q = (v: number[], p: number) =>
    [...v].sort((x, y) => x - y)[Math.min(v.length - 1, Math.ceil((p / 100) * v.length) - 1)]!;
  return { ours50: q(a, 50), ours95: q(a, 95), base50: q(b, 50), base95: q(b, 95) };
}

const bench = {
  /** Fills the store with `count` calls over a year; returns calls/s for Dexie and for raw puts. */
  async seed(count: number) {
    await db.delete();
    await db.open();
    const calls = generateCalls(count, NOW, 365 * DAY, 42, 5000);
    const chunk = 5000;
    let t = performance.now();
    for (let i = 0; i < calls.length; i += chunk) {
      await db.transaction('rw', db.calls, () => db.calls.bulkAdd(calls.slice(i, i + chunk)));
    }
    const dexieMs = performance.now() - t;
    // Baseline: the same records (with the fields the store derives) put by raw IndexedDB into a
    // copy of the same schema.
    const stored = await db.calls.toArray();
    const copy = await copyDb();
    t = performance.now();
    for (let i = 0; i < stored.length; i += chunk) {
      const tx = copy.transaction('calls', 'readwrite');
      const s = tx.objectStore('calls');
      for (const c of stored.slice(i, i + chunk)) s.put(c);
      await new Promise<void>((ok, fail) => {
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(new Error(String(tx.error)));
      });
    }
    const rawMs = performance.now() - t;
    copy.close();
    indexedDB.deleteDatabase('bench-copy');
    raw = await req(indexedDB.open(CALL_DB_NAME));
    return { count, dexiePerS: (count / dexieMs) * 1000, rawPerS: (count / rawMs) * 1000 };
  },

  /** Reads and imports a CSV of `count` new calls: calls/s through preview and store. */
  async importRate(count: number) {
    const calls = generateCalls(count, NOW, 30 * DAY, 99, 5000).map((c) => ({ ...c, id: `imp-${c.id}` }));
    const data = new TextEncoder().encode(exportCsv(calls.map((c) => ({ ...c, remoteE164: '' })))).buffer;
    const t = performance.now();
    const preview = await previewImport(data);
    const parsed = performance.now();
    await importCalls(db, preview.calls);
    const done = performance.now();
    if (preview.calls.length !== count) throw new Error(`import read ${preview.calls.length} of ${count}`);
    return { perS: (count / (done - t)) * 1000, parseMs: parsed - t, storeMs: done - parsed };
  },

  async queries(n: number) {
    const firstPage: JournalFilter = { direction: 'inbound', outcome: 'missed', from: NOW - 30 * DAY };
    const noFilter: JournalFilter = {};
    const number = planSearch('8 (495) 000-07-00', toKey);
    const name = planSearch('Anna Petrova', toKey);
    const oneName = planSearch('Kowalski', toKey);
    const check = async (f: JournalFilter, plan: SearchPlan | null) => {
      const a = (await historyPage(db, f, plan, PAGE)).calls.map((c) => c.id);
      const b = (await rawPage(f, plan, PAGE)).map((c) => c.id);
      if (a.join() !== b.join()) throw new Error(`Dexie and raw disagree on ${JSON.stringify(f)}`);
      return a.length;
    };
    const rows = {
      firstPage: await check(firstPage, null),
      noFilter: await check(noFilter, null),
      number: await check({}, number),
      name: await check({}, name),
      oneName: await check({}, oneName),
    };
    return {
      rows,
      firstPage: await compare(
        n,
        () => historyPage(db, firstPage, null, PAGE),
        () => rawPage(firstPage, null, PAGE),
      ),
      noFilter: await compare(
        n,
        () => historyPage(db, noFilter, null, PAGE),
        () => rawPage(noFilter, null, PAGE),
      ),
      number: await compare(
        n,
        () => historyPage(db, {}, number, PAGE),
        () => rawPage({}, number, PAGE),
      ),
      name: await compare(
        n,
        () => historyPage(db, {}, name, PAGE),
        () => rawPage({}, name, PAGE),
      ),
      oneName: await compare(
        n,
        () => historyPage(db, {}, oneName, PAGE),
        () => rawPage({}, oneName, PAGE),
      ),
      dashboard: await compare(
        Math.max(5, Math.floor(n / 3)),
        () => loadDashboard(db, NOW, { slaSeconds: 20, slaPeriod: 'week', firstDayOfWeek: 1 }),
        () => rawDashboard(20),
      ),
    };
  },
};

/** An empty database with the store's current schema (indexes included), for the raw baseline. */
async function copyDb(): Promise<IDBDatabase> {
  const src = await req(indexedDB.open(CALL_DB_NAME));
  const store = src.transaction('calls').objectStore('calls');
  const indexes = [...store.indexNames].map((n) => {
    const i = store.index(n);
    return { n, keyPath: i.keyPath, multiEntry: i.multiEntry };
  });
  src.close();
  await req(indexedDB.deleteDatabase('bench-copy'));
  const open = indexedDB.open('bench-copy', 1);
  open.onupgradeneeded = () => {
    const s = open.result.createObjectStore('calls', { keyPath: 'id' });
    for (const i of indexes) s.createIndex(i.n, i.keyPath, { multiEntry: i.multiEntry });
  };
  return req(open);
}

(globalThis as unknown as { journalBench: typeof bench }).journalBench = bench;
