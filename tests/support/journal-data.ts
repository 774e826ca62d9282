import type { CallDirection, CallOutcome, CallRecord } from '../../lib/call/types';
import { prng } from './prng';

const FIRST = ['Anna', 'Ivan', 'Olga', 'Piotr', 'Maria', 'Jan', 'Elena', 'Sergey', 'Kasia', 'Dmitry', 'Zofia', 'Oleg'];
const LAST = ['Petrova', 'Kowalski', 'Smirnov', 'Nowak', 'Ivanova', 'Wiśniewska', 'Volkov', 'Lewandowski'];
const COMPANY = ['Samarasoft', 'Polmex', 'Vostok Trade', 'Baltic Parts', ''];

/** One generated call: plain record fields, with durations consistent with the outcome. */
export function makeCall(i: number, rnd: () => number, start: number, spanMs: number, numbers = 5000): CallRecord {
  const direction: CallDirection = rnd() < 0.6 ? 'inbound' : 'outbound';
  const roll = rnd();
  const outcome: CallOutcome =
    direction === 'inbound'
      ? roll < 0.75
        ? 'answered'
        : roll < 0.93
          ? 'missed'
          : 'rejected'
      : roll < 0.7
        ? 'answered'
        : roll < 0.85
          ? 'busy'
          : 'cancelled';
  const startedAt = start + Math.floor(rnd() * spanMs);
  const ring = Math.floor(2000 + rnd() * 30_000);
  const talk = outcome === 'answered' ? Math.floor(5000 + rnd() * 600_000) : undefined;
  const n = Math.floor(rnd() * numbers);
  const national = `495${String(n * 7).padStart(7, '0')}`;
  const name = rnd() < 0.8 ? `${FIRST[n % FIRST.length]} ${LAST[(n >> 3) % LAST.length]}` : '';
  const company = COMPANY[n % COMPANY.length]!;
  return {
    id: `gen-${i.toString(36).padStart(6, '0')}`,
    direction,
    phase: 'ended',
    account: n % 3 === 0 ? 'sip:1002@pbx' : 'sip:1001@pbx',
    localNumber: '1001',
    // Inbound caller IDs arrive in the forms PBXs send; outbound ones are as dialled (+7…).
    remoteNumber: direction === 'inbound' ? (n % 2 ? `8${national}` : `+7${national}`) : `+7${national}`,
    remoteName: name,
    startedAt,
    ...(talk !== undefined ? { answeredAt: startedAt + ring, talkDurationMs: talk } : {}),
    endedAt: startedAt + ring + (talk ?? 0),
    ringDurationMs: ring,
    outcome,
    ...(outcome === 'busy' ? { sipCode: 486 } : {}),
    endReason: outcome === 'answered' ? 'hangup-remote' : 'cancelled-remote',
    sipCallId: `sip-${i}@gen`,
    ...(talk !== undefined && rnd() < 0.2 ? { holdDurationMs: Math.floor(rnd() * 60_000) } : {}),
    ...(n % 4 === 0 ? { queue: n % 8 === 0 ? 'sales' : 'support' } : {}),
    ...(company && name ? { companyName: company } : {}),
  };
}

/** `count` generated calls spread over `spanMs` before `end`. */
export function generateCalls(count: number, end: number, spanMs: number, seed = 42, numbers = 5000): CallRecord[] {
  const rnd = prng(seed);
  return Array.from({ length: count }, (_, i) => makeCall(i, rnd, end - spanMs, spanMs, numbers));
}
