/**
 * The one HTTP path every provider client uses. Platform-neutral: `fetch` and the clock are
 * injected, so it runs unchanged in Node 20 (tests, scripts) and in the service worker.
 *
 * What it guarantees, so provider code does not have to:
 * - every failure is a typed CoinDockError naming platform and endpoint (network, timeout,
 *   rate_limited, bad_response), never a raw TypeError and never a hang: the time limit covers
 *   the headers *and* the body;
 * - bodies are capped (`maxBytes`), so a hostile or broken server cannot exhaust memory;
 * - redirects are not followed (`redirect: 'manual'`): a POST must never follow a 301 blindly
 *   (Grand Chain's deployed revision answers 301 for routes without a trailing slash);
 * - no URL with secrets, and no body, ever goes into an error message.
 */
import * as v from 'valibot';
import { CoinDockError, errors } from './errors';
import type { Platform } from './platform';
import { parseJsonLossless } from './lossless-json';

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

export interface Clock {
  /** Milliseconds since the epoch, as the platform should see them. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };

/**
 * A clock that keeps an offset to a platform's time. On a timestamp-skew answer (BiYong 100400,
 * FOMO 8) the client calls `syncFromDate` with the response's `Date` header and retries once; the
 * offset stays for later calls.
 */
export class SkewClock implements Clock {
  offsetMs = 0;
  constructor(private readonly base: Clock = systemClock) {}
  now(): number {
    return this.base.now() + this.offsetMs;
  }
  /** Returns true when the header was usable. */
  syncFromDate(dateHeader: string | null | undefined): boolean {
    if (!dateHeader) return false;
    const server = Date.parse(dateHeader);
    if (!Number.isFinite(server)) return false;
    // The Date header has one-second resolution; half a second is the expected rounding error.
    this.offsetMs = server + 500 - this.base.now();
    return true;
  }
}

export interface HttpContext {
  fetch: FetchLike;
  clock: Clock;
  /** Default per-request limit, headers and body together. */
  timeoutMs?: number;
  /** Default body cap in bytes. */
  maxBytes?: number;
}

export interface HttpRequest {
  platform: Platform;
  /** The endpoint path or step name for errors, e.g. `/user/findUserAuthStatus`. */
  endpoint: string;
  url: string;
  method: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string | Uint8Array;
  timeoutMs?: number;
  maxBytes?: number;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** True for a 3xx answer (or an opaque redirect in a browser). */
  redirected: boolean;
  location: string | null;
  bytes: Uint8Array;
  text(): string;
}

export const DEFAULT_TIMEOUT_MS = 15_000;
export const DEFAULT_MAX_BYTES = 8 * 1024 * 1024;

export async function httpRequest(ctx: HttpContext, req: HttpRequest): Promise<HttpResponse> {
  const timeoutMs = req.timeoutMs ?? ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const maxBytes = req.maxBytes ?? ctx.maxBytes ?? DEFAULT_MAX_BYTES;
  const where = { platform: req.platform, endpoint: req.endpoint };
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  try {
    let res: Response;
    try {
      res = await ctx.fetch(req.url, {
        method: req.method,
        headers: req.headers,
        body: req.method === 'POST' ? (req.body as BodyInit | undefined) : undefined,
        redirect: 'manual',
        signal: controller.signal,
        credentials: 'omit',
        cache: 'no-store',
      });
    } catch (e) {
      // A refusal before sending (the worker's transport check) keeps its own words.
      if (e instanceof CoinDockError) throw e;
      if (timedOut) throw errors.timeout(undefined, { ...where, cause: e });
      throw errors.network(undefined, { ...where, cause: e });
    }
    const redirected = res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400);
    let bytes: Uint8Array;
    try {
      bytes = await readCapped(res, maxBytes, where);
    } catch (e) {
      if (e instanceof CoinDockError) throw e;
      if (timedOut) throw errors.timeout(undefined, { ...where, cause: e });
      throw errors.bad_response(
        { en: 'The answer was cut off', zh: '响应数据不完整' },
        { ...where, status: res.status, cause: e },
      );
    }
    if (res.status === 429) {
      throw errors.rate_limited(undefined, {
        ...where,
        status: 429,
        retryAfterMs: parseRetryAfter(res.headers.get('retry-after')),
      });
    }
    let decoded: string | undefined;
    return {
      status: res.status,
      headers: res.headers,
      redirected,
      location: res.headers.get('location'),
      bytes,
      text: () => (decoded ??= new TextDecoder('utf-8', { fatal: false }).decode(bytes)),
    };
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(
  res: Response,
  maxBytes: number,
  where: { platform: Platform; endpoint: string },
): Promise<Uint8Array> {
  const declared = Number(res.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => undefined);
    throw tooLarge(maxBytes, where, res.status);
  }
  if (!res.body) return new Uint8Array(0);
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes, where, res.status);
    }
    chunks.push(value);
  }
  const out = new Uint8Array(total);
  let off = 0;
  for (const c of chunks) {
    out.set(c, off);
    off += c.byteLength;
  }
  return out;
}

function tooLarge(max: number, where: { platform: Platform; endpoint: string }, status: number) {
  return errors.bad_response(
    {
      en: `The answer is larger than ${Math.round(max / 1024)} KiB`,
      zh: `响应超过 ${Math.round(max / 1024)} KiB`,
    },
    { ...where, status },
  );
}

function parseRetryAfter(h: string | null): number | undefined {
  if (!h) return undefined;
  const secs = Number(h);
  if (Number.isFinite(secs) && secs >= 0) return secs * 1000;
  const at = Date.parse(h);
  return Number.isFinite(at) ? Math.max(0, at - Date.now()) : undefined;
}

/**
 * Parse a body as JSON and validate it against a valibot schema. HTML, empty, truncated or
 * off-shape bodies become `bad_response` naming the first failing path (never the value, which
 * may be a secret).
 */
export function parseJson<S extends v.GenericSchema>(
  text: string,
  schema: S,
  where: { platform: Platform; endpoint: string; status?: number },
): v.InferOutput<S> {
  return validate(
    parseBody(text, where, (t) => JSON.parse(t) as unknown),
    schema,
    where,
  );
}

/**
 * `parseJson` for replies that carry amounts as JSON numbers: numbers are read from the source
 * text (`parseJsonLossless` with safe integers as numbers), so a fraction or a large integer
 * reaches the schema as its exact digits, never as a rounded double. See docs/security.md.
 */
export function parseJsonExact<S extends v.GenericSchema>(
  text: string,
  schema: S,
  where: { platform: Platform; endpoint: string; status?: number },
): v.InferOutput<S> {
  return validate(
    parseBody(text, where, (t) => parseJsonLossless(t, { safeIntegers: true })),
    schema,
    where,
  );
}

function parseBody(
  text: string,
  where: { platform: Platform; endpoint: string; status?: number },
  parse: (text: string) => unknown,
): unknown {
  const trimmed = text.trimStart();
  if (trimmed === '') {
    throw errors.bad_response({ en: 'The answer was empty', zh: '响应为空' }, where);
  }
  if (trimmed.startsWith('<')) {
    throw errors.bad_response(
      { en: 'The platform sent a web page instead of data', zh: '平台返回了网页而不是数据' },
      where,
    );
  }
  try {
    return parse(trimmed);
  } catch (e) {
    throw errors.bad_response(
      { en: 'The answer is not valid JSON', zh: '响应不是有效的 JSON' },
      { ...where, cause: e },
    );
  }
}

export function validate<S extends v.GenericSchema>(
  value: unknown,
  schema: S,
  where: { platform: Platform; endpoint: string; status?: number },
): v.InferOutput<S> {
  const r = v.safeParse(schema, value);
  if (r.success) return r.output;
  const issue = r.issues[0];
  const path = issue?.path?.map((p) => String(p.key)).join('.') || '(root)';
  const expected = issue?.expected ? `, expected ${issue.expected}` : '';
  throw errors.bad_response(
    {
      en: `Unexpected answer: field ${path} is wrong${expected}`,
      zh: `响应格式错误：字段 ${path} 不正确`,
    },
    where,
  );
}
