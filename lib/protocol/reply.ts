/**
 * How a listener says its work failed. A key of its own, so it cannot be mistaken for a reply
 * that carries a domain `error` field (a failed connection test, a refused dial).
 */
export const REPLY_FAILURE = 'replyFailure';

/**
 * Runs async work for a `runtime.onMessage` listener and answers through `sendResponse`, which
 * works on every browser (returning a Promise does not on older Chrome). A failure is answered as
 * `{ replyFailure: message }` so the sender never waits forever.
 */
export function replyAsync(work: () => Promise<unknown>, sendResponse: (response: unknown) => void): true {
  work().then(
    (result) => sendResponse(result ?? null),
    (e: unknown) => sendResponse({ [REPLY_FAILURE]: e instanceof Error ? e.message : String(e) }),
  );
  return true;
}

/** The failure message of a reply, if the listener failed. */
export function replyFailure(reply: unknown): string | undefined {
  if (typeof reply !== 'object' || reply === null || !(REPLY_FAILURE in reply)) return undefined;
  return String((reply as Record<string, unknown>)[REPLY_FAILURE]);
}
