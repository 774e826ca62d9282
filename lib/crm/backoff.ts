/** First retry of a CRM write after a transient failure. */
export const FIRST_RETRY_MS = 5_000;
/** Longest wait between retries: a CRM that is down for hours is still tried every ten minutes. */
export const MAX_RETRY_MS = 10 * 60_000;

/**
 * When to try a failed write again: doubling from {@link FIRST_RETRY_MS} up to
 * {@link MAX_RETRY_MS}, spread by ±20 % so many agents' outboxes do not hit a recovering CRM at
 * the same moment, and never sooner than the CRM asked (Retry-After).
 */
export function retryDelay(attempts: number, retryAfterMs = 0, random: () => number = Math.random): number {
  const base = Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
  const jittered = base * (0.8 + 0.4 * random());
  return Math.round(Math.max(jittered, retryAfterMs));
}
