import { describe, expect, it } from 'vitest';
import { serialQueue } from '../../lib/async/serial';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('serial queue', () => {
  it('runs tasks one at a time in call order, even when a later one would finish first', async () => {
    const serial = serialQueue();
    const log: string[] = [];
    const slow = serial(async () => {
      log.push('slow start');
      await tick(30);
      log.push('slow end');
      return 1;
    });
    const fast = serial(() => {
      log.push('fast');
      return Promise.resolve(2);
    });
    expect(await Promise.all([slow, fast])).toEqual([1, 2]);
    expect(log).toEqual(['slow start', 'slow end', 'fast']);
  });

  it('a failure rejects only its own caller', async () => {
    const serial = serialQueue();
    const bad = serial(() => Promise.reject(new Error('boom')));
    const good = serial(() => Promise.resolve('ok'));
    await expect(bad).rejects.toThrow('boom');
    await expect(good).resolves.toBe('ok');
  });
});
