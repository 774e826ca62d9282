import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import type { CallRecord } from '../../lib/call/types';
import { mean, perDay, periodsAt, serviceLevel, totals } from '../../lib/journal/analytics';
import { dashboardFrom, loadDashboard } from '../../lib/journal/dashboard-data';
import { CallDb } from '../../lib/store/call-db';
import { generateCalls } from '../support/journal-data';

// Wednesday 17 June 2026, 15:00 local time.
const NOW = new Date(2026, 5, 17, 15, 0).getTime();
const at = (day: number, hour: number, min = 0) => new Date(2026, 5, day, hour, min).getTime();

let n = 0;
function call(over: Partial<CallRecord> & Pick<CallRecord, 'direction' | 'outcome' | 'startedAt'>): CallRecord {
  n++;
  return {
    id: `c${n}`,
    phase: 'ended',
    account: 'sip:1001@pbx',
    localNumber: '1001',
    remoteNumber: `+7495000000${n % 10}`,
    remoteName: '',
    sipCallId: `c${n}@x`,
    ...over,
  };
}

// Monday 15 June … today: the week. 1 June: same month, earlier week. 31 May: previous month.
const CALLS: CallRecord[] = [
  call({
    direction: 'inbound',
    outcome: 'answered',
    startedAt: at(15, 9),
    ringDurationMs: 4000,
    talkDurationMs: 60_000,
    holdDurationMs: 5000,
  }),
  call({
    direction: 'inbound',
    outcome: 'answered',
    startedAt: at(16, 10),
    ringDurationMs: 25_000,
    talkDurationMs: 120_000,
    holdDurationMs: 42_000,
  }),
  call({ direction: 'inbound', outcome: 'missed', startedAt: at(17, 8), ringDurationMs: 30_000 }),
  call({ direction: 'inbound', outcome: 'rejected', startedAt: at(17, 9), ringDurationMs: 3000 }),
  call({ direction: 'inbound', outcome: 'answered-elsewhere', startedAt: at(17, 11), ringDurationMs: 6000 }),
  call({
    direction: 'outbound',
    outcome: 'answered',
    startedAt: at(17, 12),
    ringDurationMs: 8000,
    talkDurationMs: 30_000,
  }),
  call({ direction: 'outbound', outcome: 'busy', startedAt: at(17, 13), ringDurationMs: 1000 }),
  call({
    direction: 'outbound',
    outcome: 'answered',
    startedAt: at(16, 12),
    ringDurationMs: 9000,
    talkDurationMs: 90_000,
  }),
  call({
    direction: 'inbound',
    outcome: 'answered',
    startedAt: at(1, 12),
    ringDurationMs: 10_000,
    talkDurationMs: 300_000,
    holdDurationMs: 99_000,
  }),
  call({
    direction: 'inbound',
    outcome: 'answered',
    startedAt: new Date(2026, 4, 31, 12).getTime(),
    ringDurationMs: 1000,
    talkDurationMs: 1000,
  }),
];

describe('dashboard periods', () => {
  it('starts the week on the locale first day, in local time', () => {
    const p = periodsAt(NOW, 1);
    expect(new Date(p.dayStart)).toEqual(new Date(2026, 5, 17));
    expect(new Date(p.weekStart)).toEqual(new Date(2026, 5, 15));
    expect(new Date(p.monthStart)).toEqual(new Date(2026, 5, 1));
    expect(new Date(p.monthEnd)).toEqual(new Date(2026, 6, 1));
    expect(new Date(periodsAt(NOW, 7).weekStart)).toEqual(new Date(2026, 5, 14));
    // A Sunday is the last day of a Monday week.
    expect(new Date(periodsAt(new Date(2026, 5, 21, 23).getTime(), 1).weekStart)).toEqual(new Date(2026, 5, 15));
  });
});

describe('Oktell totals', () => {
  const p = periodsAt(NOW, 1);
  it('counts this week and today, and averages answered calls only', () => {
    expect(totals(CALLS, p)).toEqual({
      incomingThisWeek: 5,
      outgoingToday: 2,
      maxHoldThisWeekMs: 42_000,
      // Answered this week: 60 s, 120 s, 30 s, 90 s.
      avgTalkThisWeekMs: 75_000,
      // Answered inbound this week rang 4 s and 25 s.
      avgRingThisWeekMs: 14_500,
    });
  });
  it('has one bar per day of the month, empty days without a value', () => {
    const days = perDay(
      CALLS.filter((c) => c.startedAt >= p.monthStart),
      p,
    );
    expect(days).toHaveLength(30);
    expect(days[0]).toMatchObject({ day: 1, calls: 1, avgTalkMs: 300_000, avgRingMs: 10_000 });
    expect(days[15]).toMatchObject({ day: 16, calls: 2, avgTalkMs: 105_000, avgRingMs: 25_000 });
    expect(days[16]).toMatchObject({ day: 17, calls: 5, avgTalkMs: 30_000, avgRingMs: null });
    expect(days[1]).toMatchObject({ day: 2, calls: 0, avgTalkMs: null, avgRingMs: null });
  });
});

describe('Spikon service level', () => {
  it('is the share of offered calls answered within N seconds', () => {
    const week = CALLS.filter((c) => c.startedAt >= periodsAt(NOW, 1).weekStart);
    // Offered: 2 answered + 1 missed + 1 rejected (answered elsewhere is not the agent's).
    expect(serviceLevel(week, 20)).toEqual({
      offered: 4,
      answered: 2,
      missed: 1,
      answeredInTime: 1,
      slaPercent: 25,
      avgWaitMs: 14_500,
      avgTalkMs: 90_000,
    });
    expect(serviceLevel(week, 25).slaPercent).toBe(50);
    expect(serviceLevel([], 20).slaPercent).toBeNull();
  });
});

describe('dashboard from the store', () => {
  it('reads only its index range and agrees with the figures over a generated journal', async () => {
    const gen = generateCalls(4000, NOW, 90 * 86_400_000, 3, 200);
    const db = new CallDb({ indexedDB: new IDBFactory(), IDBKeyRange });
    await db.calls.bulkPut(gen);
    const board = await loadDashboard(db, NOW, { slaSeconds: 20, slaPeriod: 'week', firstDayOfWeek: 1 });
    const p = periodsAt(NOW, 1);
    const week = gen.filter((c) => c.startedAt >= p.weekStart && c.startedAt < p.monthEnd);
    // Brute force over every generated call.
    expect(board.totals.incomingThisWeek).toBe(week.filter((c) => c.direction === 'inbound').length);
    expect(board.totals.avgTalkThisWeekMs).toBeCloseTo(
      mean(week.filter((c) => c.outcome === 'answered').map((c) => c.talkDurationMs!))!,
      6,
    );
    const inTime = week.filter(
      (c) => c.direction === 'inbound' && c.outcome === 'answered' && c.ringDurationMs! <= 20_000,
    );
    const offered = week.filter(
      (c) => c.direction === 'inbound' && ['answered', 'missed', 'rejected'].includes(c.outcome!),
    );
    expect(board.service.slaPercent).toBeCloseTo((inTime.length / offered.length) * 100, 6);
    expect(board.today.length).toBe(gen.filter((c) => c.startedAt >= p.dayStart).length);
    expect(board.days.reduce((s, d) => s + d.calls, 0)).toBe(gen.filter((c) => c.startedAt >= p.monthStart).length);
    expect(dashboardFrom(CALLS, p, 20, 'today').service.offered).toBe(2);
    db.close();
  });
});
