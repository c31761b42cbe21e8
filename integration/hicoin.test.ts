/**
 * The HiCoin client against the sandbox's HiCoin simulator over real HTTP on loopback, in both
 * reply styles (bare and {code, msg, data}: docs/providers/hicoin.md, Replies and errors): both
 * scopes, code exchange, refresh, profile, HiCoin's error codes and the injected faults.
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
  createHicoinClient,
  newHicoinState,
  parseHicoinAuthorizeReturn,
  type HicoinAppCredentials,
  type HicoinClient,
  type HicoinScope,
  type HicoinTokens,
} from '../src/providers/hicoin';
import type { ProviderContext } from '../src/providers/types';
import { codeChallengeS256, newCodeVerifier } from '../src/core/pkce';

let sb: TestSandbox;
const creds: HicoinAppCredentials = { appId: DEMO.hicoin.appId, secret: DEMO.hicoin.secret };

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
    baseUrl: sb.origin + PREFIX.hicoin,
    timeoutMs: 5000,
    ...extra,
  };
  return { ctx, client: createHicoinClient(ctx, c) };
}

async function control(path: string, body: unknown): Promise<void> {
  const r = await sb.control(path, body);
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

const returnUri = () => sb.origin + MERCHANT_PATHS.hicoinReturn;

/** Open the authorize page as a browser; on the consent page press `decision`. */
async function authorize(
  client: HicoinClient,
  scope: HicoinScope,
  state: string,
  decision = 'allow',
): Promise<URL> {
  const url = client.authorizeUrl({
    redirectUri: returnUri(),
    scope,
    state,
    walletRedirect: 'hicoin://wallet/open',
  });
  const res = await sb.get(url);
  if (res.status === 302) return location(res);
  expect(res.status).toBe(200);
  const form = readForm(await res.text());
  return location(await sb.post(resolveAction(url, form.action), { ...form.fields, decision }));
}

async function login(client: HicoinClient, scope: HicoinScope): Promise<HicoinTokens> {
  const state = newHicoinState();
  const back = parseHicoinAuthorizeReturn(await authorize(client, scope, state));
  expect(back.state).toBe(state);
  return client.exchangeCode(back.code);
}

const user = DEMO.hicoin.user;

describe.each(['bare', 'wrapped'] as const)('HiCoin (%s replies) against the sandbox', (style) => {
  beforeEach(async () => {
    await control(CONTROL.seed, { hicoinReplyStyle: style });
  });

  it('snsapi_userinfo: consent → token (expires_in string) → profile → refresh → profile', async () => {
    const { client } = setup();
    const t = await login(client, 'snsapi_userinfo');
    expect(t.openid).toBe(user.openid);
    expect(t.scopes).toContain('snsapi_userinfo');
    expect(t.expiresIn).toBeGreaterThan(0);
    expect(t.expiresAt).toBeGreaterThan(Date.now());
    expect(await client.userInfo(t.accessToken, t.openid)).toEqual({
      openid: user.openid,
      nickname: user.nickname,
      mobile: user.mobile,
      countryCode: user.countryCode,
      email: user.email,
    });
    const r = await client.refresh(t.refreshToken);
    expect(r.openid).toBe(user.openid);
    expect((await client.userInfo(r.accessToken, r.openid)).email).toBe(user.email);
  });

  it('snsapi_base: silent redirect, openid only; the profile is refused (48001)', async () => {
    const { client } = setup();
    const state = newHicoinState(128);
    const url = client.authorizeUrl({
      redirectUri: returnUri(),
      scope: 'snsapi_base',
      state,
      walletRedirect: 'hicoin://wallet/open',
    });
    const res = await sb.get(url);
    expect(res.status).toBe(302);
    const back = parseHicoinAuthorizeReturn(location(res));
    expect(back.state).toBe(state);
    const t = await client.exchangeCode(back.code);
    expect(t.scopes).toEqual(['snsapi_base']);
    const e = await caught(client.userInfo(t.accessToken, t.openid));
    expect(e.code).toBe('permission');
    expect(e.platformCode).toBe('48001');
  });

  it('a denied consent → no code (permission)', async () => {
    const back = await authorize(setup().client, 'snsapi_userinfo', 'abc', 'deny');
    expect(() => parseHicoinAuthorizeReturn(back)).toThrow(
      expect.objectContaining({ code: 'permission' }),
    );
  });

  it('a code used twice → auth_expired (40163); an unknown code → auth_expired (40029)', async () => {
    const { client } = setup();
    const back = parseHicoinAuthorizeReturn(await authorize(client, 'snsapi_base', 's1'));
    await client.exchangeCode(back.code);
    const e1 = await caught(client.exchangeCode(back.code));
    expect(e1.code).toBe('auth_expired');
    expect(e1.platformCode).toBe('40163');
    const e2 = await caught(client.exchangeCode('hcc_not_a_code'));
    expect(e2.code).toBe('auth_expired');
    expect(e2.platformCode).toBe('40029');
  });

  it('a wrong secret → permission (40125), without the secret in the error', async () => {
    const { client } = setup();
    const back = parseHicoinAuthorizeReturn(await authorize(client, 'snsapi_base', 's2'));
    const wrong = setup({}, { ...creds, secret: 'wrong-hc-secret' }).client;
    const e = await caught(wrong.exchangeCode(back.code));
    expect(e.code).toBe('permission');
    expect(e.platformCode).toBe('40125');
    expect(JSON.stringify(e.toJSON()) + e.message).not.toContain('wrong-hc-secret');
  });

  it('an unknown app → permission (40013); a bad refresh token → auth_expired (40030)', async () => {
    const other = setup({}, { ...creds, appId: 'nobody' }).client;
    expect((await caught(other.refresh('x'))).platformCode).toBe('40013');
    const e = await caught(setup().client.refresh('hcr_unknown'));
    expect(e.code).toBe('auth_expired');
    expect(e.platformCode).toBe('40030');
  });

  it('an invalid token → auth_expired (40001); an expired one → auth_expired (42001)', async () => {
    const { client } = setup();
    expect((await caught(client.userInfo('hca_unknown', user.openid))).platformCode).toBe('40001');
    const t = await login(client, 'snsapi_userinfo');
    await control(CONTROL.faults, {
      platform: 'hicoin',
      kind: 'skew',
      ms: t.expiresIn * 1000 + 60_000,
    });
    const e = await caught(client.userInfo(t.accessToken, t.openid));
    expect(e.code).toBe('auth_expired');
    expect(e.platformCode).toBe('42001');
  });

  it('another user’s openid → not_found (40003)', async () => {
    const { client } = setup();
    const t = await login(client, 'snsapi_userinfo');
    const e = await caught(client.userInfo(t.accessToken, 'hc_openid_mallory'));
    expect(e.code).toBe('not_found');
    expect(e.platformCode).toBe('40003');
  });
});

describe('HiCoin injected faults', () => {
  it.each([
    ['html 502', { kind: 'html', status: 502 }, 'platform'],
    ['html 200', { kind: 'html', status: 200 }, 'bad_response'],
    ['malformed', { kind: 'malformed' }, 'bad_response'],
    ['status 500', { kind: 'status', status: 500 }, 'platform'],
    [
      'status 200 with a wrong shape',
      { kind: 'status', status: 200, body: { access_token: 1 } },
      'bad_response',
    ],
    ['truncate', { kind: 'truncate' }, 'bad_response'],
    ['rate_limit', { kind: 'rate_limit', retryAfterSeconds: 4 }, 'rate_limited'],
  ] as const)('%s on the token endpoint → %s', async (_l, spec, kind) => {
    await control(CONTROL.faults, {
      platform: 'hicoin',
      endpoint: '/sns/oauth/access_token',
      ...spec,
    });
    const e = await caught(setup().client.exchangeCode('whatever'));
    expect(e.code).toBe(kind);
    expect(e.platform).toBe('hicoin');
    expect(e.endpoint).toBe('/sns/oauth/access_token');
    if (kind === 'rate_limited') expect(e.retryAfterMs).toBe(4000);
  });

  it('huge → bad_response; hang → timeout', async () => {
    await control(CONTROL.faults, {
      platform: 'hicoin',
      endpoint: '/sns/oauth/refresh_token',
      kind: 'huge',
      bytes: 1_000_000,
      times: 1,
    });
    expect((await caught(setup({ maxBytes: 64 * 1024 }).client.refresh('r'))).code).toBe(
      'bad_response',
    );
    await control(CONTROL.faults, {
      platform: 'hicoin',
      endpoint: '/sns/oauth/refresh_token',
      kind: 'hang',
      times: 1,
    });
    expect((await caught(setup({ timeoutMs: 300 }).client.refresh('r'))).code).toBe('timeout');
  });
});

describe('HiCoin PKCE (S256) against the sandbox', () => {
  async function codeWith(challenge: string | undefined): Promise<string> {
    const { client } = setup();
    const state = newHicoinState();
    const url = client.authorizeUrl({
      redirectUri: returnUri(),
      scope: 'snsapi_base',
      state,
      walletRedirect: 'hicoin://wallet/open',
      ...(challenge ? { codeChallenge: challenge } : {}),
    });
    return parseHicoinAuthorizeReturn(location(await sb.get(url))).code;
  }

  it('a code from a challenged authorize needs its verifier', async () => {
    const verifier = newCodeVerifier();
    const challenge = await codeChallengeS256(verifier);
    const { client } = setup();
    const missing = await caught(client.exchangeCode(await codeWith(challenge)));
    expect(missing.code).toBe('auth_expired');
    const wrong = await caught(client.exchangeCode(await codeWith(challenge), newCodeVerifier()));
    expect(wrong.code).toBe('auth_expired');
    const t = await client.exchangeCode(await codeWith(challenge), verifier);
    expect(t.openid).toBe(user.openid);
  });

  it('stays optional: no challenge, no verifier needed', async () => {
    const t = await setup().client.exchangeCode(await codeWith(undefined));
    expect(t.openid).toBe(user.openid);
  });
});
