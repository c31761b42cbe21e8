// HiCoin simulator against docs/providers/hicoin.md: both scopes, both reply styles, HiCoin's
// (WeChat's) codes.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL, DEMO, MERCHANT_PATHS } from '../contract';
import {
  location,
  readForm,
  resolveAction,
  startTestSandbox,
  type TestSandbox,
} from '../test-support';

type Json = Record<string, unknown>;
const { appId, secret, user } = DEMO.hicoin;
let sb: TestSandbox;
let returnUri: string;

beforeAll(async () => {
  sb = await startTestSandbox();
  returnUri = sb.origin + MERCHANT_PATHS.hicoinReturn;
});
afterAll(() => sb.close());
beforeEach(async () => {
  await sb.control(CONTROL.reset, {});
});

function authorizeUrl(over: Record<string, string> = {}): string {
  const q = new URLSearchParams({
    app_id: appId,
    redirect_uri: returnUri,
    response_type: 'code',
    scope: 'snsapi_base',
    state: 'abcXYZ123',
    wallet_redirect: '1',
    ...over,
  });
  return `${sb.origin}/hicoin/api/connect/oauth/authorize?${q}`;
}

async function codeFor(scope: 'snsapi_base' | 'snsapi_userinfo'): Promise<string> {
  let res = await sb.get(authorizeUrl({ scope }));
  if (scope === 'snsapi_userinfo') {
    expect(res.status).toBe(200);
    const url = authorizeUrl({ scope });
    const form = readForm(await res.text());
    res = await sb.post(resolveAction(url, form.action), { ...form.fields, decision: 'allow' });
  }
  const loc = location(res);
  expect(loc.origin + loc.pathname).toBe(returnUri);
  expect(loc.searchParams.get('state')).toBe('abcXYZ123');
  return loc.searchParams.get('code') ?? '';
}

async function call(path: string, fields: Record<string, string>, json = false): Promise<Json> {
  const res = await fetch(`${sb.origin}/hicoin/api${path}`, {
    method: 'POST',
    headers: { 'content-type': json ? 'application/json' : 'application/x-www-form-urlencoded' },
    body: json ? JSON.stringify(fields) : new URLSearchParams(fields).toString(),
  });
  expect(res.status).toBe(200);
  return (await res.json()) as Json;
}

const exchange = (code: string, over: Record<string, string> = {}) =>
  call('/sns/oauth/access_token', {
    app_id: appId,
    secret,
    code,
    grant_type: 'authorization_code',
    ...over,
  });

async function info(
  token: string,
  openid: string = user.openid,
  how: 'header' | 'query' = 'header',
) {
  const q = new URLSearchParams({ openid });
  if (how === 'query') q.set('access_token', token);
  const res = await fetch(`${sb.origin}/hicoin/api/sns/user/info?${q}`, {
    headers: how === 'header' ? { authorization: `Bearer ${token}` } : {},
  });
  return (await res.json()) as Json;
}

describe('bare replies (docs/providers/hicoin.md, Flows: Token)', () => {
  it('snsapi_base redirects at once; the token reply has expires_in as a string', async () => {
    const r = await exchange(await codeFor('snsapi_base'));
    expect(Object.keys(r).sort()).toEqual([
      'access_token',
      'expires_in',
      'openid',
      'refresh_token',
      'scope',
    ]);
    expect(r).toMatchObject({ expires_in: '7200', openid: user.openid, scope: 'snsapi_base' });
    // openid only: no profile for a base grant.
    expect(await info(String(r.access_token))).toEqual({ code: 48001, msg: 'api unauthorized' });
  });

  it('snsapi_userinfo asks first, then gives the profile (Bearer or access_token parameter)', async () => {
    const r = await exchange(await codeFor('snsapi_userinfo'), {});
    expect(r.scope).toBe('snsapi_base,snsapi_userinfo');
    const profile = {
      openid: user.openid,
      nickname: user.nickname,
      mobile: user.mobile,
      country_code: user.countryCode,
      email: user.email,
    };
    expect(await info(String(r.access_token))).toEqual(profile);
    expect(await info(String(r.access_token), user.openid, 'query')).toEqual(profile);
    expect((await info(String(r.access_token), 'someone_else')).code).toBe(40003);
  });

  it('refreshes without the secret; the new token works', async () => {
    const r = await exchange(await codeFor('snsapi_userinfo'), {});
    const fresh = await call('/sns/oauth/refresh_token', {
      app_id: appId,
      grant_type: 'refresh_token',
      refresh_token: String(r.refresh_token),
    });
    expect(fresh.access_token).not.toBe(r.access_token);
    expect(fresh.refresh_token).toBe(r.refresh_token);
    expect((await info(String(fresh.access_token))).nickname).toBe(user.nickname);
    const bad = await call('/sns/oauth/refresh_token', {
      app_id: appId,
      grant_type: 'refresh_token',
      refresh_token: 'x',
    });
    expect(bad.code).toBe(40030);
  });

  it('answers the codes for bad exchanges', async () => {
    const code = await codeFor('snsapi_base');
    expect((await exchange(code, { secret: 'wrong' })).code).toBe(40125);
    expect((await exchange(code, { app_id: 'nope' })).code).toBe(40013);
    expect((await exchange(code, { grant_type: 'client_credentials' })).code).toBe(40002);
    expect((await exchange('hcc_forged')).code).toBe(40029);
    expect(typeof (await exchange(code, {})).access_token).toBe('string');
    expect((await exchange(code)).code).toBe(40163);
  });

  it('expires tokens by its own clock', async () => {
    await sb.control(CONTROL.seed, { hicoinTokenTtlSeconds: 60 });
    const r = await exchange(await codeFor('snsapi_userinfo'), {});
    expect(r.expires_in).toBe('60');
    await sb.control(CONTROL.faults, { platform: 'hicoin', kind: 'skew', ms: 61_000 });
    expect((await info(String(r.access_token))).code).toBe(42001);
    expect((await info('hca_unknown')).code).toBe(40001);
  });
});

describe('wrapped replies ({code, msg, data})', () => {
  it('wraps success and errors alike', async () => {
    expect((await sb.control(CONTROL.seed, { hicoinReplyStyle: 'wrapped' })).status).toBe(200);
    const r = await call(
      '/sns/oauth/access_token',
      {
        app_id: appId,
        secret,
        code: await codeFor('snsapi_userinfo'),
        grant_type: 'authorization_code',
      },
      true,
    );
    expect(r).toMatchObject({
      code: 0,
      msg: 'success',
      data: { expires_in: '7200', openid: user.openid },
    });
    const token = String((r.data as Json).access_token);
    expect(await info(token)).toMatchObject({ code: 0, data: { nickname: user.nickname } });
    expect(await info('nope')).toEqual({
      code: 40001,
      msg: 'invalid credential, access_token is invalid',
      data: null,
    });
    expect((await sb.control(CONTROL.seed, { hicoinReplyStyle: 'fancy' })).status).toBe(400);
  });
});

describe('authorize checks (docs/providers/hicoin.md, Flows: Authorize)', () => {
  const refused = async (over: Record<string, string>, code: number) => {
    const res = await sb.get(authorizeUrl(over));
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain(`data-error-code="${code}"`);
  };

  it('refuses a bad app, redirect URI, response type, scope, state or a missing wallet_redirect', async () => {
    await refused({ app_id: 'nope' }, 40013);
    await refused({ redirect_uri: returnUri + '/' }, 10003);
    await refused({ response_type: 'token' }, 40097);
    await refused({ scope: 'snsapi_login' }, 10005);
    await refused({ state: 'has-dash' }, 40097);
    await refused({ state: 'a'.repeat(129) }, 40097);
    await refused({ wallet_redirect: '' }, 40097);
  });

  it('accepts a state of exactly 128 alphanumerics, and no state at all', async () => {
    const long = location(await sb.get(authorizeUrl({ state: 'A1'.repeat(64) })));
    expect(long.searchParams.get('state')).toBe('A1'.repeat(64));
    const none = location(await sb.get(authorizeUrl({ state: '' })));
    expect(none.searchParams.has('state')).toBe(false);
    expect(none.searchParams.get('code')).toMatch(/^hcc_/);
  });

  it('returns access_denied without a code when the user denies', async () => {
    const url = authorizeUrl({ scope: 'snsapi_userinfo' });
    const form = readForm(await (await sb.get(url)).text());
    const loc = location(
      await sb.post(resolveAction(url, form.action), { ...form.fields, decision: 'deny' }),
    );
    expect(loc.searchParams.get('error')).toBe('access_denied');
    expect(loc.searchParams.has('code')).toBe(false);
  });

  it('takes redirect URIs added by seed', async () => {
    const ext = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/hicoin';
    await sb.control(CONTROL.seed, { hicoinRedirectUris: [ext] });
    const loc = location(await sb.get(authorizeUrl({ redirect_uri: ext })));
    expect(loc.href.startsWith(ext + '?code=')).toBe(true);
  });
});
