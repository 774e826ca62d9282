import { byNewest } from './order';
import type { CallRecord } from '../call/types';
import type { CallDb } from '../store/call-db';
import type { StoredCall } from '../store/stored-call';
import {
  perDay,
  periodsAt,
  serviceLevel,
  totals,
  type DayFigures,
  type Periods,
  type ServiceLevel,
  type Totals,
} from './analytics';

/** The period the service-level figures cover. */
export const SLA_PERIODS = ['today', 'week', 'month'] as const;
/** One of {@link SLA_PERIODS}. */
export type SlaPeriod = (typeof SLA_PERIODS)[number];

/** Everything the dashboard shows. */
export interface Dashboard<T extends CallRecord = CallRecord> {
  periods: Periods;
  totals: Totals;
  days: DayFigures[];
  /** Today's calls, newest first. */
  today: T[];
  service: ServiceLevel;
}

/**
 * Computes the dashboard from the calls it needs: one `startedAt` index range from the earlier of
 * this week's and this month's start to the end of the month, never the whole journal.
 */
export function dashboardFrom<T extends CallRecord>(
  calls: readonly T[],
  p: Periods,
  slaSeconds: number,
  slaPeriod: SlaPeriod,
): Dashboard<T> {
  const since = slaPeriod === 'today' ? p.dayStart : slaPeriod === 'week' ? p.weekStart : p.monthStart;
  return {
    periods: p,
    totals: totals(calls, p),
    days: perDay(
      calls.filter((c) => c.startedAt >= p.monthStart),
      p,
    ),
    today: calls.filter((c) => c.startedAt >= p.dayStart).sort(byNewest),
    service: serviceLevel(
      calls.filter((c) => c.startedAt >= since),
      slaSeconds,
    ),
  };
}

/** The start of the range {@link dashboardFrom} needs. */
export function dashboardRangeStart(p: Periods): number {
  return Math.min(p.weekStart, p.monthStart);
}

/** Reads the dashboard's range from the store and computes it. */
export async function loadDashboard(
  db: CallDb,
  now: number,
  opts: { slaSeconds: number; slaPeriod: SlaPeriod; firstDayOfWeek?: number },
): Promise<Dashboard<StoredCall>> {
  const p = periodsAt(now, opts.firstDayOfWeek);
  const calls = await db.calls.where('startedAt').between(dashboardRangeStart(p), p.monthEnd, true, false).toArray();
  return dashboardFrom(calls, p, opts.slaSeconds, opts.slaPeriod);
}
