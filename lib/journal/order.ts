/** Newest first; calls of the same millisecond by id, highest first (as a reversed index walks them). */
export function byNewest(a: { startedAt: number; id: string }, b: { startedAt: number; id: string }): number {
  return b.startedAt - a.startedAt || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);
}

/** Merges newest-first lists into one, each call once, cut to `limit`. */
export function mergeNewest<T extends { startedAt: number; id: string }>(lists: readonly T[][], limit: number): T[] {
  const seen = new Set<string>();
  return lists
    .flat()
    .sort(byNewest)
    .filter((c) => !seen.has(c.id) && (seen.add(c.id), true))
    .slice(0, limit);
}
