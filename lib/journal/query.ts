import type { Collection, IndexableType } from 'dexie';
import type { CallDb } from '../store/call-db';
import type { StoredCall } from '../store/stored-call';
import type { CallRecord } from '../call/types';

type CallInsert = CallRecord & Partial<StoredCall>;
import { matches, type JournalFilter, type SearchPlan } from './filter';
import { MAX_WORD_LENGTH, PAIR, timeKey, timeOfNameKey } from './name-words';
import { byNewest, mergeNewest } from './order';

/** Where the next page starts: after this call in newest-first order. */
export interface PageCursor {
  startedAt: number;
  id: string;
}

/** One page of history, newest first, and where the next one starts (null: no more). */
export interface HistoryPage {
  calls: StoredCall[];
  next: PageCursor | null;
}

/** Calls newer than the cursor come first in newest-first order; is `c` after `cursor`? */
function afterCursor(c: { startedAt: number; id: string }, cursor: PageCursor | undefined): boolean {
  if (!cursor) return true;
  return c.startedAt < cursor.startedAt || (c.startedAt === cursor.startedAt && c.id < cursor.id);
}

/**
 * The index a filter reads, newest first: the most selective equality the filter has, combined
 * with its date range, so the browser walks only calls of that queue, account, outcome or
 * direction in that range. Everything else the filter asks is checked on the records read.
 */
export function indexFor(f: JournalFilter): { index: string; eq: IndexableType | null } {
  if (f.queue !== undefined) return { index: '[queue+startedAt]', eq: f.queue };
  if (f.account !== undefined) return { index: '[account+startedAt]', eq: f.account };
  if (f.outcome) return { index: '[outcome+startedAt]', eq: f.outcome };
  if (f.direction) return { index: '[direction+startedAt]', eq: f.direction };
  return { index: 'startedAt', eq: null };
}

function rangeOf(db: CallDb, f: JournalFilter, cursor?: PageCursor): Collection<StoredCall, string, CallInsert> {
  const { index, eq } = indexFor(f);
  const lo = f.from ?? -Infinity;
  // The cursor's own time is included: calls started in the same millisecond are told apart by id.
  const hi = Math.min(f.to ?? Infinity, cursor?.startedAt ?? Infinity);
  const inclusiveHi = cursor !== undefined && (f.to === undefined || cursor.startedAt < f.to);
  const where = db.calls.where(index);
  return eq === null ? where.between(lo, hi, true, inclusiveHi) : where.between([eq, lo], [eq, hi], true, inclusiveHi);
}

/**
 * One page of calls matching `f` and the search plan, newest first, starting after `cursor`.
 * Number and name searches read their own indexes (only the matching calls' keys), the rest walks
 * the index chosen by {@link indexFor}.
 */
export async function historyPage(
  db: CallDb,
  f: JournalFilter,
  plan: SearchPlan | null,
  limit: number,
  cursor?: PageCursor,
): Promise<HistoryPage> {
  const calls =
    plan === null
      ? await rangeOf(db, f, cursor)
          .reverse()
          .filter((c) => afterCursor(c, cursor) && matches(c, f, null))
          .limit(limit + 1)
          .toArray()
      : plan.kind === 'number'
        ? await db.calls
            .where('[remoteE164+startedAt]')
            .between(
              [plan.key, f.from ?? -Infinity],
              [plan.key, Math.min(f.to ?? Infinity, cursor?.startedAt ?? Infinity)],
              true,
              true,
            )
            .reverse()
            .filter((c) => afterCursor(c, cursor) && matches(c, f, plan))
            .limit(limit + 1)
            .toArray()
        : plan.kind === 'name'
          ? await namePage(db, f, plan, limit + 1, cursor)
          : await byKeys(db, await searchKeys(db, plan), f, plan, limit + 1, cursor);
  const more = calls.length > limit;
  const page = more ? calls.slice(0, limit) : calls;
  const last = page.at(-1);
  return { calls: page, next: more && last ? { startedAt: last.startedAt, id: last.id } : null };
}

/** Most words one search word may stand for ("ann" → anna, annette…) before a broader plan is used. */
const MAX_EXPANSION = 32;

/**
 * The stored words (or, for a prefix holding a pair separator, pairs) that begin with `prefix`,
 * one index step each; null when there are too many.
 */
export async function storedWords(db: CallDb, prefix: string): Promise<string[] | null> {
  const words: string[] = [];
  let from = prefix;
  while (words.length <= MAX_EXPANSION) {
    const [key] = await db.calls.where('nameKeys').between(from, `${prefix}\uffff`, true, true).limit(1).keys();
    if (typeof key !== 'string') return words;
    const word = key.slice(0, key.indexOf('\u0001'));
    const pair = word.indexOf(PAIR);
    if (pair >= 0 && !prefix.includes(PAIR)) {
      // A word's pair entries follow its own: a search for words skips them all at once.
      from = `${word.slice(0, pair)}\u0003`;
      continue;
    }
    words.push(word);
    from = `${word}\u0002`;
  }
  return null;
}

/**
 * A page of a name search. Index entries end in the call's start time, so the calls of one stored
 * word (or pair of words of one name, "anna\u0002petrova") come out of the index newest first: a
 * page walks a few such ranges backwards and merges them. Two or more words look up their pair
 * first (the two longest, the later one as typed so far); when no name holds both, the longest
 * word is walked and the others checked on the records. Broad prefixes fall back to index keys.
 */
async function namePage(
  db: CallDb,
  f: JournalFilter,
  plan: Extract<SearchPlan, { kind: 'name' }>,
  limit: number,
  cursor?: PageCursor,
): Promise<StoredCall[]> {
  const words = [...new Set(plan.words.map((w) => w.slice(0, MAX_WORD_LENGTH)))];
  if (words.length > 1) {
    const [a, b] = [...words].sort((x, y) => y.length - x.length);
    const pairs = [`${a}${PAIR}${b}`, `${b}${PAIR}${a}`];
    const found = await Promise.all(pairs.map((p) => walkWords(db, p, f, plan, limit, cursor)));
    if (found.some((list) => list !== null && list.length > 0)) {
      return mergeNewest(
        found.map((list) => list ?? []),
        limit,
      );
    }
  }
  const longest = [...words].sort((x, y) => y.length - x.length)[0]!;
  return (
    (await walkWords(db, longest, f, plan, limit, cursor)) ??
    byKeys(db, await searchKeys(db, plan), f, plan, limit, cursor)
  );
}

/**
 * The newest `limit` calls matching the filter among those of every stored word beginning with
 * `prefix`, walking each word's range backwards; null when the prefix stands for too many words.
 */
async function walkWords(
  db: CallDb,
  prefix: string,
  f: JournalFilter,
  plan: SearchPlan,
  limit: number,
  cursor?: PageCursor,
): Promise<StoredCall[] | null> {
  const stored = await storedWords(db, prefix);
  if (stored === null) return null;
  const hi = Math.min(f.to ?? Infinity, cursor?.startedAt ?? Infinity);
  const lists = await Promise.all(
    stored.map((w) =>
      db.calls
        .where('nameKeys')
        .between(
          `${w}\u0001${f.from === undefined ? '' : timeKey(f.from)}`,
          `${w}\u0001${Number.isFinite(hi) ? timeKey(hi) : '\uffff'}`,
          true,
          true,
        )
        .reverse()
        .filter((c) => afterCursor(c, cursor) && matches(c, f, plan))
        .limit(limit)
        .toArray(),
    ),
  );
  return mergeNewest(lists, limit);
}

/** A call's place in newest-first order, as an index gives it without reading the record. */
interface KeyRef {
  startedAt: number;
  id: string;
}

/** The calls a name or number-beginning search finds, from index keys only, newest first. */
export async function searchKeys(db: CallDb, plan: Exclude<SearchPlan, { kind: 'number' }>): Promise<KeyRef[]> {
  const refs = new Map<string, number>();
  if (plan.kind === 'name') {
    const first = [...plan.words].sort((a, b) => b.length - a.length)[0]!.slice(0, MAX_WORD_LENGTH);
    await db.calls
      .where('nameKeys')
      .between(first, `${first}\uffff`, true, true)
      .eachKey((key, cursor) => {
        refs.set(String(cursor.primaryKey), timeOfNameKey(key as string));
      });
  } else {
    for (const prefix of plan.prefixes) {
      await db.calls
        .where('[remoteE164+startedAt]')
        .between([prefix, -Infinity], [`${prefix}\uffff`, Infinity], true, true)
        .eachKey((key, cursor) => {
          refs.set(String(cursor.primaryKey), (key as [string, number])[1]);
        });
    }
  }
  return [...refs].map(([id, startedAt]) => ({ id, startedAt })).sort(byNewest);
}

/** Reads the records of `refs` in order, page-sized chunks at a time, until `limit` match. */
async function byKeys(
  db: CallDb,
  refs: KeyRef[],
  f: JournalFilter,
  plan: SearchPlan,
  limit: number,
  cursor?: PageCursor,
): Promise<StoredCall[]> {
  const out: StoredCall[] = [];
  const todo = refs.filter(
    (r) =>
      afterCursor(r, cursor) &&
      (f.from === undefined || r.startedAt >= f.from) &&
      (f.to === undefined || r.startedAt < f.to),
  );
  for (let i = 0; i < todo.length && out.length < limit; i += limit) {
    const chunk = await db.calls.bulkGet(todo.slice(i, i + limit).map((r) => r.id));
    for (const c of chunk) if (c && matches(c, f, plan) && out.length < limit) out.push(c);
  }
  return out;
}

/** How many calls match: an index count where the filter is one index range, else a scan. */
export async function countMatching(db: CallDb, f: JournalFilter, plan: SearchPlan | null): Promise<number> {
  if (plan === null) {
    const { eq } = indexFor(f);
    const extra = [f.queue, f.account, f.outcome, f.direction].filter((v) => v !== undefined).length;
    const range = rangeOf(db, f);
    return extra <= (eq === null ? 0 : 1) ? range.count() : range.filter((c) => matches(c, f, null)).count();
  }
  if (plan.kind === 'number') {
    return db.calls
      .where('[remoteE164+startedAt]')
      .between([plan.key, f.from ?? -Infinity], [plan.key, f.to ?? Infinity], true, false)
      .filter((c) => matches(c, f, plan))
      .count();
  }
  let n = 0;
  const refs = await searchKeys(db, plan);
  for (let i = 0; i < refs.length; i += 500) {
    const chunk = await db.calls.bulkGet(refs.slice(i, i + 500).map((r) => r.id));
    for (const c of chunk) if (c && matches(c, f, plan)) n++;
  }
  return n;
}

/** Every call matching, newest first, in pages (export, select all). */
export async function* allMatching(
  db: CallDb,
  f: JournalFilter,
  plan: SearchPlan | null,
  pageSize = 500,
): AsyncGenerator<StoredCall[]> {
  let cursor: PageCursor | undefined;
  for (;;) {
    const page = await historyPage(db, f, plan, pageSize, cursor);
    if (page.calls.length > 0) yield page.calls;
    if (!page.next) return;
    cursor = page.next;
  }
}
