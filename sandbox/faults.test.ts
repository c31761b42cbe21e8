// Fault injection: spec validation, matching and consumption, and every kind over real HTTP.
import { STATUS_CODES } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL } from './contract';
import { FaultStore, parseFault } from './faults';
import { startTestSandbox, type TestSandbox } from './test-support';

describe('parseFault', () => {
  it('accepts the documented kinds with defaults', () => {
    expect(parseFault({ platform: 'gow', kind: 'html' }, 1)).toEqual({
      id: 1,
      platform: 'gow',
      endpoint: '*',
      kind: 'html',
      status: 502,
    });
    expect(parseFault({ platform: 'fomo', kind: 'rate_limit', times: 2 }, 2)).toMatchObject({
      retryAfterSeconds: 1,
      times: 2,
    });
    // A skew is a clock state: `times` does not apply to it.
    expect(
      parseFault({ platform: 'fomo', kind: 'skew', ms: -5000, times: 1 }, 3),
    ).not.toHaveProperty('times');
  });

  const bad: [string, unknown][] = [
    ['not an object', 'latency'],
    ['an unknown platform', { platform: 'binance', kind: 'hang' }],
    ['an unknown kind', { platform: 'gow', kind: 'explode' }],
    ['latency without ms', { platform: 'gow', kind: 'latency' }],
    ['a fractional latency', { platform: 'gow', kind: 'latency', ms: 1.5 }],
    ['a status outside HTTP', { platform: 'gow', kind: 'status', status: 99 }],
    ['huge with no size', { platform: 'gow', kind: 'huge' }],
    ['huge over the cap', { platform: 'gow', kind: 'huge', bytes: 2 ** 40 }],
    ['times of zero', { platform: 'gow', kind: 'hang', times: 0 }],
    ['an empty endpoint', { platform: 'gow', kind: 'hang', endpoint: '' }],
  ];
  for (const [name, spec] of bad) {
    it(`refuses ${name}`, () => {
      expect(() => parseFault(spec, 1)).toThrow();
    });
  }
});

describe('FaultStore', () => {
  it('matches the endpoint with or without a leading slash, and counts uses down', () => {
    const s = new FaultStore();
    s.add({
      platform: 'gow',
      endpoint: 'user/findUserAuthStatus',
      kind: 'status',
      status: 503,
      times: 2,
    });
    expect(s.take('gow', '/transaction/getOrderDetail').terminal).toBeUndefined();
    expect(s.take('gow', '/user/findUserAuthStatus').terminal?.kind).toBe('status');
    expect(s.take('biyong', '/user/findUserAuthStatus').terminal).toBeUndefined();
    expect(s.take('gow', '/user/findUserAuthStatus').terminal?.kind).toBe('status');
    expect(s.take('gow', '/user/findUserAuthStatus').terminal).toBeUndefined();
    expect(s.list()).toEqual([]);
  });

  it('adds latencies up and applies one terminal fault at a time, in order', () => {
    const s = new FaultStore();
    s.add({ platform: 'fomo', kind: 'latency', ms: 10 });
    s.add({ platform: 'fomo', kind: 'latency', ms: 15, times: 1 });
    s.add({ platform: 'fomo', kind: 'html', times: 1 });
    s.add({ platform: 'fomo', kind: 'hang', times: 1 });
    expect(s.take('fomo', 'x')).toMatchObject({ latencyMs: 25, terminal: { kind: 'html' } });
    expect(s.take('fomo', 'x')).toMatchObject({ latencyMs: 10, terminal: { kind: 'hang' } });
    expect(s.take('fomo', 'x')).toEqual({ latencyMs: 10 });
  });

  it('sums skews per platform and leaves them in place', () => {
    const s = new FaultStore();
    s.add({ platform: 'gow', kind: 'skew', ms: 60_000 });
    s.add({ platform: 'gow', kind: 'skew', ms: -15_000 });
    s.take('gow', 'x');
    expect(s.skew('gow')).toBe(45_000);
    expect(s.skew('fomo')).toBe(0);
  });

  it('hands simulator-level faults out once per use', () => {
    const s = new FaultStore();
    s.add({ platform: 'biyong', endpoint: '/biyong-user/auth', kind: 'wrong_signature', times: 1 });
    s.add({ platform: 'biyong', kind: 'replay_message_id' });
    expect(s.take('biyong', '/biyong-user/auth')).toEqual({ latencyMs: 0 });
    expect(s.takeSimFault('biyong', '/biyong-user/info', 'wrong_signature')).toBe(false);
    expect(s.takeSimFault('biyong', '/biyong-user/auth', 'wrong_signature')).toBe(true);
    expect(s.takeSimFault('biyong', '/biyong-user/auth', 'wrong_signature')).toBe(false);
    expect(s.takeSimFault('biyong', '/anything', 'replay_message_id')).toBe(true);
    expect(s.takeSimFault('biyong', '/anything', 'replay_message_id')).toBe(true);
    expect(s.takeSimFault('biyong', '/anything', 'wrong_message_id')).toBe(false);
  });
});

describe('faults over HTTP', () => {
  let sb: TestSandbox;
  // An endpoint every sandbox has: FOMO user info answers 401 JSON without a token.
  const target = '/fomo/oauth2/resource/get_user_info';
  const fault = async (spec: Record<string, unknown>) => {
    const r = await sb.control(CONTROL.faults, {
      platform: 'fomo',
      endpoint: 'oauth2/resource/get_user_info',
      ...spec,
    });
    expect(r.status).toBe(201);
  };

  beforeAll(async () => {
    sb = await startTestSandbox();
  });
  afterAll(() => sb.close());
  beforeEach(async () => {
    await sb.control(CONTROL.reset, {});
  });

  it('latency delays, then answers normally', async () => {
    await fault({ kind: 'latency', ms: 150, times: 1 });
    const t0 = performance.now();
    const res = await sb.get(target);
    expect(performance.now() - t0).toBeGreaterThanOrEqual(140);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { status: number }).status).toBe(2);
  });

  it('status answers that status (with a given body), then stops after `times`', async () => {
    await fault({ kind: 'status', status: 503, times: 1 });
    const r1 = await sb.get(target);
    expect([r1.status, await r1.text()]).toEqual([503, '503 Service Unavailable']);
    await fault({ kind: 'status', status: 500, body: { oops: true }, times: 1 });
    const r2 = await sb.get(target);
    expect([r2.status, await r2.json()]).toEqual([500, { oops: true }]);
    expect((await sb.get(target)).status).toBe(401);
  });

  it('malformed is a 200 whose JSON does not parse', async () => {
    await fault({ kind: 'malformed' });
    const res = await sb.get(target);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    const text = await res.text();
    expect(() => JSON.parse(text) as unknown).toThrow();
  });

  it('html is a proxy error page', async () => {
    await fault({ kind: 'html', status: 504 });
    const res = await sb.get(target);
    expect(res.status).toBe(504);
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(await res.text()).toContain(`<h1>504 ${STATUS_CODES[504]}</h1>`);
  });

  it('rate_limit is a 429 with Retry-After', async () => {
    await fault({ kind: 'rate_limit', retryAfterSeconds: 7 });
    const res = await sb.get(target);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('7');
  });

  it('hang never answers; the client gives up', async () => {
    await fault({ kind: 'hang' });
    await expect(sb.get(target, { signal: AbortSignal.timeout(200) })).rejects.toThrow();
  });

  it('truncate declares a length and closes half-way', async () => {
    await fault({ kind: 'truncate' });
    const res = await sb.get(target);
    const declared = Number(res.headers.get('content-length'));
    expect(declared).toBeGreaterThan(0);
    await expect(res.arrayBuffer()).rejects.toThrow();
  });

  it('huge sends exactly that many bytes of valid JSON', async () => {
    await fault({ kind: 'huge', bytes: 3 * 1024 * 1024 + 5 });
    const res = await sb.get(target);
    const text = await res.text();
    expect(Buffer.byteLength(text)).toBe(3 * 1024 * 1024 + 5);
    expect(Object.keys(JSON.parse(text) as object)).toEqual(['padding']);
  });

  it('skew moves the Date header until cleared, on that platform only', async () => {
    const hour = 3_600_000;
    await sb.control(CONTROL.faults, { platform: 'fomo', kind: 'skew', ms: hour });
    const skewed = Date.parse((await sb.get(target)).headers.get('date') ?? '');
    expect(Math.abs(skewed - (Date.now() + hour))).toBeLessThan(5_000);
    const other = Date.parse((await sb.get('/hicoin/api/sns/user/info')).headers.get('date') ?? '');
    expect(Math.abs(other - Date.now())).toBeLessThan(5_000);
    expect((await sb.control(CONTROL.faults, undefined, 'DELETE')).status).toBe(200);
    const back = Date.parse((await sb.get(target)).headers.get('date') ?? '');
    expect(Math.abs(back - Date.now())).toBeLessThan(5_000);
  });

  it('only touches the endpoint it names', async () => {
    await fault({ kind: 'status', status: 502 });
    expect((await sb.get('/fomo/oauth2/authorize')).status).not.toBe(502);
    expect((await sb.get(target)).status).toBe(502);
  });

  it('lists, removes one, and rejects bad specs with a 400 that says why', async () => {
    const a = await sb.control(CONTROL.faults, { platform: 'gow', kind: 'hang' });
    await sb.control(CONTROL.faults, [
      { platform: 'hicoin', kind: 'malformed' },
      { platform: 'grandchain', kind: 'latency', ms: 5 },
    ]);
    const listed = (await sb.control(CONTROL.faults)).json as { faults: { kind: string }[] };
    expect(listed.faults.map((f) => f.kind)).toEqual(['hang', 'malformed', 'latency']);
    const id = (a.json as { fault: { id: number } }).fault.id;
    expect((await sb.control(`${CONTROL.faults}?id=${id}`, undefined, 'DELETE')).status).toBe(200);
    expect(((await sb.control(CONTROL.faults)).json as { faults: unknown[] }).faults).toHaveLength(
      2,
    );
    const bad = await sb.control(CONTROL.faults, { platform: 'gow', kind: 'latency', ms: -1 });
    expect(bad.status).toBe(400);
    expect((bad.json as { error: string }).error).toMatch(/ms must be an integer/);
  });
});
