import type { CrmDb } from '../../../lib/store/crm-db';

/**
 * Short-lived answers of CRM lookups and related records, in memory (a ringing call finds them
 * synchronously) and in IndexedDB (they survive a service-worker restart). Entries older than the
 * TTL are never returned.
 */
export class CrmCache {
  private readonly memory = new Map<string, { value: unknown; at: number }>();

  constructor(private readonly db: CrmDb) {}

  /** A fresh entry from memory, synchronously. */
  peek<T>(key: string, ttlMs: number): T | undefined {
    const hit = this.memory.get(key);
    return hit && Date.now() - hit.at <= ttlMs ? (hit.value as T) : undefined;
  }

  /** A fresh entry from memory or IndexedDB. */
  async get<T>(key: string, ttlMs: number): Promise<T | undefined> {
    const hit = this.peek<T>(key, ttlMs);
    if (hit !== undefined || ttlMs <= 0) return hit;
    const stored = await this.db.cache.get(key).catch(() => undefined);
    if (!stored || Date.now() - stored.at > ttlMs) return undefined;
    this.memory.set(key, { value: stored.value, at: stored.at });
    return stored.value as T;
  }

  async set(key: string, value: unknown, ttlMs: number): Promise<void> {
    if (ttlMs <= 0) return;
    const at = Date.now();
    this.memory.set(key, { value, at });
    if (this.memory.size > 500) this.memory.delete(this.memory.keys().next().value as string);
    await this.db.cache.put({ key, value, at }).catch(() => undefined);
  }

  /** Forgets every entry whose key starts with `prefix` (a number whose records changed). */
  async drop(prefix: string): Promise<void> {
    for (const key of [...this.memory.keys()]) if (key.startsWith(prefix)) this.memory.delete(key);
    await this.db.cache
      .where('key')
      .startsWith(prefix)
      .delete()
      .catch(() => undefined);
  }

  /** Removes entries older than a day from IndexedDB. */
  async prune(): Promise<void> {
    await this.db.cache
      .where('at')
      .below(Date.now() - 86_400_000)
      .delete()
      .catch(() => undefined);
  }
}
