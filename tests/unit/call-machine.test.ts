import { describe, expect, it } from 'vitest';
import { connect, endCall, outcomeOf, remoteRinging, startCall, type CallStart } from '../../lib/call/machine';

const base: CallStart = {
  id: 'c1',
  direction: 'inbound',
  account: 'sip:1001@pbx',
  localNumber: '1001',
  remoteNumber: '2000',
  remoteName: 'Anna',
  sipCallId: 'abc@host',
  now: 10_000,
};

describe('call state machine', () => {
  it('inbound answered: ring and talk durations, outcome answered', () => {
    const ringing = startCall(base);
    expect(ringing.phase).toBe('ringing');
    const talking = connect(ringing, 13_000);
    expect(talking).toMatchObject({ phase: 'connected', answeredAt: 13_000, ringDurationMs: 3000 });
    const ended = endCall(talking, { by: 'remote' }, 20_500);
    expect(ended).toMatchObject({
      phase: 'ended',
      outcome: 'answered',
      endedAt: 20_500,
      ringDurationMs: 3000,
      talkDurationMs: 7500,
      endReason: 'hangup-remote',
    });
    expect(ended.sipCode).toBeUndefined();
  });

  it('inbound cancelled by the caller is missed; answered elsewhere is told apart', () => {
    const r = startCall(base);
    expect(endCall(r, { by: 'remote' }, 15_000)).toMatchObject({
      outcome: 'missed',
      ringDurationMs: 5000,
      endReason: 'cancelled-remote',
    });
    expect(endCall(r, { by: 'remote', elsewhere: true }, 15_000)).toMatchObject({ outcome: 'answered-elsewhere' });
    expect(endCall(r, { by: 'remote' }, 15_000).talkDurationMs).toBeUndefined();
  });

  it('inbound rejected by the agent keeps the SIP code sent', () => {
    expect(endCall(startCall(base), { by: 'local', sipCode: 486 }, 11_000)).toMatchObject({
      outcome: 'rejected',
      sipCode: 486,
      endReason: 'rejected-local',
    });
  });

  it('outbound: dialing → ringing on 180, busy / declined / failed / cancelled', () => {
    const out = startCall({ ...base, direction: 'outbound' });
    expect(out.phase).toBe('dialing');
    expect(remoteRinging(out).phase).toBe('ringing');
    expect(outcomeOf(out, { by: 'remote', sipCode: 486 })).toEqual({ outcome: 'busy', sipCode: 486 });
    expect(outcomeOf(out, { by: 'remote', sipCode: 600 })).toEqual({ outcome: 'busy', sipCode: 600 });
    expect(outcomeOf(out, { by: 'remote', sipCode: 603 })).toEqual({ outcome: 'rejected', sipCode: 603 });
    expect(outcomeOf(out, { by: 'remote', sipCode: 404 })).toEqual({ outcome: 'failed', sipCode: 404 });
    expect(outcomeOf(out, { by: 'local' })).toEqual({ outcome: 'cancelled' });
    expect(outcomeOf(out, { by: 'system', reason: 'no-microphone' })).toEqual({ outcome: 'failed' });
  });

  it('ignores transitions that cannot happen', () => {
    const ended = endCall(startCall(base), { by: 'remote' }, 12_000);
    expect(connect(ended, 13_000)).toBe(ended);
    expect(endCall(ended, { by: 'local' }, 14_000)).toBe(ended);
    const talking = connect(startCall(base), 11_000);
    expect(remoteRinging(talking)).toBe(talking);
    expect(connect(talking, 12_000)).toBe(talking);
  });

  it('a system failure records its reason', () => {
    expect(endCall(startCall(base), { by: 'system', reason: 'no-microphone' }, 12_000)).toMatchObject({
      outcome: 'failed',
      endReason: 'no-microphone',
    });
  });
});

describe('a caller turned away while the agent is busy', () => {
  it('is a missed call with its reason, so the agent can call back', () => {
    const turnedAway = endCall(startCall(base), { by: 'remote', reason: 'busy-here' }, 10_500);
    expect(turnedAway).toMatchObject({ outcome: 'missed', endReason: 'busy-here' });
  });
});
