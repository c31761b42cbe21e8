/**
 * The FOMO client against the sandbox's FOMO simulator over real HTTP on loopback: consent page,
 * token, refresh, user info, the pay page in both directions with its return, and the injected
 * faults giving the right typed errors.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL, DEMO, MERCHANT_PATHS, PREFIX } from '../sandbox/contract';
import {
  location,
  readForm,
  resolveAction,
  startTestSandbox,
  type TestSandbox,
} from '../sandbox/test-support';
import type { CoinDockError } from '../src/core/errors';
import { SkewClock } from '../src/core/http';
import {
  createFomoClient,
  fomoPayReturnError,
  parseFomoPayReturn,
  type FomoAppCredentials,
  type FomoClient,
  type FomoCodeExchange,
  type FomoPayParams,
  type FomoTokens,
} from '../src/providers/fomo';
import type { ProviderContext } from '../src/providers/types';
import { codeChallengeS256, newCodeVerifier } from '../src/core/pkce';

let sb: TestSandbox;
const creds: FomoAppCredentials = {
  clientId: DEMO.fomo.clientId,
  clientSecret: DEMO.fomo.clientSecret,
};

beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => {
  sb.reset();
});

function setup(extra: Partial<ProviderContext> = {}, c = creds) {
  const ctx: ProviderContext = {
    fetch,
    clock: new SkewClock(),
    baseUrl: sb.origin + PREFIX.fomo,
    timeoutMs: 5000,
    ...extra,
  };
  return { ctx, client: createFomoClient(ctx, c) };
}

async function fault(spec: Record<string, unknown>): Promise<void> {
  const r = await sb.control(CONTROL.faults, { platform: 'fomo', ...spec });
  expect(r.status, JSON.stringify(r.json)).toBeLessThan(300);
}

async function caught(p: Promise<unknown>): Promise<CoinDockError> {
  try {
    await p;
  } catch (e) {
    return e as CoinDockError;
  }
  throw new Error('expected a rejection');
}

const returnUri = () => sb.origin + MERCHANT_PATHS.fomoReturn;

/** Play the user on the consent page; returns the URL the browser lands on. */
async function authorize(client: FomoClient, decision = 'allow', state = 'st8te'): Promise<URL> {
  const url = client.authorizeUrl({ redirectUri: returnUri(), state });
  const page = await sb.get(url);
  expect(page.status).toBe(200);
  const form = readForm(await page.text());
  return location(await sb.post(resolveAction(url, form.action), { ...form.fields, decision }));
}

async function login(client: FomoClient): Promise<FomoTokens> {
  const back = await authorize(client);
  expect(back.searchParams.get('state')).toBe('st8te');
  return client.exchangeCode({
    code: back.searchParams.get('code')!,
    state: 'st8te',
    redirectUri: returnUri(),
  });
}

function payParams(t: FomoTokens, over: Partial<FomoPayParams> = {}): FomoPayParams {
  return {
    direction: 1,
    tradeId: `T-${Math.random().toString(36).slice(2)}`,
    amount: '12.5',
    coinId: '3',
    userId: DEMO.fomo.user.userId,
    accessToken: t.accessToken,
    serverUri: sb.origin + MERCHANT_PATHS.fomoCallback,
    redirectUri: returnUri(),
    state: 'payst8',
    ...over,
  };
}

/** Open the pay page; confirm (or cancel) when it shows; returns the landing URL. */
async function pay(url: string, decision = 'confirm'): Promise<URL> {
  const res = await sb.get(url);
  if (res.status === 302) return location(res);
  expect(res.status).toBe(200);
  const form = readForm(await res.text());
  return location(await sb.post(resolveAction(url, form.action), { ...form.fields, decision }));
}

describe('FOMO OAuth against the sandbox', () => {
  it('authorize → token → user info → refresh → user info', async () => {
    const { client } = setup();
    const t = await login(client);
    expect(t.accessToken).toBeTruthy();
    expect(t.refreshToken).toBeTruthy();
    expect(t.expiresAt).toBeGreaterThan(Date.now());
    expect(await client.userInfo(t.accessToken)).toEqual({
      userId: DEMO.fomo.user.userId,
      nickname: DEMO.fomo.user.nickname,
      username: DEMO.fomo.user.username,
    });
    const r = await client.refresh(t.refreshToken!);
    expect(r.accessToken).not.toBe(t.accessToken);
    expect((await client.userInfo(r.accessToken)).userId).toBe(DEMO.fomo.user.userId);
    const stats = (await sb.control(CONTROL.stats)).json as {
      requests: Record<string, Record<string, number>>;
    };
    expect(stats.requests.fomo?.['oauth2/RefreshToken']).toBe(1);
  });

  it('a denied consent lands with error=access_denied and no code', async () => {
    const back = await authorize(setup().client, 'deny');
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.has('code')).toBe(false);
  });

  it('a code used twice → auth_expired (201 临时验证令牌错误)', async () => {
    const { client } = setup();
    const back = await authorize(client);
    const code = back.searchParams.get('code')!;
    await client.exchangeCode({ code, state: 'st8te', redirectUri: returnUri() });
    const e = await caught(client.exchangeCode({ code, state: 'st8te', redirectUri: returnUri() }));
    expect(e.code).toBe('auth_expired');
    expect(e.platformCode).toBe('201');
  });

  it('a wrong client_secret → signature (7); an unknown client → not_found (82)', async () => {
    const back = await authorize(setup().client);
    const wrong = setup({}, { ...creds, clientSecret: 'not-the-secret' }).client;
    const e = await caught(
      wrong.exchangeCode({
        code: back.searchParams.get('code')!,
        state: 's',
        redirectUri: returnUri(),
      }),
    );
    expect(e.code).toBe('signature');
    expect(e.platformCode).toBe('7');
    expect(e.message).not.toContain('not-the-secret');
    const unknown = setup({}, { ...creds, clientId: 'nobody' }).client;
    expect((await caught(unknown.refresh('x'))).platformCode).toBe('82');
  });

  it('an unknown refresh token and an unknown access token → auth_expired (3)', async () => {
    const { client } = setup();
    const e1 = await caught(client.refresh('fr_unknown'));
    expect(e1.code).toBe('auth_expired');
    expect(e1.platformCode).toBe('3');
    const e2 = await caught(client.userInfo('fa_unknown'));
    expect(e2.code).toBe('auth_expired');
    expect(e2.status).toBe(401);
  });

  it('an expired access token → auth_expired (2); refreshing fixes it', async () => {
    await sb.control(CONTROL.seed, { fomoTokenTtlSeconds: 60 });
    const { client } = setup();
    const t = await login(client);
    await fault({ kind: 'skew', ms: 120_000 });
    const e = await caught(client.userInfo(t.accessToken));
    expect(e.code).toBe('auth_expired');
    expect(e.platformCode).toBe('2');
    const r = await client.refresh(t.refreshToken!);
    expect((await client.userInfo(r.accessToken)).userId).toBe(DEMO.fomo.user.userId);
  });
});

describe('FOMO pay page against the sandbox', () => {
  it('direction 1 (recharge): confirm → success return, callback delivered, no token kept', async () => {
    const { client } = setup();
    const t = await login(client);
    const p = payParams(t);
    const back = await pay(await client.payUrl(p));
    expect(back.origin + back.pathname).toBe(returnUri());
    const r = parseFomoPayReturn(back);
    expect(r.ok).toBe(true);
    expect(r.trade_id).toBe(p.tradeId);
    expect(r.amount).toBe('12.5');
    expect(r.coin_id).toBe('3');
    expect(r.state).toBe('payst8');
    expect(r.httpcode).toBe(200);
    expect(r.transfer_id).toBeTruthy();
    expect(JSON.stringify(r)).not.toContain(t.accessToken);
    const st = (await sb.control(CONTROL.state)).json as {
      merchant: { callbacks: { params: Record<string, string> }[] };
    };
    const cb = st.merchant.callbacks.find((c) => c.params.trade_id === p.tradeId);
    expect(cb?.params.direction).toBe('1');
    expect(cb?.params.transfer_id).toBe(r.transfer_id);
  });

  it('direction 2 (withdraw) returns to front_uri', async () => {
    const { client } = setup();
    const t = await login(client);
    const front = sb.origin + MERCHANT_PATHS.fomoFront;
    const back = await pay(await client.payUrl(payParams(t, { direction: 2, frontUri: front })));
    expect(back.origin + back.pathname).toBe(front);
    const r = parseFomoPayReturn(back);
    expect(r.ok).toBe(true);
    expect(r.transfer_id).toBeTruthy();
  });

  it('the same trade_id twice → 201 = duplicate trade_id', async () => {
    const { client } = setup();
    const t = await login(client);
    const p = payParams(t);
    expect(parseFomoPayReturn(await pay(await client.payUrl(p))).ok).toBe(true);
    const r = parseFomoPayReturn(await pay(await client.payUrl(p)));
    expect(r.status).toBe(201);
    expect(r.message.zh).toBe('接入方交易ID trade_id重复');
    expect(fomoPayReturnError(r)?.code).toBe('duplicate');
  });

  it('more than the balance → 24 insufficient_funds; an unknown coin → 23 not_found', async () => {
    const { client } = setup();
    const t = await login(client);
    const r1 = parseFomoPayReturn(
      await pay(await client.payUrl(payParams(t, { amount: '999999' }))),
    );
    expect(fomoPayReturnError(r1)?.code).toBe('insufficient_funds');
    const r2 = parseFomoPayReturn(await pay(await client.payUrl(payParams(t, { coinId: '99' }))));
    expect(r2.status).toBe(23);
    expect(fomoPayReturnError(r2)?.code).toBe('not_found');
  });

  it('a wrong secret in the sign → 7 signature', async () => {
    const { client } = setup();
    const t = await login(client);
    const forged = setup({}, { ...creds, clientSecret: 'wrong' }).client;
    const r = parseFomoPayReturn(await pay(await forged.payUrl(payParams(t))));
    expect(fomoPayReturnError(r)?.code).toBe('signature');
  });

  it('FOMO clock ahead by an hour → 8; syncClock, then the next page succeeds', async () => {
    const { client, ctx } = setup();
    const t = await login(client);
    await fault({ kind: 'skew', ms: 3_600_000 });
    const r1 = parseFomoPayReturn(await pay(await client.payUrl(payParams(t))));
    expect(r1.status).toBe(8);
    expect(fomoPayReturnError(r1)?.code).toBe('timestamp_skew');
    expect(await client.syncClock(t.accessToken)).toBe(true);
    expect(Math.abs(ctx.clock.offsetMs - 3_600_000)).toBeLessThan(5000);
    const r2 = parseFomoPayReturn(await pay(await client.payUrl(payParams(t))));
    expect(r2.ok).toBe(true);
  });

  it('a token without paytoken is refused (54 permission)', async () => {
    const { client } = setup();
    const url = client.authorizeUrl({ redirectUri: returnUri(), state: 's', scopes: ['userinfo'] });
    const page = await sb.get(url);
    const form = readForm(await page.text());
    const back = location(
      await sb.post(resolveAction(url, form.action), { ...form.fields, decision: 'allow' }),
    );
    const t = await client.exchangeCode({
      code: back.searchParams.get('code')!,
      state: 's',
      scopes: ['userinfo'],
      redirectUri: returnUri(),
    });
    const r = parseFomoPayReturn(await pay(await client.payUrl(payParams(t))));
    expect(fomoPayReturnError(r)?.code).toBe('permission');
  });
  it('after a refresh (scope=userinfo, as the seed fixes it) the pay page answers 54', async () => {
    const { client } = setup();
    const t = await login(client);
    const r = await client.refresh(t.refreshToken!);
    const back = parseFomoPayReturn(await pay(await client.payUrl(payParams(r))));
    expect(back.status).toBe(54);
    expect(fomoPayReturnError(back)?.code).toBe('permission');
  });
});

describe('FOMO injected faults', () => {
  it('an API reply with code 8 resyncs from Date and retries once', async () => {
    const { client, ctx } = setup();
    const t = await login(client);
    await fault({ kind: 'skew', ms: -600_000 });
    await fault({
      kind: 'status',
      endpoint: 'oauth2/resource/get_user_info',
      status: 200,
      body: { status: 8, msg: '签名过期' },
      times: 1,
    });
    expect((await client.userInfo(t.accessToken)).userId).toBe(DEMO.fomo.user.userId);
    expect(Math.abs(ctx.clock.offsetMs + 600_000)).toBeLessThan(5000);
  });

  it.each([
    ['html', { kind: 'html', status: 502 }, 'platform'],
    ['html 200', { kind: 'html', status: 200 }, 'bad_response'],
    ['malformed', { kind: 'malformed' }, 'bad_response'],
    ['status 500', { kind: 'status', status: 500 }, 'platform'],
    ['truncate', { kind: 'truncate' }, 'bad_response'],
    ['rate_limit', { kind: 'rate_limit', retryAfterSeconds: 3 }, 'rate_limited'],
  ] as const)('%s on the token endpoint → %s', async (_l, spec, kind) => {
    const { client } = setup();
    const back = await authorize(client);
    await fault({ ...spec, endpoint: 'oauth2/authorize/token' });
    const e = await caught(
      client.exchangeCode({
        code: back.searchParams.get('code')!,
        state: 's',
        redirectUri: returnUri(),
      }),
    );
    expect(e.code).toBe(kind);
    expect(e.platform).toBe('fomo');
    expect(e.endpoint).toBe('oauth2/authorize/token');
    if (kind === 'rate_limited') expect(e.retryAfterMs).toBe(3000);
  });

  it('huge → bad_response at the size cap', async () => {
    await fault({ kind: 'huge', bytes: 2_000_000, endpoint: 'oauth2/RefreshToken' });
    const e = await caught(setup({ maxBytes: 256 * 1024 }).client.refresh('r'));
    expect(e.code).toBe('bad_response');
  });

  it('hang → timeout; latency under the limit still succeeds', async () => {
    const { client } = setup({ timeoutMs: 300 });
    await fault({ kind: 'hang', endpoint: 'oauth2/RefreshToken', times: 1 });
    expect((await caught(client.refresh('r'))).code).toBe('timeout');
    const slow = setup({ timeoutMs: 3000 }).client;
    const t = await login(slow);
    await fault({ kind: 'latency', ms: 100, endpoint: 'oauth2/resource/get_user_info', times: 1 });
    expect((await slow.userInfo(t.accessToken)).userId).toBe(DEMO.fomo.user.userId);
  });

  it('a closed port → network', async () => {
    const { client } = setup({ baseUrl: 'http://127.0.0.1:9/fomo/' });
    expect((await caught(client.refresh('r'))).code).toBe('network');
  });
});

describe('FOMO PKCE (S256) and redirect_uri against the sandbox', () => {
  async function codeWith(challenge: string | undefined): Promise<string> {
    const { client } = setup();
    const url = client.authorizeUrl({
      redirectUri: returnUri(),
      state: 'st8te',
      ...(challenge ? { codeChallenge: challenge } : {}),
    });
    const page = await sb.get(url);
    const form = readForm(await page.text());
    const back = location(
      await sb.post(resolveAction(url, form.action), { ...form.fields, decision: 'allow' }),
    );
    return back.searchParams.get('code')!;
  }
  const exchange = (code: string, over: Partial<FomoCodeExchange> = {}) =>
    setup().client.exchangeCode({ code, state: 'st8te', redirectUri: returnUri(), ...over });

  it('a code from a challenged authorize needs its verifier', async () => {
    const verifier = newCodeVerifier();
    const challenge = await codeChallengeS256(verifier);
    const missing = await caught(exchange(await codeWith(challenge)));
    expect([missing.code, missing.platformCode]).toEqual(['auth_expired', '201']);
    const wrong = await caught(
      exchange(await codeWith(challenge), { codeVerifier: newCodeVerifier() }),
    );
    expect(wrong.platformCode).toBe('201');
    const t = await exchange(await codeWith(challenge), { codeVerifier: verifier });
    expect(t.accessToken).toBeTruthy();
  });

  it('stays optional without a challenge; a challenge that is not S256 is refused', async () => {
    expect((await exchange(await codeWith(undefined))).accessToken).toBeTruthy();
    const url = new URL(
      setup().client.authorizeUrl({ redirectUri: returnUri(), state: 's', codeChallenge: 'x' }),
    );
    url.searchParams.set('code_challenge_method', 'plain');
    expect(location(await sb.get(url.toString())).searchParams.get('error')).toBe(
      'invalid_request',
    );
  });

  it('the token request’s redirect_uri must be exactly the authorize request’s', async () => {
    for (const other of [`${returnUri()}/`, returnUri().replace('127.0.0.1', 'localhost')]) {
      const e = await caught(exchange(await codeWith(undefined), { redirectUri: other }));
      expect(e.platformCode).toBe('201');
    }
  });
});
