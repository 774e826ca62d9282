import type { EngineApi } from '../../lib/engine/api';
import { UNCONFIGURED } from '../../lib/engine/registration';

/** An EngineApi that records what it was asked, for tests of the channels around the engine. */
export function fakeEngine(): EngineApi & { calls: Array<[string, ...unknown[]]> } {
  const calls: Array<[string, ...unknown[]]> = [];
  const record =
    <T>(name: string, result: T) =>
    (...args: unknown[]) => {
      calls.push([name, ...args]);
      return Promise.resolve(result);
    };
  return {
    calls,
    configure: record('configure', undefined),
    prepareCall: record('prepareCall', undefined),
    dial: record('dial', { ok: true as const, callId: 'c1' }),
    answer: record('answer', undefined),
    reject: record('reject', undefined),
    hangup: record('hangup', undefined),
    getState: record('getState', { registration: UNCONFIGURED, calls: [] }),
    getStats: record('getStats', null),
    testConnection: record('testConnection', { ok: true }),
  };
}
