import { describe, expect, it } from 'vitest';
import { SkewClock, type FetchLike } from '../../core/http';
import type { CoinDockError } from '../../core/errors';
import type { ProviderContext } from '../types';
import { createFomoClient } from './client';
import { buildFomoAuthorizeUrl } from './oauth';
import { FOMO_ERROR_CODES } from './error-table';

const BASE = 'http://39.108.51.7/fomo/';
const CREDS = { clientId: 'app_1', clientSecret: 'client-secret-123' };
const NOW = 1_700_000_000_000;
const RET = 'https://shop.example/fomo/return';

interface Seen {
  url: URL;
  method: string;
  headers: Headers;
  body: string | undefined;
}

function setup(answer: (req: Seen, n: number) => Response) {
  const seen: Seen[] = [];
  const fetch: FetchLike = async (input, init) => {
    const req: Seen = {
      url: new URL(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : undefined,
    };
    seen.push(req);
    return answer(req, seen.length);
  };
  const ctx: ProviderContext = {
    fetch,
    clock: new SkewClock({ now: () => NOW }),
    baseUrl: BASE,
    timeoutMs: 2000,
  };
  return { ctx, seen, client: createFomoClient(ctx, CREDS) };
}

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), { status: 200, ...init });

async function caught(p: Promise<unknown>): Promise<CoinDockError> {
  try {
    await p;
  } catch (e) {
    return e as CoinDockError;
  }
  throw new Error('expected a rejection');
}

describe('FOMO authorize URL (docs/providers/fomo.md, Flows: Connect)', () => {
  it('carries response_type=code, client_id, redirect_uri, state and space-separated scopes', () => {
    const url = new URL(
      buildFomoAuthorizeUrl(BASE, {
        clientId: 'app_1',
        redirectUri: 'https://shop.example/return?x=1',
        state: 'abc123',
      }),
    );
    expect(url.origin + url.pathname).toBe('http://39.108.51.7/fomo/oauth2/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'code',
      client_id: 'app_1',
      redirect_uri: 'https://shop.example/return?x=1',
      state: 'abc123',
      scope: 'userinfo paytoken',
    });
    expect(url.search).toContain('scope=userinfo+paytoken');
  });

  it('PKCE: a code_challenge (S256) on the page, its code_verifier in the token request', async () => {
    const url = new URL(
      buildFomoAuthorizeUrl(BASE, {
        clientId: 'app_1',
        redirectUri: RET,
        state: 's',
        codeChallenge: 'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
      }),
    );
    expect(url.searchParams.get('code_challenge')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
    expect(url.searchParams.get('code_challenge_method')).toBe('S256');
    const { client, seen } = setup(() => json({ access_token: 'A' }));
    await client.exchangeCode({
      code: 'c',
      state: 's',
      redirectUri: RET,
      codeVerifier: 'V'.repeat(43),
    });
    expect(new URLSearchParams(seen[0]!.body).get('code_verifier')).toBe('V'.repeat(43));
  });

  it('the client fills client_id; a narrower scope is possible; state is required', () => {
    const { client } = setup(() => json({}));
    const url = new URL(
      client.authorizeUrl({ redirectUri: 'https://r.example/', state: 's', scopes: ['userinfo'] }),
    );
    expect(url.searchParams.get('client_id')).toBe('app_1');
    expect(url.searchParams.get('scope')).toBe('userinfo');
    expect(() => client.authorizeUrl({ redirectUri: 'https://r.example/', state: '' })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
  });
});

describe('FOMO token exchange and refresh', () => {
  it('POSTs the seed fields form-encoded and reads a bare reply', async () => {
    const { client, seen } = setup(() =>
      json({
        access_token: 'AT1',
        refresh_token: 'RT1',
        expires_in: 7200,
        scope: 'userinfo paytoken',
      }),
    );
    const t = await client.exchangeCode({ code: 'C0DE', state: 'st', redirectUri: RET });
    expect(t).toEqual({
      accessToken: 'AT1',
      refreshToken: 'RT1',
      expiresAt: NOW + 7_200_000,
      scope: 'userinfo paytoken',
    });
    const req = seen[0]!;
    expect(req.method).toBe('POST');
    expect(req.url.toString()).toBe(`${BASE}oauth2/authorize/token`);
    expect(req.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(new URLSearchParams(req.body))).toEqual({
      code: 'C0DE',
      client_id: 'app_1',
      client_secret: CREDS.clientSecret,
      grant_type: 'authorization_code',
      scope: 'userinfo paytoken',
      state: 'st',
      // RFC 6749 §4.1.3: the authorize request's redirect_uri, again (FOMO's document omits it).
      redirect_uri: RET,
    });
  });

  it('reads a wrapped reply {status: 1, data} and tolerates a missing expires_in', async () => {
    const { client } = setup(() =>
      json({ status: 1, msg: 'ok', data: { access_token: 'AT2', refresh_token: 'RT2' } }),
    );
    const t = await client.exchangeCode({ code: 'c', state: 's', redirectUri: RET });
    expect(t).toEqual({ accessToken: 'AT2', refreshToken: 'RT2' });
    expect(t.expiresAt).toBeUndefined();
  });

  it('expires_in as a string of seconds is accepted', async () => {
    const { client } = setup(() => json({ status: '1', access_token: 'A', expires_in: '60' }));
    expect((await client.exchangeCode({ code: 'c', state: 's', redirectUri: RET })).expiresAt).toBe(
      NOW + 60_000,
    );
  });

  it('refresh: oauth2/RefreshToken with grant_type=refresh_token and scope=userinfo', async () => {
    const { client, seen } = setup(() => json({ access_token: 'AT3', expires_in: 10 }));
    const t = await client.refresh('RT-old');
    expect(t.accessToken).toBe('AT3');
    expect(t.refreshToken).toBeUndefined();
    expect(seen[0]!.url.toString()).toBe(`${BASE}oauth2/RefreshToken`);
    expect(Object.fromEntries(new URLSearchParams(seen[0]!.body))).toEqual({
      refresh_token: 'RT-old',
      client_id: 'app_1',
      client_secret: CREDS.clientSecret,
      grant_type: 'refresh_token',
      scope: 'userinfo',
    });
  });

  it.each([
    [{ status: 3, msg: 'session错误' }, 'auth_expired', '3'],
    [{ status: 2 }, 'auth_expired', '2'],
    [{ status: '0' }, 'invalid_input', '0'],
    [{ status: 82 }, 'not_found', '82'],
    [{ status: 201 }, 'auth_expired', '201'],
    [{ error: 'invalid_grant', error_description: 'used code' }, 'auth_expired', 'invalid_grant'],
    [{ error: 'invalid_client' }, 'permission', 'invalid_client'],
  ] as const)('error reply %j → %s', async (body, kind, platformCode) => {
    const { client } = setup(() => json(body, { status: 'error' in body ? 400 : 200 }));
    const e = await caught(client.exchangeCode({ code: 'c', state: 's', redirectUri: RET }));
    expect(e.code).toBe(kind);
    expect(e.platform).toBe('fomo');
    expect(e.endpoint).toBe('oauth2/authorize/token');
    expect(e.platformCode).toBe(platformCode);
    expect(e.message + JSON.stringify(e.toJSON())).not.toContain(CREDS.clientSecret);
  });

  it('an API 201 is the temporary-token error, not the pay-return duplicate', async () => {
    const { client } = setup(() => json({ status: 201 }));
    const e = await caught(client.refresh('r'));
    expect(e.text('zh')).toBe('临时验证令牌错误');
    expect(FOMO_ERROR_CODES['201']!.zh).toBe('接入方交易ID trade_id重复');
  });

  it.each([
    ['HTML', () => new Response('<!doctype html><h1>502 Bad Gateway</h1>', { status: 200 })],
    ['truncated', () => new Response('{"access_token":"A', { status: 200 })],
    ['missing access_token', () => json({ refresh_token: 'R' })],
    ['access_token of the wrong type', () => json({ access_token: 42 })],
    ['negative expires_in', () => json({ access_token: 'A', expires_in: -5 })],
    ['status that is not a number', () => json({ status: 'ok', access_token: 'A' })],
    ['empty body', () => new Response('', { status: 200 })],
  ])('%s → bad_response', async (_l, answer) => {
    const { client } = setup(answer);
    expect(
      (await caught(client.exchangeCode({ code: 'c', state: 's', redirectUri: RET }))).code,
    ).toBe('bad_response');
  });

  it('HTTP 500 with an HTML page → platform error with the status', async () => {
    const { client } = setup(() => new Response('<html>oops</html>', { status: 500 }));
    const e = await caught(client.refresh('r'));
    expect(e.code).toBe('platform');
    expect(e.status).toBe(500);
  });

  it('a hanging server → timeout', async () => {
    const seen: string[] = [];
    const ctx: ProviderContext = {
      fetch: (url, init) =>
        new Promise((_res, rej) => {
          seen.push(url);
          init?.signal?.addEventListener('abort', () =>
            rej(new DOMException('aborted', 'AbortError')),
          );
        }),
      clock: new SkewClock(),
      baseUrl: BASE,
      timeoutMs: 50,
    };
    const e = await caught(createFomoClient(ctx, CREDS).refresh('r'));
    expect(e.code).toBe('timeout');
    expect(seen).toHaveLength(1);
  });
});

describe('FOMO user info (docs/providers/fomo.md, Flows: User info)', () => {
  it('GET with AUTHORIZATION: Bearer and no parameters; id may be a number', async () => {
    const { client, seen } = setup(() =>
      json({ status: 1, data: { user_id: 10001, nickname: 'Alice', extra: true } }),
    );
    expect(await client.userInfo('AT-9')).toEqual({ userId: '10001', nickname: 'Alice' });
    expect(seen[0]!.method).toBe('GET');
    expect(seen[0]!.url.toString()).toBe(`${BASE}oauth2/resource/get_user_info`);
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer AT-9');
  });

  it('an expired token (status 2 / HTTP 401) → auth_expired', async () => {
    expect((await caught(setup(() => json({ status: 2 })).client.userInfo('x'))).code).toBe(
      'auth_expired',
    );
    expect(
      (
        await caught(
          setup(() => new Response('Unauthorized', { status: 401 })).client.userInfo('x'),
        )
      ).code,
    ).toBe('auth_expired');
  });

  it('missing user_id → bad_response', async () => {
    expect(
      (await caught(setup(() => json({ status: 1, data: { nickname: 'A' } })).client.userInfo('x')))
        .code,
    ).toBe('bad_response');
  });
});

describe('FOMO code 8 (签名过期): resync the clock and retry once', () => {
  it('retries once after syncing from the Date header; the offset stays', async () => {
    const server = NOW + 900_000;
    const { client, seen, ctx } = setup((_r, n) =>
      n === 1
        ? json({ status: 8 }, { headers: { date: new Date(server).toUTCString() } })
        : json({ user_id: '1' }),
    );
    expect((await client.userInfo('t')).userId).toBe('1');
    expect(seen).toHaveLength(2);
    expect(Math.abs(ctx.clock.now() - server)).toBeLessThan(1500);
    // The next pay page uses the corrected time.
    const pay = new URL(
      await client.payUrl({
        direction: 1,
        tradeId: 't',
        amount: '1',
        coinId: '1',
        userId: '1',
        accessToken: 'a',
        serverUri: 'https://s.example/',
        redirectUri: 'https://r.example/',
        state: 's',
      }),
    );
    expect(Number(pay.searchParams.get('timestamp'))).toBe(Math.floor(ctx.clock.now() / 1000));
  });

  it('gives up after one retry', async () => {
    const { client, seen } = setup(() =>
      json({ status: 8 }, { headers: { date: new Date(NOW + 1e6).toUTCString() } }),
    );
    expect((await caught(client.refresh('r'))).code).toBe('timestamp_skew');
    expect(seen).toHaveLength(2);
  });
});

describe('FOMO syncClock (after a pay return with status 8)', () => {
  it('takes the offset from the Date header of a user-info reply, even an error reply', async () => {
    const server = NOW - 7_200_000;
    const { client, ctx, seen } = setup(() =>
      json({ status: 2 }, { status: 401, headers: { date: new Date(server).toUTCString() } }),
    );
    expect(await client.syncClock('AT')).toBe(true);
    expect(seen[0]!.headers.get('authorization')).toBe('Bearer AT');
    expect(Math.abs(ctx.clock.now() - server)).toBeLessThan(1500);
  });

  it('returns false without a Date header and leaves the clock alone', async () => {
    const { client, ctx } = setup(() => json({ user_id: '1' }));
    expect(await client.syncClock('AT')).toBe(false);
    expect(ctx.clock.offsetMs).toBe(0);
  });
});
