// The sandbox server: routing, control API, merchant pages, hostile input, closing.
import { connect } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL, MERCHANT_PATHS, PREFIX } from './contract';
import { MAX_BODY_BYTES } from './server';
import { startTestSandbox, type TestSandbox } from './test-support';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(() => sb.close());
beforeEach(async () => {
  await sb.control(CONTROL.reset, {});
});

describe('startSandbox', () => {
  it('listens on loopback on an ephemeral port', () => {
    expect(sb.origin).toBe(`http://127.0.0.1:${sb.port}`);
    expect(sb.port).toBeGreaterThan(0);
  });

  it('answers unknown paths with a JSON 404, inside and outside the platforms', async () => {
    for (const path of [
      '/nothing',
      '/fomo/oauth2/nothing',
      '/gowx',
      '/hicoin/api/nope',
      '/merchant/nope',
    ]) {
      const res = await sb.get(path);
      expect(res.status, path).toBe(404);
      expect(res.headers.get('content-type')).toContain('application/json');
      expect(((await res.json()) as { error: string }).error).toBeTruthy();
    }
  });

  it('closes with a request still hanging', async () => {
    const other = await startTestSandbox();
    await other.control(CONTROL.faults, { platform: 'gow', kind: 'hang' });
    const pending = fetch(`${other.origin}${PREFIX.gow}/user/findUserAuthStatus`).then(
      () => 'answered',
      () => 'ended',
    );
    await new Promise((r) => setTimeout(r, 50));
    const t0 = performance.now();
    await other.close();
    expect(await pending).toBe('ended');
    expect(performance.now() - t0).toBeLessThan(2000);
  });
});

describe('control API', () => {
  it('reports health with the five platforms', async () => {
    expect((await sb.control(CONTROL.health)).json).toEqual({
      ok: true,
      platforms: Object.keys(PREFIX),
    });
  });

  it('counts requests per platform and endpoint, and reset clears counters and faults', async () => {
    await sb.get('/fomo/oauth2/resource/get_user_info');
    await sb.get('/fomo/oauth2/resource/get_user_info');
    await sb.get('/hicoin/api/sns/user/info');
    await sb.control(CONTROL.faults, { platform: 'gow', kind: 'hang' });
    const stats = (await sb.control(CONTROL.stats)).json as {
      requests: Record<string, Record<string, number>>;
    };
    expect(stats.requests.fomo).toEqual({ 'oauth2/resource/get_user_info': 2 });
    expect(stats.requests.hicoin).toEqual({ '/sns/user/info': 1 });
    await sb.control(CONTROL.reset, {});
    expect((await sb.control(CONTROL.stats)).json).toEqual({ requests: {}, counters: {} });
    expect((await sb.control(CONTROL.faults)).json).toEqual({ faults: [] });
  });

  it('shows every simulator state and the merchant records', async () => {
    const state = (await sb.control(CONTROL.state)).json as Record<string, unknown>;
    for (const id of Object.keys(PREFIX)) expect(state).toHaveProperty(id);
    expect(state.merchant).toEqual({ callbacks: [], callbackFailuresLeft: 0 });
  });

  it('rejects bad JSON, wrong methods, bad options and unknown endpoints clearly', async () => {
    const res = await fetch(sb.origin + CONTROL.seed, { method: 'POST', body: '{"fomo' });
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: 'body is not valid JSON' });
    expect((await sb.control(CONTROL.seed, [1, 2])).status).toBe(400);
    expect((await sb.control(CONTROL.seed, { merchantCallbackFailures: -1 })).status).toBe(400);
    expect((await sb.control(CONTROL.reset)).status).toBe(405);
    expect((await sb.control(CONTROL.advance, { ms: 'soon' })).status).toBe(400);
    expect((await sb.control('/__control/nope')).status).toBe(404);
  });

  it('advances the timer clock', async () => {
    expect((await sb.control(CONTROL.advance, { ms: 1000 })).json).toEqual({
      ok: true,
      ran: 0,
      pending: 0,
    });
  });
});

describe('hostile input', () => {
  it('answers 413 to a body over the cap, declared or streamed', async () => {
    const big = new Uint8Array(MAX_BODY_BYTES + 1);
    const declared = await fetch(sb.origin + '/fomo/oauth2/authorize/token', {
      method: 'POST',
      body: big,
    });
    expect(declared.status).toBe(413);
    const streamed = await fetch(sb.origin + '/fomo/oauth2/authorize/token', {
      method: 'POST',
      body: new ReadableStream({
        start(c) {
          for (let i = 0; i < 5; i++) c.enqueue(new Uint8Array(MAX_BODY_BYTES / 4));
          c.close();
        },
      }),
      duplex: 'half',
    } as RequestInit);
    expect(streamed.status).toBe(413);
    // The server still works afterwards.
    expect((await sb.control(CONTROL.health)).status).toBe(200);
  });

  it('answers garbage on the wire with a 400', async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = connect(sb.port, '127.0.0.1', () => socket.write('NOT HTTP AT ALL\r\n\r\n'));
      let data = '';
      socket.on('data', (d: Buffer) => (data += d.toString()));
      socket.on('close', () => resolve(data));
      socket.on('error', reject);
    });
    expect(reply.startsWith('HTTP/1.1 400')).toBe(true);
    expect((await sb.control(CONTROL.health)).status).toBe(200);
  });

  it('answers a token request with a broken JSON body with FOMO status 0', async () => {
    const res = await fetch(sb.origin + '/fomo/oauth2/authorize/token', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"code":',
    });
    expect(((await res.json()) as { status: number }).status).toBe(0);
  });
});

describe('merchant pages', () => {
  it('shows which page it is and its parameters, escaped, hiding credentials', async () => {
    const res = await sb.get(
      `${MERCHANT_PATHS.fomoReturn}?status=1&trade_id=%3Cimg%20src%3Dx%3E&access_token=SECRET1&code=SECRET2`,
    );
    const html = await res.text();
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).toContain('FOMO return');
    expect(html).toContain('&lt;img src=x&gt;');
    expect(html).not.toContain('<img');
    expect(html).not.toContain('SECRET1');
    expect(html).not.toContain('SECRET2');
    expect(
      (
        await sb.get(`${MERCHANT_PATHS.biyongReturn}?biytoken=SECRET3`).then((r) => r.text())
      ).includes('SECRET3'),
    ).toBe(false);
  });

  it('records form and JSON callbacks and fails the first n when told to', async () => {
    await sb.control(CONTROL.seed, { merchantCallbackFailures: 1 });
    const form = await sb.post(MERCHANT_PATHS.fomoCallback, { trade_id: 'A', amount: '1.5' });
    expect(form.status).toBe(500);
    const json = await fetch(sb.origin + MERCHANT_PATHS.fomoCallback, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ trade_id: 'B', direction: 2 }),
    });
    expect(json.status).toBe(200);
    const state = (await sb.control(CONTROL.state)).json as { merchant: { callbacks: unknown[] } };
    expect(state.merchant.callbacks).toMatchObject([
      { seq: 1, answered: 500, params: { trade_id: 'A', amount: '1.5' } },
      { seq: 2, answered: 200, params: { trade_id: 'B', direction: '2' } },
    ]);
    expect((await sb.get(MERCHANT_PATHS.fomoCallback)).status).toBe(405);
  });
});
