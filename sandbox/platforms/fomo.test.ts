// FOMO simulator against docs/providers/fomo.md: real HTTP to a sandbox on an ephemeral port.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL, DEMO, MERCHANT_PATHS } from '../contract';
import {
  location,
  readForm,
  resolveAction,
  startTestSandbox,
  type TestSandbox,
} from '../test-support';
import {
  authorizeUrl,
  consent,
  creds,
  getCode,
  login,
  tokenCall,
  userInfo,
} from './fomo-test-flow';

const { user } = DEMO.fomo;
let sb: TestSandbox;
let returnUri: string;

beforeAll(async () => {
  sb = await startTestSandbox();
  returnUri = sb.origin + MERCHANT_PATHS.fomoReturn;
});
afterAll(() => sb.close());
beforeEach(async () => {
  await sb.control(CONTROL.reset, {});
});

describe('authorize', () => {
  it('shows the app, the scopes and the demo user, and redirects with a code and the state', async () => {
    const res = await sb.get(authorizeUrl(sb));
    const page = await res.text();
    expect(res.headers.get('content-type')).toContain('text/html');
    expect(page).toContain('data-scope="userinfo"');
    expect(page).toContain('data-scope="paytoken"');
    expect(page).toContain(user.nickname);
    expect(await getCode(sb)).toMatch(/^fc_[0-9a-f]{40}$/);
  });

  it('refuses an unknown client or an unregistered redirect_uri with an error page, never a redirect', async () => {
    const bad = await sb.get(authorizeUrl(sb, { client_id: 'nope' }));
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('data-error-code="82"');
    for (const uri of [returnUri + '/x', returnUri + '?a=1', 'https://evil.example/cb']) {
      const r = await sb.get(authorizeUrl(sb, { redirect_uri: uri }));
      expect(r.status).toBe(400);
      expect(r.headers.get('location')).toBeNull();
    }
  });

  it('sends OAuth errors back to a registered redirect_uri', async () => {
    const rt = location(await sb.get(authorizeUrl(sb, { response_type: 'token' })));
    expect(rt.searchParams.get('error')).toBe('unsupported_response_type');
    const sc = location(await sb.get(authorizeUrl(sb, { scope: 'userinfo admin' })));
    expect(sc.searchParams.get('error')).toBe('invalid_scope');
    const denied = location(await consent(sb, 'deny'));
    expect(denied.searchParams.get('error')).toBe('access_denied');
    expect(denied.searchParams.get('state')).toBe('st4te');
    expect(denied.searchParams.has('code')).toBe(false);
  });

  it('accepts a redirect URI added by seed, e.g. the chromiumapp.org one of the extension', async () => {
    const ext = 'https://abcdefghijklmnopabcdefghijklmnop.chromiumapp.org/fomo';
    expect((await sb.control(CONTROL.seed, { fomoRedirectUris: [ext] })).status).toBe(200);
    const loc = location(await consent(sb, 'allow', { redirect_uri: ext }));
    expect(loc.href.startsWith(ext + '?')).toBe(true);
    expect((await sb.control(CONTROL.seed, { fomoRedirectUris: ['not a url'] })).status).toBe(400);
  });

  it('lets a consent form be submitted only once', async () => {
    const url = authorizeUrl(sb);
    const form = readForm(await (await sb.get(url)).text());
    expect(
      (await sb.post(resolveAction(url, form.action), { ...form.fields, decision: 'allow' }))
        .status,
    ).toBe(302);
    expect(
      (await sb.post(resolveAction(url, form.action), { ...form.fields, decision: 'allow' }))
        .status,
    ).toBe(400);
  });
});

describe('token', () => {
  it('exchanges a code (form or JSON, grant_type authorization_code or code) once', async () => {
    const code = await getCode(sb);
    const r = await tokenCall(sb, { ...creds, code, grant_type: 'code' }, true);
    expect(r.http).toBe(200);
    expect(r.body).toMatchObject({
      status: 1,
      data: { token_type: 'Bearer', expires_in: 7200, scope: 'userinfo paytoken' },
    });
    const access = String((r.body.data as Record<string, unknown>).access_token);
    expect((await userInfo(sb, access)).body.status).toBe(1);
    // Reusing the code fails with 201 and revokes what it gave.
    const again = await tokenCall(sb, { ...creds, code, grant_type: 'authorization_code' });
    expect(again.body.status).toBe(201);
    expect((await userInfo(sb, access)).body.status).toBe(3);
  });

  it('answers the appendix codes for bad client credentials, grant types and codes', async () => {
    const code = await getCode(sb);
    expect(
      (await tokenCall(sb, { ...creds, client_secret: 'wrong', code, grant_type: 'code' })).body
        .status,
    ).toBe(7);
    expect(
      (await tokenCall(sb, { ...creds, client_id: 'nope', code, grant_type: 'code' })).body.status,
    ).toBe(82);
    expect((await tokenCall(sb, { ...creds, code, grant_type: 'password' })).body.status).toBe(0);
    expect((await tokenCall(sb, { ...creds, grant_type: 'code' })).body.status).toBe(0);
    expect(
      (await tokenCall(sb, { ...creds, code: 'fc_forged', grant_type: 'code' })).body.status,
    ).toBe(201);
    expect(
      (await tokenCall(sb, { ...creds, code, grant_type: 'code', scope: 'userinfo admin' })).body
        .status,
    ).toBe(54);
    const get = await fetch(`${sb.origin}/fomo/oauth2/authorize/token`);
    expect(get.status).toBe(405);
  });

  it('expires codes after 10 minutes of the FOMO clock', async () => {
    const code = await getCode(sb);
    await sb.control(CONTROL.faults, { platform: 'fomo', kind: 'skew', ms: 10 * 60_000 + 5_000 });
    expect((await tokenCall(sb, { ...creds, code, grant_type: 'code' })).body.status).toBe(201);
  });

  it('refreshes into a new working token and counts refreshes', async () => {
    const { access, refresh } = await login(sb);
    const res = await sb.post('/fomo/oauth2/RefreshToken', {
      ...creds,
      refresh_token: refresh,
      grant_type: 'refresh_token',
      scope: 'userinfo',
    });
    const body = (await res.json()) as { status: number; data: Record<string, unknown> };
    expect(body.status).toBe(1);
    expect(body.data.access_token).not.toBe(access);
    expect(body.data.refresh_token).toBe(refresh);
    expect(body.data.scope).toBe('userinfo');
    expect((await userInfo(sb, String(body.data.access_token))).body.status).toBe(1);
    const bad = await sb.post('/fomo/oauth2/RefreshToken', {
      ...creds,
      refresh_token: 'fr_nope',
      grant_type: 'refresh_token',
    });
    expect(((await bad.json()) as { status: number }).status).toBe(3);
    const stats = (await sb.control(CONTROL.stats)).json as {
      requests: { fomo: Record<string, number> };
    };
    expect(stats.requests.fomo['oauth2/RefreshToken']).toBe(2);
  });
});

describe('user info', () => {
  it('answers the demo user for a valid bearer token', async () => {
    const { access } = await login(sb);
    const r = await userInfo(sb, access);
    expect(r).toEqual({
      http: 200,
      body: {
        status: 1,
        msg: '成功',
        data: { user_id: user.userId, nickname: user.nickname, username: user.username },
      },
    });
  });

  it('answers 401 with status 2 (no or expired token) or 3 (unknown token)', async () => {
    expect(await userInfo(sb)).toMatchObject({ http: 401, body: { status: 2 } });
    expect(await userInfo(sb, 'fa_unknown')).toMatchObject({ http: 401, body: { status: 3 } });
    await sb.control(CONTROL.seed, { fomoTokenTtlSeconds: 60 });
    const { access } = await login(sb);
    expect((await userInfo(sb, access)).body.status).toBe(1);
    await sb.control(CONTROL.faults, { platform: 'fomo', kind: 'skew', ms: 61_000 });
    expect(await userInfo(sb, access)).toMatchObject({ http: 401, body: { status: 2 } });
  });

  it('refuses a token without the userinfo scope (54)', async () => {
    const { access } = await login(sb, 'paytoken');
    expect((await userInfo(sb, access)).body.status).toBe(54);
  });
});
