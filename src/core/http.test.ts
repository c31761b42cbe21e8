import * as v from 'valibot';
import { describe, expect, it, vi } from 'vitest';
import type { CoinDockError } from './errors';
import {
  DEFAULT_MAX_BYTES,
  httpRequest,
  parseJson,
  SkewClock,
  validate,
  type FetchLike,
  type HttpContext,
  type HttpRequest,
} from './http';

const req: HttpRequest = {
  platform: 'gow',
  endpoint: '/user/findUserAuthStatus',
  url: 'https://gow.example/user/findUserAuthStatus?access_token=SECRET-TOKEN',
  method: 'GET',
};

function ctx(fetch: FetchLike, extra: Partial<HttpContext> = {}): HttpContext {
  return { fetch, clock: new SkewClock(), timeoutMs: 1000, ...extra };
}

async function caught(p: Promise<unknown>): Promise<CoinDockError> {
  try {
    await p;
  } catch (e) {
    return e as CoinDockError;
  }
  throw new Error('expected a rejection');
}

/** A fetch that answers only when told, and rejects on abort like a real fetch. */
const neverAnswers: FetchLike = (_url, init) =>
  new Promise((_resolve, reject) => {
    init?.signal?.addEventListener('abort', () =>
      reject(new DOMException('This operation was aborted', 'AbortError')),
    );
  });

/** A body that sends one chunk and then stalls until aborted (as a real fetch's body does). */
function stallingBody(signal: AbortSignal | null | undefined): ReadableStream<Uint8Array> {
  return new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('{"code":'));
      signal?.addEventListener('abort', () =>
        controller.error(new DOMException('aborted', 'AbortError')),
      );
    },
  });
}

function streamOf(chunks: number, chunkSize: number, onCancel?: () => void) {
  let sent = 0;
  return new ReadableStream<Uint8Array>({
    pull(controller) {
      if (sent++ >= chunks) controller.close();
      else controller.enqueue(new Uint8Array(chunkSize).fill(0x41));
    },
    cancel() {
      onCancel?.();
    },
  });
}

describe('httpRequest', () => {
  it('passes method, headers and body; never follows redirects or sends cookies', async () => {
    const fetch = vi.fn<FetchLike>(async () => new Response('{"ok":true}', { status: 200 }));
    const res = await httpRequest(ctx(fetch), {
      ...req,
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"a":"1"}',
    });
    expect(res.status).toBe(200);
    expect(res.text()).toBe('{"ok":true}');
    const init = fetch.mock.calls[0]![1]!;
    expect(init.method).toBe('POST');
    expect(init.body).toBe('{"a":"1"}');
    expect(init.redirect).toBe('manual');
    expect(init.credentials).toBe('omit');
    expect(init.signal).toBeInstanceOf(AbortSignal);
  });

  it('a GET never carries a body', async () => {
    const fetch = vi.fn<FetchLike>(async () => new Response(''));
    await httpRequest(ctx(fetch), { ...req, body: 'x' });
    expect(fetch.mock.calls[0]![1]!.body).toBeUndefined();
  });

  it('a redirect is reported, not followed', async () => {
    const fetch: FetchLike = async () =>
      new Response(null, { status: 301, headers: { location: 'https://gow.example/x/' } });
    const res = await httpRequest(ctx(fetch), req);
    expect(res.redirected).toBe(true);
    expect(res.location).toBe('https://gow.example/x/');
  });

  it('a thrown fetch is a network error naming platform and endpoint, not the URL', async () => {
    const e = await caught(
      httpRequest(
        ctx(async () => {
          throw new TypeError('fetch failed: getaddrinfo ENOTFOUND');
        }),
        req,
      ),
    );
    expect(e.code).toBe('network');
    expect(e.platform).toBe('gow');
    expect(e.endpoint).toBe('/user/findUserAuthStatus');
    expect(e.message).not.toContain('SECRET-TOKEN');
    expect(JSON.stringify(e.toJSON())).not.toContain('SECRET-TOKEN');
  });

  it('no headers within the limit → timeout', async () => {
    const started = Date.now();
    const e = await caught(httpRequest(ctx(neverAnswers, { timeoutMs: 50 }), req));
    expect(e.code).toBe('timeout');
    expect(Date.now() - started).toBeLessThan(1000);
  });

  it('a body that stalls after the headers → timeout too', async () => {
    const fetch: FetchLike = async (_url, init) => new Response(stallingBody(init?.signal));
    const e = await caught(httpRequest(ctx(fetch, { timeoutMs: 50 }), req));
    expect(e.code).toBe('timeout');
  });

  it('the per-request limit wins over the context default', async () => {
    const e = await caught(
      httpRequest(ctx(neverAnswers, { timeoutMs: 60_000 }), { ...req, timeoutMs: 30 }),
    );
    expect(e.code).toBe('timeout');
  });

  it('a declared Content-Length over the cap is refused without reading the body', async () => {
    const cancelled = vi.fn();
    const fetch: FetchLike = async () =>
      new Response(streamOf(1000, 1024, cancelled), { headers: { 'content-length': '1024000' } });
    const e = await caught(httpRequest(ctx(fetch, { maxBytes: 1024 }), req));
    expect(e.code).toBe('bad_response');
    expect(e.text('en')).toContain('larger than 1 KiB');
    expect(cancelled).toHaveBeenCalled();
  });

  it('a streamed body over the cap (no Content-Length) is cut off and refused', async () => {
    const cancelled = vi.fn();
    const fetch: FetchLike = async () => new Response(streamOf(100, 1000, cancelled));
    const e = await caught(httpRequest(ctx(fetch, { maxBytes: 10_000 }), req));
    expect(e.code).toBe('bad_response');
    expect(cancelled).toHaveBeenCalled();
  });

  it('a body of exactly the cap is accepted, byte for byte', async () => {
    const fetch: FetchLike = async () => new Response(streamOf(10, 100));
    const res = await httpRequest(ctx(fetch, { maxBytes: 1000 }), req);
    expect(res.bytes.byteLength).toBe(1000);
    expect(res.text()).toBe('A'.repeat(1000));
  });

  it('the default cap is 8 MiB', () => {
    expect(DEFAULT_MAX_BYTES).toBe(8 * 1024 * 1024);
  });

  it('a body that breaks off → bad_response (truncated), with the HTTP status', async () => {
    const fetch: FetchLike = async () =>
      new Response(
        new ReadableStream({
          start(c) {
            c.enqueue(new TextEncoder().encode('{"partial":'));
            c.error(new TypeError('terminated'));
          },
        }),
        { status: 200 },
      );
    const e = await caught(httpRequest(ctx(fetch), req));
    expect(e.code).toBe('bad_response');
    expect(e.status).toBe(200);
    expect(e.text('en')).toContain('cut off');
  });

  it('429 → rate_limited with Retry-After in seconds or as a date', async () => {
    const secs = await caught(
      httpRequest(
        ctx(async () => new Response('', { status: 429, headers: { 'retry-after': '12' } })),
        req,
      ),
    );
    expect(secs.code).toBe('rate_limited');
    expect(secs.retryAfterMs).toBe(12_000);
    const at = new Date(Date.now() + 30_000).toUTCString();
    const date = await caught(
      httpRequest(
        ctx(async () => new Response('', { status: 429, headers: { 'retry-after': at } })),
        req,
      ),
    );
    expect(date.retryAfterMs).toBeGreaterThan(25_000);
    expect(date.retryAfterMs).toBeLessThanOrEqual(30_000);
    const none = await caught(
      httpRequest(
        ctx(async () => new Response('', { status: 429 })),
        req,
      ),
    );
    expect(none.retryAfterMs).toBeUndefined();
  });

  it('a 5xx is returned to the caller, who knows the platform’s error shape', async () => {
    const res = await httpRequest(
      ctx(async () => new Response('{"code":"999999"}', { status: 500 })),
      req,
    );
    expect(res.status).toBe(500);
    expect(res.text()).toBe('{"code":"999999"}');
  });

  it('invalid UTF-8 is decoded leniently for error display', async () => {
    const res = await httpRequest(
      ctx(async () => new Response(new Uint8Array([0x7b, 0xff, 0x7d]))),
      req,
    );
    expect(res.text()).toBe('{\uFFFD}');
  });
});

describe('parseJson / validate', () => {
  const schema = v.object({ code: v.string(), data: v.object({ token: v.string() }) });
  const where = { platform: 'fomo' as const, endpoint: 'oauth2/authorize/token' };

  it('parses and validates; extra fields of a looseObject survive', () => {
    expect(parseJson('  {"code":"1","data":{"token":"t"}}', schema, where)).toEqual({
      code: '1',
      data: { token: 't' },
    });
    expect(parseJson('\uFEFF{"a":1,"b":2}', v.looseObject({ a: v.number() }), where)).toEqual({
      a: 1,
      b: 2,
    });
  });

  it.each([
    ['empty', '', 'empty'],
    ['whitespace', '  \n ', 'empty'],
    ['HTML', '<!DOCTYPE html><html><body>502 Bad Gateway</body></html>', 'web page'],
    ['XML-ish', '<?xml version="1.0"?><error/>', 'web page'],
    ['truncated JSON', '{"code":"1","data":{"tok', 'not valid JSON'],
    ['plain text', 'Service Unavailable', 'not valid JSON'],
  ])('%s → bad_response (%s)', (_l, body, words) => {
    const e = (() => {
      try {
        parseJson(body, schema, where);
      } catch (err) {
        return err as CoinDockError;
      }
      throw new Error('expected a throw');
    })();
    expect(e.code).toBe('bad_response');
    expect(e.platform).toBe('fomo');
    expect(e.text('en')).toContain(words);
  });

  it('a wrong shape names the path, never the value', () => {
    try {
      validate({ code: '1', data: { token: 12345678 } }, schema, where);
      throw new Error('expected a throw');
    } catch (err) {
      const e = err as CoinDockError;
      expect(e.code).toBe('bad_response');
      expect(e.text('en')).toContain('data.token');
      expect(e.message).not.toContain('12345678');
    }
    expect(() => validate([], schema, where)).toThrow(
      expect.objectContaining({ code: 'bad_response' }),
    );
  });
});

describe('SkewClock', () => {
  it('takes the offset from a Date header (with half a second for its rounding)', () => {
    const base = { now: () => 1_700_000_000_000 };
    const c = new SkewClock(base);
    expect(c.now()).toBe(1_700_000_000_000);
    expect(c.syncFromDate(new Date(1_700_000_600_000).toUTCString())).toBe(true);
    expect(c.offsetMs).toBe(600_500);
    expect(c.now()).toBe(1_700_000_600_500);
  });

  it('ignores a missing or unparsable header and keeps the previous offset', () => {
    const c = new SkewClock({ now: () => 0 });
    c.offsetMs = 42;
    expect(c.syncFromDate(null)).toBe(false);
    expect(c.syncFromDate('')).toBe(false);
    expect(c.syncFromDate('yesterday-ish')).toBe(false);
    expect(c.offsetMs).toBe(42);
  });
});
