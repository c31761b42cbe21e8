import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SkewClock, type FetchLike } from '../../core/http';
import type { CoinDockError } from '../../core/errors';
import type { ProviderContext } from '../types';
import { createHicoinClient } from './client';
import { buildHicoinAuthorizeUrl } from './oauth';
import { parseHicoinAuthorizeReturn } from './return';
import { isValidHicoinState, newHicoinState } from './state';

const BASE = 'https://oauth.hicoin.vip/api';
const CREDS = { appId: 'hc_app', secret: 'hc-secret-777' };
const NOW = 1_700_000_000_000;

interface Seen {
  url: URL;
  method: string;
  headers: Headers;
  body: string | undefined;
}

function setup(answer: (req: Seen) => Response) {
  const seen: Seen[] = [];
  const fetch: FetchLike = async (input, init) => {
    const req: Seen = {
      url: new URL(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : undefined,
    };
    seen.push(req);
    return answer(req);
  };
  const ctx: ProviderContext = {
    fetch,
    clock: new SkewClock({ now: () => NOW }),
    baseUrl: BASE,
    timeoutMs: 2000,
  };
  return { seen, client: createHicoinClient(ctx, CREDS) };
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

const tokenBody = {
  access_token: 'HAT',
  expires_in: '7200',
  refresh_token: 'HRT',
  openid: 'hc_openid_1',
  scope: 'snsapi_base,snsapi_userinfo',
};

describe('HiCoin state (docs/providers/hicoin.md, Flows: Authorize)', () => {
  it('generated states are valid, of the asked length, and differ', () => {
    const a = newHicoinState();
    expect(a).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(newHicoinState()).not.toBe(a);
    expect(newHicoinState(128)).toHaveLength(128);
    expect(() => newHicoinState(129)).toThrow(RangeError);
  });

  it('accepts exactly the alphabet and length the seed allows', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 140 }), (s) => {
        expect(isValidHicoinState(s)).toBe(/^[A-Za-z0-9]{0,128}$/.test(s));
      }),
    );
    expect(isValidHicoinState('a'.repeat(128))).toBe(true);
    expect(isValidHicoinState('a'.repeat(129))).toBe(false);
    expect(isValidHicoinState('ab-c')).toBe(false);
    expect(isValidHicoinState('çé')).toBe(false);
  });
});

describe('HiCoin authorize URL', () => {
  const p = {
    appId: 'hc_app',
    redirectUri: 'https://shop.example/cb?from=hc&x=1',
    scope: 'snsapi_userinfo' as const,
    state: 'Abc123',
    walletRedirect: 'hicoin://wallet',
  };

  it('has every seed parameter with redirect_uri URL-encoded', () => {
    const s = buildHicoinAuthorizeUrl(BASE, p);
    const url = new URL(s);
    expect(url.origin + url.pathname).toBe('https://oauth.hicoin.vip/api/connect/oauth/authorize');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      app_id: 'hc_app',
      redirect_uri: p.redirectUri,
      response_type: 'code',
      scope: 'snsapi_userinfo',
      state: 'Abc123',
      wallet_redirect: 'hicoin://wallet',
    });
    expect(s).toContain(`redirect_uri=${encodeURIComponent(p.redirectUri)}`);
  });

  it('refuses a bad state, scope or missing wallet_redirect', () => {
    expect(() => buildHicoinAuthorizeUrl(BASE, { ...p, state: 'no spaces' })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    expect(() => buildHicoinAuthorizeUrl(BASE, { ...p, state: 'x'.repeat(129) })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    expect(() => buildHicoinAuthorizeUrl(BASE, { ...p, scope: 'snsapi_all' as never })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    expect(() => buildHicoinAuthorizeUrl(BASE, { ...p, walletRedirect: '' })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
  });

  it('the return parser extracts code and state, and a missing code is a refusal', () => {
    expect(parseHicoinAuthorizeReturn('https://shop.example/cb?code=C1&state=S1')).toEqual({
      code: 'C1',
      state: 'S1',
    });
    expect(() => parseHicoinAuthorizeReturn('https://shop.example/cb?state=S1')).toThrow(
      expect.objectContaining({ code: 'permission' }),
    );
    expect(() =>
      parseHicoinAuthorizeReturn('https://shop.example/cb?code=C&state=%3Cx%3E'),
    ).toThrow(expect.objectContaining({ code: 'bad_response' }));
  });
});

describe('HiCoin token exchange and refresh (docs/providers/hicoin.md, Flows)', () => {
  it('POSTs app_id, secret, code, grant_type form-encoded; expires_in string → number', async () => {
    const { client, seen } = setup(() => json(tokenBody));
    const t = await client.exchangeCode('CODE1');
    expect(t).toEqual({
      accessToken: 'HAT',
      refreshToken: 'HRT',
      openid: 'hc_openid_1',
      expiresIn: 7200,
      expiresAt: NOW + 7_200_000,
      scopes: ['snsapi_base', 'snsapi_userinfo'],
    });
    expect(seen[0]!.url.toString()).toBe(`${BASE}/sns/oauth/access_token`);
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.headers.get('content-type')).toMatch(/^application\/x-www-form-urlencoded/);
    expect(Object.fromEntries(new URLSearchParams(seen[0]!.body))).toEqual({
      app_id: 'hc_app',
      secret: CREDS.secret,
      code: 'CODE1',
      grant_type: 'authorization_code',
    });
  });

  it('accepts the {code, msg, data} wrapper', async () => {
    const { client } = setup(() =>
      json({ code: 0, msg: 'success', data: { ...tokenBody, scope: 'snsapi_base' } }),
    );
    expect((await client.exchangeCode('c')).scopes).toEqual(['snsapi_base']);
  });

  it('refresh sends no secret', async () => {
    const { client, seen } = setup(() => json({ code: '0', msg: '', data: tokenBody }));
    await client.refresh('HRT-old');
    expect(seen[0]!.url.toString()).toBe(`${BASE}/sns/oauth/refresh_token`);
    expect(Object.fromEntries(new URLSearchParams(seen[0]!.body))).toEqual({
      app_id: 'hc_app',
      grant_type: 'refresh_token',
      refresh_token: 'HRT-old',
    });
    expect(seen[0]!.body).not.toContain(CREDS.secret);
  });

  it.each([
    [{ code: 40029, msg: 'invalid code', data: null }, 'auth_expired', '40029'],
    [{ code: '40125', msg: 'invalid secret' }, 'permission', '40125'],
    [{ code: 40001, msg: 'invalid credential' }, 'auth_expired', '40001'],
    [{ errcode: 40030, errmsg: 'invalid refresh_token' }, 'auth_expired', '40030'],
    [{ code: 77777, msg: '未知错误' }, 'platform', '77777'],
  ] as const)('error %j → %s', async (body, kind, platformCode) => {
    const { client } = setup(() => json(body));
    const e = await caught(client.exchangeCode('c'));
    expect(e.code).toBe(kind);
    expect(e.platformCode).toBe(platformCode);
    expect(e.platform).toBe('hicoin');
    expect(e.message + JSON.stringify(e.toJSON())).not.toContain(CREDS.secret);
  });

  it('an unknown code shows HiCoin’s own msg', async () => {
    const e = await caught(
      setup(() => json({ code: 77777, msg: '未知错误' })).client.exchangeCode('c'),
    );
    expect(e.text('zh')).toContain('未知错误');
  });

  it.each([
    ['expires_in not digits', { ...tokenBody, expires_in: 'soon' }],
    ['expires_in negative number', { ...tokenBody, expires_in: -1 }],
    ['missing openid', { ...tokenBody, openid: undefined }],
    ['access_token empty', { ...tokenBody, access_token: '' }],
    ['scope not a string', { ...tokenBody, scope: ['snsapi_base'] }],
  ])('%s → bad_response', async (_l, body) => {
    expect((await caught(setup(() => json(body)).client.exchangeCode('c'))).code).toBe(
      'bad_response',
    );
  });

  it.each([
    ['HTML', () => new Response('<html>maintenance</html>', { status: 200 })],
    ['truncated', () => new Response('{"code":0,"data":{"access', { status: 200 })],
    ['wrapper without data', () => json({ code: 0, msg: 'ok' })],
    ['number instead of object', () => json(42)],
  ])('%s → bad_response', async (_l, answer) => {
    expect((await caught(setup(answer).client.refresh('r'))).code).toBe('bad_response');
  });

  it('HTTP 502 HTML → platform error carrying the status', async () => {
    const e = await caught(
      setup(() => new Response('<html>bad gateway</html>', { status: 502 })).client.refresh('r'),
    );
    expect(e.code).toBe('platform');
    expect(e.status).toBe(502);
  });
});

describe('HiCoin user info', () => {
  it('GET /sns/user/info?openid with the token in the Authorization header, not the URL', async () => {
    const { client, seen } = setup(() =>
      json({
        code: 0,
        msg: 'ok',
        data: {
          openid: 'hc1',
          nickname: 'Alice',
          mobile: '13800000001',
          country_code: '86',
          email: 'a@example.com',
        },
      }),
    );
    expect(await client.userInfo('HAT', 'hc1')).toEqual({
      openid: 'hc1',
      nickname: 'Alice',
      mobile: '13800000001',
      countryCode: '86',
      email: 'a@example.com',
    });
    const req = seen[0]!;
    expect(req.url.pathname).toBe('/api/sns/user/info');
    expect(req.url.searchParams.get('openid')).toBe('hc1');
    expect(req.url.toString()).not.toContain('HAT');
    expect(req.headers.get('authorization')).toBe('Bearer HAT');
  });

  it('a bare reply with only the openid (snsapi_base) is fine', async () => {
    expect(await setup(() => json({ openid: 'hc1' })).client.userInfo('t', 'hc1')).toEqual({
      openid: 'hc1',
    });
  });

  it('expired token and scope errors are typed', async () => {
    expect(
      (await caught(setup(() => json({ code: 42001, msg: 'expired' })).client.userInfo('t', 'o')))
        .code,
    ).toBe('auth_expired');
    expect(
      (await caught(setup(() => json({ code: 48001, msg: 'scope' })).client.userInfo('t', 'o')))
        .code,
    ).toBe('permission');
    expect(
      (await caught(setup(() => new Response('', { status: 401 })).client.userInfo('t', 'o'))).code,
    ).toBe('auth_expired');
  });
});
