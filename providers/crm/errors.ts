/** Why a CRM request failed, as the contract in `types.ts` defines each case. */
export const CRM_ERROR_CODES = [
  'timeout',
  'unreachable',
  'auth',
  'forbidden',
  'rate-limited',
  'server',
  'bad-response',
  'not-found',
  'invalid',
  'unsupported',
  'config',
  'permission',
] as const;
/** One of {@link CRM_ERROR_CODES}. */
export type CrmErrorCode = (typeof CRM_ERROR_CODES)[number];

/** Failures that may pass by themselves: the outbox retries them with backoff. */
const TRANSIENT: ReadonlySet<CrmErrorCode> = new Set(['timeout', 'unreachable', 'rate-limited', 'server']);

/**
 * A CRM request that failed, with a code the UI turns into words (`crmError_<code>`). The message
 * is for the debug log: it never carries a token or a full URL with credentials.
 */
export class CrmError extends Error {
  override readonly name = 'CrmError';

  constructor(
    readonly code: CrmErrorCode,
    message: string = code,
    /** How long the CRM asked us to wait (rate limits). */
    readonly retryAfterMs?: number,
    /** The HTTP status, when there was one. */
    readonly status?: number,
  ) {
    super(message);
  }

  /** True when trying again later may succeed without anyone changing anything. */
  get transient(): boolean {
    return TRANSIENT.has(this.code);
  }
}

/** Any thrown value as a {@link CrmError} (an unknown failure counts as a malformed answer). */
export function asCrmError(e: unknown): CrmError {
  if (e instanceof CrmError) return e;
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return new CrmError('timeout');
  return new CrmError('bad-response', e instanceof Error ? e.message : String(e));
}

/** A rejected promise with {@link unsupported}'s error, for methods that never get to a request. */
export function rejectUnsupported(what: string): Promise<never> {
  return Promise.reject(new CrmError('unsupported', `${what} is not supported by this CRM`));
}

/** The error an adapter throws for a capability it does not declare. */
export function unsupported(what: string): never {
  throw new CrmError('unsupported', `${what} is not supported by this CRM`);
}
