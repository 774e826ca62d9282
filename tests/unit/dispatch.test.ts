import { describe, expect, it } from 'vitest';
import { runEngineCommand } from '../../lib/engine/dispatch';
import { fakeEngine } from '../support/engine-fake';

const account = {
  wsServer: 'wss://pbx/ws',
  sipUri: 'sip:1@pbx',
  authUser: '',
  password: 'p',
  displayName: '',
  iceServers: [],
};

describe('engine command dispatch', () => {
  it('sends each command to its engine method with its arguments, and returns the answer', async () => {
    const engine = fakeEngine();
    expect(await runEngineCommand(engine, { type: 'dial', number: '2000' })).toEqual({ ok: true, callId: 'c1' });
    await runEngineCommand(engine, { type: 'answer', callId: 'a' });
    await runEngineCommand(engine, { type: 'reject', callId: 'b' });
    await runEngineCommand(engine, { type: 'hangup', callId: 'c' });
    await runEngineCommand(engine, { type: 'getStats', callId: 'd' });
    await runEngineCommand(engine, { type: 'prepareCall' });
    await runEngineCommand(engine, { type: 'configure', account: null });
    expect(await runEngineCommand(engine, { type: 'testConnection', account })).toEqual({ ok: true });
    expect(await runEngineCommand(engine, { type: 'getState' })).toMatchObject({ calls: [] });
    expect(engine.calls).toEqual([
      ['dial', '2000'],
      ['answer', 'a'],
      ['reject', 'b'],
      ['hangup', 'c'],
      ['getStats', 'd'],
      ['prepareCall'],
      ['configure', null],
      ['testConnection', account],
      ['getState'],
    ]);
  });
});
