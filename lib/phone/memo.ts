/**
 * A bounded memo that keeps recently used entries. CRM tables repeat the same numbers on every
 * page, so parsing each distinct candidate once pays; the bound keeps a long-lived background
 * small. Two generations instead of a strict LRU list: a hit costs one or two `Map.get`s and no
 * re-insertion, and an entry used in the last `capacity / 2` insertions is never dropped.
 */
export class LruMemo<V> {
  #young = new Map<string, V>();
  #old = new Map<string, V>();
  readonly #generation: number;

  /** @param capacity Most entries kept (at least 2). */
  constructor(readonly capacity: number) {
    this.#generation = Math.max(1, Math.floor(capacity / 2));
  }

  /** The value for `key`, computing and storing it on a miss. */
  get(key: string, compute: () => V): V {
    const young = this.#young.get(key);
    if (young !== undefined || this.#young.has(key)) return young as V;
    const value = this.#old.has(key) ? (this.#old.get(key) as V) : compute();
    if (this.#young.size >= this.#generation) {
      this.#old = this.#young;
      this.#young = new Map();
    }
    this.#young.set(key, value);
    return value;
  }

  /** Number of distinct entries held (at most `capacity`). */
  get size(): number {
    let n = this.#young.size;
    for (const key of this.#old.keys()) if (!this.#young.has(key)) n += 1;
    return n;
  }
}
