import { CrmError } from './errors';

/** One JSON request to a CRM. */
export interface JsonRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  headers?: Record<string, string>;
  /** Serialised as JSON. */
  body?: unknown;
  signal?: AbortSignal;
  /**
   * Reads a CRM's own error codes from a failed (or even a 200) answer's JSON: some CRMs say
   * "bad token" or "too many requests" in the body. Undefined leaves the HTTP status to decide.
   */
  mapError?: (status: number, body: unknown) => CrmError | undefined;
}

/** What {@link requestJson} needs: a fetch and the longest a request may take. */
export interface HttpDeps {
  fetch: typeof fetch;
  timeoutMs: number;
}

/** Longest wait a CRM may ask for with Retry-After before we decide for ourselves. */
const MAX_RETRY_AFTER_MS = 60 * 60_000;

/**
 * Sends a request and returns the parsed JSON body, or throws a {@link CrmError} as the adapter
 * contract says: timeout, unreachable, auth (401), forbidden (403), not-found (404), rate-limited
 * (429, with Retry-After), server (5xx), invalid (other 4xx) and bad-response (not JSON). A 204
 * or an empty body resolves to null. Error messages carry the URL's origin and path only.
 */
export async function requestJson(deps: HttpDeps, url: string, req: JsonRequest = {}): Promise<unknown> {
  const where = describe(url);
  const timeout = AbortSignal.timeout(deps.timeoutMs);
  const signal = req.signal ? AbortSignal.any([req.signal, timeout]) : timeout;
  let response: Response;
  try {
    response = await deps.fetch(url, {
      method: req.method ?? 'GET',
      headers: {
        accept: 'application/json',
        ...(req.body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...req.headers,
      },
      body: req.body !== undefined ? JSON.stringify(req.body) : undefined,
      signal,
      credentials: 'omit',
      redirect: 'error',
    });
  } catch (e) {
    if (timeout.aborted || (e instanceof Error && e.name === 'TimeoutError')) {
      throw new CrmError('timeout', `${where}: no answer in ${deps.timeoutMs} ms`);
    }
    if (req.signal?.aborted) throw new CrmError('timeout', `${where}: cancelled`);
    throw new CrmError('unreachable', `${where}: ${e instanceof Error ? e.message : String(e)}`);
  }
  const text = await readText(response, timeout, where);
  let body: unknown = null;
  let json = true;
  try {
    body = response.status === 204 || text.trim() === '' ? null : (JSON.parse(text) as unknown);
  } catch {
    json = false;
  }
  const mapped = json ? req.mapError?.(response.status, body) : undefined;
  if (mapped) throw mapped;
  if (!response.ok) throw statusError(response, where);
  if (!json) throw new CrmError('bad-response', `${where}: the answer is not JSON`, undefined, response.status);
  return body;
}

async function readText(response: Response, timeout: AbortSignal, where: string): Promise<string> {
  try {
    return await response.text();
  } catch {
    if (timeout.aborted) throw new CrmError('timeout', `${where}: the answer did not arrive in time`);
    throw new CrmError('unreachable', `${where}: the connection broke`);
  }
}

/** The CrmError for an HTTP status outside 2xx. */
export function statusError(response: Pick<Response, 'status' | 'headers'>, where: string): CrmError {
  const status = response.status;
  const what = `${where}: HTTP ${status}`;
  if (status === 401) return new CrmError('auth', what, undefined, status);
  if (status === 403) return new CrmError('forbidden', what, undefined, status);
  if (status === 404) return new CrmError('not-found', what, undefined, status);
  if (status === 429)
    return new CrmError('rate-limited', what, retryAfter(response.headers.get('retry-after')), status);
  if (status >= 500) return new CrmError('server', what, retryAfter(response.headers.get('retry-after')), status);
  return new CrmError('invalid', what, undefined, status);
}

/** Retry-After in ms: seconds or an HTTP date; undefined when absent or unreadable. */
export function retryAfter(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  const ms = Number.isFinite(seconds) ? seconds * 1000 : Date.parse(value) - now;
  return Number.isFinite(ms) && ms >= 0 ? Math.min(ms, MAX_RETRY_AFTER_MS) : undefined;
}

/** Origin and path of a URL, for messages: never the query (tokens travel there) or credentials. */
export function describe(url: string): string {
  try {
    const u = new URL(url);
    return `${u.origin}${u.pathname.replace(/\/rest\/\d+\/[^/]+\//, '/rest/…/')}`;
  } catch {
    return 'the CRM';
  }
}
