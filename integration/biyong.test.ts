/**
 * The BiYong client against the sandbox's BiYong simulator over real HTTP on loopback: consent page,
 * every endpoint, and the injected faults (sandbox/contract.ts CONTROL) giving the right typed errors.
 */
import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL, DEMO, MERCHANT_PATHS, PREFIX } from '../sandbox/contract';
import { startTestSandbox, type TestSandbox } from '../sandbox/test-support';
import { SkewClock } from '../src/core/http';
import { addDecimals } from '../src/core/money';
import {
  buildBiyongConsentUrl,
  createBiyongClient,
  parseBiyongReturn,
  type BiyongCredentials,
} from '../src/providers/biyong';
import type { ProviderContext } from '../src/providers/types';

let sb: TestSandbox;
let base: string;

const creds: BiyongCredentials = {
  appId: DEMO.biyong.appId,
  merchantPrivateKey: DEMO.biyong.merchantPrivateKey,
  platformPublicKey: DEMO.biyong.platformPublicKey,
};
const openId = DEMO.biyong.user.openId;

beforeAll(async () => {
  sb = await startTestSandbox();
  base = sb.origin + PREFIX.biyong;
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => {
  sb.reset();
});

const control = (path: string, body?: unknown) => sb.controlOk(path, body);

const fault = (spec: Record<string, unknown>) =>
  control(CONTROL.faults, { platform: 'biyong', ...spec });

function client(extra: Partial<ProviderContext> = {}, c: BiyongCredentials = creds) {
  const ctx: ProviderContext = { fetch, clock: new SkewClock(), baseUrl: base, ...extra };
  return { ctx, client: createBiyongClient(ctx, c) };
}

/** Play the user on the sandbox's consent page: open it, tick `scopes`, press a button. */
async function consent(scopes: string[], decision = 'authorize'): Promise<string> {
  const returnUrl = `${sb.origin}${MERCHANT_PATHS.biyongReturn}?state=s123`;
  const url = buildBiyongConsentUrl({ returnUrl, appId: creds.appId, webConsentBase: base });
  const page = await fetch(url);
  expect(page.status).toBe(200);
  const html = await page.text();
  const action = /<form[^>]*action="([^"]*)"/.exec(html)?.[1] ?? '';
  const form = new URLSearchParams();
  for (const m of html.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"/g)) {
    form.append(
      m[1] ?? '',
      (m[2] ?? '').replace(/&#(\d+);/g, (_, d: string) => String.fromCharCode(Number(d))),
    );
  }
  for (const s of scopes) form.append('scope', s);
  form.append('decision', decision);
  const res = await fetch(new URL(action, url), {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: form.toString(),
  });
  expect(res.status).toBe(302);
  return res.headers.get('location') ?? '';
}

describe('consent and every endpoint', () => {
  it('consent page → biytoken → auth → update → info → ledger → token list', async () => {
    const back = await consent(['PUBLIC_INFO', 'PHONE', 'BALANCE']);
    const { biytoken, params } = parseBiyongReturn(back);
    expect(params.state).toBe('s123');
    const { client: c } = client();
    const auth = await c.auth(biytoken);
    expect(auth).toEqual({ openId, authList: ['PUBLIC_INFO', 'PHONE', 'BALANCE'] });

    await expect(c.updateToken(openId, 'merchant_session_01')).resolves.toBeUndefined();
    const state = (await control(CONTROL.state)) as {
      biyong: { merchantTokens: Record<string, string> };
    };
    expect(Object.values(state.biyong.merchantTokens)).toContain('merchant_session_01');

    const info = await c.info(openId);
    expect(info).toMatchObject({
      auth: true,
      pubInfoAuth: true,
      phoneAuth: true,
      phone: expect.any(String) as unknown,
    });

    const first = await c.balancePage({ openId, pageNo: 0, pageSize: 10 });
    expect(first.records).toHaveLength(Math.min(10, first.total));
    for (const r of first.records) expect(r.balance).toMatch(/^-?\d+(\.\d+)?$/);

    const tokens = [];
    for await (const p of c.tokenInfoPages({ pageSize: 2 })) tokens.push(...p.records);
    expect(tokens.length).toBeGreaterThan(0);
    expect(tokens.every((t) => typeof t.symbol === 'string' && t.symbol !== '')).toBe(true);
  });

  it('a denied consent carries no biytoken → permission', async () => {
    const back = await consent([], 'deny');
    expect(() => parseBiyongReturn(back)).toThrow(expect.objectContaining({ code: 'permission' }));
  });

  it('a biytoken works once; the second use is a business error', async () => {
    const { biytoken } = parseBiyongReturn(await consent(['BALANCE']));
    const { client: c } = client();
    await c.auth(biytoken);
    await expect(c.auth(biytoken)).rejects.toMatchObject({
      code: 'platform',
      platformCode: '100000',
    });
  });

  it('the whole ledger through the pager: every record once, sums match the sandbox holdings', async () => {
    await control(CONTROL.seed, { biyongLedgerSize: 2345, biyongGrant: ['BALANCE'] });
    for (const balanceAs of ['string', 'number']) {
      await control(CONTROL.seed, { biyongBalanceAs: balanceAs });
      const { client: c } = client();
      const records = [];
      let pages = 0;
      for await (const p of c.balancePages({ openId })) {
        pages++;
        records.push(...p.records);
      }
      expect(pages).toBe(3);
      expect(records).toHaveLength(2345);
      const bySymbol = new Map<string, string[]>();
      for (const r of records)
        bySymbol.set(r.tokenSymbol, [...(bySymbol.get(r.tokenSymbol) ?? []), r.balance]);
      const state = (await control(CONTROL.state)) as {
        biyong: { holdings: Record<string, string> };
      };
      for (const [symbol, amounts] of bySymbol) {
        expect(addDecimals(amounts), `${balanceAs} ${symbol}`).toBe(
          addDecimals([state.biyong.holdings[symbol] ?? 'missing']),
        );
      }
    }
  });

  it('a time window narrows the ledger', async () => {
    await control(CONTROL.seed, { biyongGrant: ['BALANCE'] });
    const { client: c } = client();
    const all = await c.balancePage({ openId, pageNo: 0, pageSize: 1000 });
    const mid = all.records[Math.floor(all.records.length / 2)]?.time ?? 0;
    const later = await c.balancePage({ openId, pageNo: 0, pageSize: 1000, startTime: mid });
    expect(later.total).toBeLessThan(all.total);
    expect(later.records.every((r) => r.time >= mid)).toBe(true);
  });
});

describe('platform codes', () => {
  it('100102: no BALANCE grant → permission', async () => {
    await control(CONTROL.seed, { biyongGrant: ['PUBLIC_INFO'] });
    const { client: c } = client();
    await expect(c.balancePage({ openId, pageNo: 0, pageSize: 10 })).rejects.toMatchObject({
      code: 'permission',
      platformCode: '100102',
    });
    // info answers, but without what was not granted
    await expect(c.info(openId)).resolves.toEqual(
      expect.not.objectContaining({ phone: expect.anything() as unknown }),
    );
  });

  it('100101: an API the merchant may not call → permission', async () => {
    await control(CONTROL.seed, { biyongDeniedApis: ['/common/token-info/page'] });
    const { client: c } = client();
    await expect(c.tokenInfoPage({ pageNo: 0, pageSize: 10 })).rejects.toMatchObject({
      code: 'permission',
      platformCode: '100101',
    });
  });

  it('100401: a merchant key BiYong does not know → signature', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 })
      .privateKey.export({ type: 'pkcs8', format: 'der' })
      .toString('base64');
    const { client: c } = client({}, { ...creds, merchantPrivateKey: other });
    await expect(c.tokenInfoPage({ pageNo: 0, pageSize: 1 })).rejects.toMatchObject({
      code: 'signature',
      platformCode: '100401',
    });
  });

  it('an unknown AppId: plain-text error → platform', async () => {
    const { client: c } = client({}, { ...creds, appId: 'nobody' });
    await expect(c.tokenInfoPage({ pageNo: 0, pageSize: 1 })).rejects.toMatchObject({
      code: 'platform',
    });
  });

  it('every hash mode WebCrypto has is accepted', async () => {
    for (const hashMode of ['SHA1', 'SHA256', 'SHA384', 'SHA512'] as const) {
      const { client: c } = client({}, { ...creds, hashMode });
      await expect(c.tokenInfoPage({ pageNo: 0, pageSize: 1 }), hashMode).resolves.toMatchObject({
        total: expect.any(Number) as unknown,
      });
    }
  });
});

describe('injected faults', () => {
  const call = (c: ReturnType<typeof client>['client']) =>
    c.tokenInfoPage({ pageNo: 0, pageSize: 5 });

  it('clock skew: 100400, resync from Date, one retry succeeds; the offset stays', async () => {
    await fault({ kind: 'skew', ms: 3_600_000 });
    const { client: c, ctx } = client();
    await expect(call(c)).resolves.toMatchObject({ total: expect.any(Number) as unknown });
    expect(Math.abs(ctx.clock.offsetMs - 3_600_000)).toBeLessThan(5_000);
    // Exactly two requests: the refused one and the retry.
    const stats = (await control(CONTROL.stats)) as {
      requests: Record<string, Record<string, number>>;
    };
    expect(stats.requests.biyong?.['/common/token-info/page']).toBe(2);
    await expect(call(c)).resolves.toBeDefined();
  });

  it('wrong_signature → signature', async () => {
    await fault({ kind: 'wrong_signature', times: 1 });
    await expect(call(client().client)).rejects.toMatchObject({
      code: 'signature',
      platform: 'biyong',
    });
  });

  it('wrong_message_id → signature', async () => {
    await fault({ kind: 'wrong_message_id', times: 1 });
    await expect(call(client().client)).rejects.toMatchObject({ code: 'signature' });
  });

  it('replay_message_id → signature', async () => {
    const { client: c } = client();
    await call(c);
    await fault({ kind: 'replay_message_id', times: 1 });
    await expect(call(c)).rejects.toMatchObject({ code: 'signature' });
  });

  const transport: [string, Record<string, unknown>, string, Partial<ProviderContext>?][] = [
    ['HTTP 500', { kind: 'status', status: 500 }, 'platform'],
    ['HTTP 503 HTML', { kind: 'html', status: 503 }, 'platform'],
    ['HTML with 200', { kind: 'html', status: 200 }, 'bad_response'],
    ['malformed body', { kind: 'malformed' }, 'bad_response'],
    ['truncated body', { kind: 'truncate' }, 'bad_response'],
    [
      'huge body',
      { kind: 'huge', bytes: 4 * 1024 * 1024 },
      'bad_response',
      { maxBytes: 1024 * 1024 },
    ],
    ['429', { kind: 'rate_limit', retryAfterSeconds: 7 }, 'rate_limited'],
    ['a hang', { kind: 'hang' }, 'timeout', { timeoutMs: 300 }],
  ];
  for (const [name, spec, kind, extra] of transport) {
    it(`${name} → ${kind}`, async () => {
      await fault({ ...spec, endpoint: '/common/token-info/page', times: 1 });
      const e = await call(client(extra).client).catch((x: unknown) => x);
      expect(e).toMatchObject({
        code: kind,
        platform: 'biyong',
        endpoint: '/common/token-info/page',
      });
      if (kind === 'rate_limited') expect(e).toMatchObject({ retryAfterMs: 7000 });
    });
  }

  it('latency below the limit is just slow', async () => {
    await fault({ kind: 'latency', ms: 150, times: 1 });
    await expect(call(client({ timeoutMs: 5000 }).client)).resolves.toBeDefined();
  });
});
