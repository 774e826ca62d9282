import type { CallRecord } from '../call/types';

/**
 * The dashboard's figures: Oktell's "Totals" of the Calls section and Spikon's answered/missed
 * counts, average wait and SLA. Pure functions over the calls of a period (read by index range,
 * see dashboard-data.ts), so they are tested with known answers.
 */

/** Calendar boundaries in the agent's time zone (local time). */
export interface Periods {
  dayStart: number;
  weekStart: number;
  monthStart: number;
  /** Start of the next month: the month's per-day charts end here. */
  monthEnd: number;
}

/**
 * Today, this week and this month around `now`, in local time. `firstDayOfWeek` is 1 for Monday
 * (RU, PL and most of Europe) … 7 for Sunday (US), as `Intl.Locale` week info gives it.
 */
export function periodsAt(now: number, firstDayOfWeek = 1): Periods {
  const d = new Date(now);
  const day = new Date(d.getFullYear(), d.getMonth(), d.getDate());
  const weekday = day.getDay() === 0 ? 7 : day.getDay();
  const back = (weekday - firstDayOfWeek + 7) % 7;
  const week = new Date(day.getFullYear(), day.getMonth(), day.getDate() - back);
  const month = new Date(d.getFullYear(), d.getMonth(), 1);
  const next = new Date(d.getFullYear(), d.getMonth() + 1, 1);
  return { dayStart: day.getTime(), weekStart: week.getTime(), monthStart: month.getTime(), monthEnd: next.getTime() };
}

/** Mean of the values, or null for none (shown as "—", never as 0). */
export function mean(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  return values.reduce((a, b) => a + b, 0) / values.length;
}

const answered = (c: CallRecord) => c.outcome === 'answered';
/** Time to answer: how long an answered inbound call rang before the agent took it. */
const timeToAnswer = (c: CallRecord) =>
  c.direction === 'inbound' && answered(c) && c.ringDurationMs !== undefined ? c.ringDurationMs : undefined;

/** Oktell's week and day totals. */
export interface Totals {
  incomingThisWeek: number;
  outgoingToday: number;
  /** Longest hold of a call this week (ms); null when no call this week was held. */
  maxHoldThisWeekMs: number | null;
  /** Mean talk time of answered calls this week (ms). */
  avgTalkThisWeekMs: number | null;
  /** Mean time to answer of answered inbound calls this week (ms). */
  avgRingThisWeekMs: number | null;
}

/** Totals from the calls of this week (calls outside it are ignored). */
export function totals(weekCalls: readonly CallRecord[], p: Periods): Totals {
  const week = weekCalls.filter((c) => c.startedAt >= p.weekStart);
  const holds = week.map((c) => c.holdDurationMs ?? 0).filter((h) => h > 0);
  return {
    incomingThisWeek: week.filter((c) => c.direction === 'inbound').length,
    outgoingToday: week.filter((c) => c.direction === 'outbound' && c.startedAt >= p.dayStart).length,
    maxHoldThisWeekMs: holds.length > 0 ? Math.max(...holds) : null,
    avgTalkThisWeekMs: mean(week.filter(answered).map((c) => c.talkDurationMs ?? 0)),
    avgRingThisWeekMs: mean(week.map(timeToAnswer).filter((v): v is number => v !== undefined)),
  };
}

/** One day of the month's charts. */
export interface DayFigures {
  /** Day of the month, 1-based. */
  day: number;
  dayStart: number;
  calls: number;
  avgTalkMs: number | null;
  avgRingMs: number | null;
}

/** Per-day mean talk time and mean time to answer for every day of the month. */
export function perDay(monthCalls: readonly CallRecord[], p: Periods): DayFigures[] {
  const days: DayFigures[] = [];
  const start = new Date(p.monthStart);
  for (let i = 1; ; i++) {
    const dayStart = new Date(start.getFullYear(), start.getMonth(), i).getTime();
    if (dayStart >= p.monthEnd) break;
    const dayEnd = new Date(start.getFullYear(), start.getMonth(), i + 1).getTime();
    const calls = monthCalls.filter((c) => c.startedAt >= dayStart && c.startedAt < dayEnd);
    days.push({
      day: i,
      dayStart,
      calls: calls.length,
      avgTalkMs: mean(calls.filter(answered).map((c) => c.talkDurationMs ?? 0)),
      avgRingMs: mean(calls.map(timeToAnswer).filter((v): v is number => v !== undefined)),
    });
  }
  return days;
}

/** Spikon's call-centre figures for the incoming calls of a period. */
export interface ServiceLevel {
  /** Incoming calls the agent could take: answered, missed or turned down (not answered elsewhere). */
  offered: number;
  answered: number;
  missed: number;
  /** Answered within the threshold. */
  answeredInTime: number;
  /** answeredInTime / offered, in percent; null without offered calls. */
  slaPercent: number | null;
  /** Mean time to answer (ms). */
  avgWaitMs: number | null;
  avgTalkMs: number | null;
}

/** Service level: share of offered incoming calls answered within `thresholdSeconds`. */
export function serviceLevel(calls: readonly CallRecord[], thresholdSeconds: number): ServiceLevel {
  const offered = calls.filter(
    (c) =>
      c.direction === 'inbound' && (c.outcome === 'answered' || c.outcome === 'missed' || c.outcome === 'rejected'),
  );
  const took = offered.filter(answered);
  const inTime = took.filter((c) => (c.ringDurationMs ?? 0) <= thresholdSeconds * 1000);
  return {
    offered: offered.length,
    answered: took.length,
    missed: offered.filter((c) => c.outcome === 'missed').length,
    answeredInTime: inTime.length,
    slaPercent: offered.length > 0 ? (inTime.length / offered.length) * 100 : null,
    avgWaitMs: mean(took.map((c) => c.ringDurationMs ?? 0)),
    avgTalkMs: mean(took.map((c) => c.talkDurationMs ?? 0)),
  };
}
