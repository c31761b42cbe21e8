/**
 * HiCoin's OAuth endpoints and user info (docs/providers/hicoin.md, Flows).
 */
import { timingSafeEqual } from 'node:crypto';
import { DEMO } from '../../contract';
import { parseFields } from '../../merchant';
import { decisionForm, details, errorPage, html, page, redirect } from '../../pages';
import type { SimContext, SimRequest, SimResponse } from '../../types';
import { readChallenge, verifierFits } from '../../pkce';
import { HC, hcMessage, hcReply } from './codes';
import {
  CODE_TTL_MS,
  REFRESH_TTL_MS,
  randomToken,
  type ConsentSession,
  type Grant,
  type HicoinScope,
  type HicoinState,
} from './state';

const BRAND = 'HiCoin';
/** §2.2: "开发者可以填写a-zA-Z0-9的参数值，最多128字节". */
const STATE_RE = /^[a-zA-Z0-9]{1,128}$/;

function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function hcError(code: number): SimResponse {
  return errorPage(BRAND, 400, hcMessage(code), code);
}

/** GET /connect/oauth/authorize: snsapi_base redirects at once; snsapi_userinfo asks first. */
export function authorize(req: SimRequest, ctx: SimContext, st: HicoinState): SimResponse {
  const q = req.query;
  const app = st.apps.get(q.get('app_id') ?? '');
  if (!app) return hcError(HC.invalidAppId);
  const redirectUri = q.get('redirect_uri') ?? '';
  if (!app.redirectUris.includes(redirectUri)) return hcError(HC.redirectUriMismatch);
  if (q.get('response_type') !== 'code') return hcError(HC.invalidArgs);
  const scope = q.get('scope');
  if (scope !== 'snsapi_base' && scope !== 'snsapi_userinfo') return hcError(HC.scopeUnauthorized);
  const state = q.get('state');
  if (state !== null && state !== '' && !STATE_RE.test(state)) return hcError(HC.invalidArgs);
  // "无论直接打开还是做页面302重定向时候，必须带此参数"
  if (!q.get('wallet_redirect')) return hcError(HC.invalidArgs);
  const stateOut = state || null;
  // PKCE is optional; when sent it must be S256 and well formed (sandbox/pkce.ts).
  const { challenge: codeChallenge, invalid } = readChallenge(q);
  if (invalid) return hcError(HC.invalidArgs);
  const grant: ConsentSession = {
    appId: app.appId,
    redirectUri,
    state: stateOut,
    ...(codeChallenge ? { codeChallenge } : {}),
  };

  if (scope === 'snsapi_base') return issueCode(ctx, st, grant, scope);
  const session = st.newSession(ctx.now(), grant);
  const u = DEMO.hicoin.user;
  return page({
    brand: BRAND,
    title: `${app.name} would like to see your profile`,
    pageId: 'hicoin-consent',
    body: html`<p>
        <strong>${app.name}</strong> asks for your HiCoin nickname, mobile number, country code and
        email.
      </p>
      ${details([
        ['Signed in as', `${u.nickname} (${u.email})`],
        ['Returns to', redirectUri],
      ])}
      ${decisionForm('authorize', { session }, [
        { value: 'allow', label: 'Allow', primary: true },
        { value: 'deny', label: 'Deny' },
      ])}`,
  });
}

/** POST /connect/oauth/authorize: the consent page's answer. */
export function authorizeDecision(req: SimRequest, ctx: SimContext, st: HicoinState): SimResponse {
  const form = parseFields(String(req.headers['content-type'] ?? ''), req.body) ?? {};
  const s = st.takeSession(form.session ?? '', ctx.now());
  if (!s) return errorPage(BRAND, 400, 'This authorization page has expired or was already used.');
  if (form.decision !== 'allow') {
    return redirect(s.redirectUri, { error: 'access_denied', state: s.state ?? undefined });
  }
  return issueCode(ctx, st, s, 'snsapi_userinfo');
}

function issueCode(
  ctx: SimContext,
  st: HicoinState,
  s: ConsentSession,
  scope: HicoinScope,
): SimResponse {
  const code = randomToken('hcc');
  st.codes.set(code, {
    code,
    appId: s.appId,
    openid: DEMO.hicoin.user.openid,
    scope,
    expiresAt: ctx.now() + CODE_TTL_MS,
    used: false,
    ...(s.codeChallenge ? { codeChallenge: s.codeChallenge } : {}),
  });
  return redirect(s.redirectUri, { code, state: s.state ?? undefined });
}

/** Query parameters, overridden by a form or JSON body (the seed says only "POST"). */
function params(req: SimRequest): Record<string, string> | undefined {
  const body = req.body.length
    ? parseFields(String(req.headers['content-type'] ?? ''), req.body)
    : {};
  if (!body) return undefined;
  return { ...Object.fromEntries(req.query), ...body };
}

/** §2.3/§2.4 reply; `expires_in` is a string and `scope` comma-separated, as the seed says. */
function tokenReply(
  ctx: SimContext,
  st: HicoinState,
  grant: Grant,
  refreshToken: string,
): SimResponse {
  const token = randomToken('hca');
  st.accessTokens.set(token, { ...grant, token, expiresAt: ctx.now() + st.tokenTtlSeconds * 1000 });
  return hcReply(st.replyStyle, HC.ok, {
    access_token: token,
    expires_in: String(st.tokenTtlSeconds),
    refresh_token: refreshToken,
    openid: grant.openid,
    // A userinfo grant includes what snsapi_base gives (the openid).
    scope: grant.scope === 'snsapi_userinfo' ? 'snsapi_base,snsapi_userinfo' : 'snsapi_base',
  });
}

/** POST /sns/oauth/access_token */
export function accessToken(req: SimRequest, ctx: SimContext, st: HicoinState): SimResponse {
  const style = st.replyStyle;
  const p = params(req);
  if (!p) return hcReply(style, HC.invalidArgs);
  if (!p.app_id) return hcReply(style, HC.missingAppId);
  const app = st.apps.get(p.app_id);
  if (!app) return hcReply(style, HC.invalidAppId);
  if (!p.secret) return hcReply(style, HC.missingSecret);
  if (!safeEqual(p.secret, app.secret)) return hcReply(style, HC.invalidSecret);
  if (p.grant_type !== 'authorization_code') return hcReply(style, HC.invalidGrantType);
  if (!p.code) return hcReply(style, HC.missingCode);
  const code = st.codes.get(p.code);
  if (!code || code.appId !== app.appId || code.expiresAt < ctx.now())
    return hcReply(style, HC.invalidCode);
  if (code.used) return hcReply(style, HC.codeUsed);
  code.used = true;
  if (!verifierFits(code.codeChallenge, p.code_verifier)) return hcReply(style, HC.invalidCode);
  const refresh = randomToken('hcr');
  const grant: Grant = { appId: code.appId, openid: code.openid, scope: code.scope };
  st.refreshTokens.set(refresh, {
    ...grant,
    token: refresh,
    expiresAt: ctx.now() + REFRESH_TTL_MS,
  });
  return tokenReply(ctx, st, grant, refresh);
}

/** POST /sns/oauth/refresh_token — no secret (§2.4); the refresh token stays valid (30 days). */
export function refreshToken(req: SimRequest, ctx: SimContext, st: HicoinState): SimResponse {
  const style = st.replyStyle;
  const p = params(req);
  if (!p) return hcReply(style, HC.invalidArgs);
  if (!p.app_id) return hcReply(style, HC.missingAppId);
  if (!st.apps.has(p.app_id)) return hcReply(style, HC.invalidAppId);
  if (p.grant_type !== 'refresh_token') return hcReply(style, HC.invalidGrantType);
  if (!p.refresh_token) return hcReply(style, HC.missingRefreshToken);
  const rt = st.refreshTokens.get(p.refresh_token);
  if (!rt || rt.appId !== p.app_id) return hcReply(style, HC.invalidRefreshToken);
  if (rt.expiresAt < ctx.now()) return hcReply(style, HC.refreshTokenExpired);
  return tokenReply(ctx, st, { appId: rt.appId, openid: rt.openid, scope: rt.scope }, rt.token);
}

/**
 * GET /sns/user/info?openid. The seed does not say how the token travels; the simulator takes
 * `Authorization: Bearer` or the `access_token` query parameter (WeChat's /sns/userinfo style).
 */
export function userInfo(req: SimRequest, ctx: SimContext, st: HicoinState): SimResponse {
  const style = st.replyStyle;
  const header = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(req.headers.authorization ?? '')?.[1];
  const token = header ?? req.query.get('access_token');
  if (!token) return hcReply(style, HC.missingAccessToken);
  const t = st.accessTokens.get(token);
  if (!t) return hcReply(style, HC.invalidCredential);
  if (t.expiresAt <= ctx.now()) return hcReply(style, HC.accessTokenExpired);
  const openid = req.query.get('openid');
  if (!openid) return hcReply(style, HC.missingOpenid);
  if (openid !== t.openid) return hcReply(style, HC.invalidOpenid);
  // Profile fields only for a snsapi_userinfo grant (§2.2 重点字段说明).
  if (t.scope !== 'snsapi_userinfo') return hcReply(style, HC.apiUnauthorized);
  const u = DEMO.hicoin.user;
  return hcReply(style, HC.ok, {
    openid: u.openid,
    nickname: u.nickname,
    mobile: u.mobile,
    country_code: u.countryCode,
    email: u.email,
  });
}
