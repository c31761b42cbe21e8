/**
 * FOMO OAuth (docs/providers/fomo.md, Flows): the authorize consent page, the code → token
 * exchange, the refresh, and the bearer check every API call makes. PKCE (S256) and the token
 * request's redirect_uri are checked when sent (sandbox/pkce.ts).
 */
import { timingSafeEqual } from 'node:crypto';
import { DEMO } from '../../contract';
import { parseFields } from '../../merchant';
import { decisionForm, details, errorPage, html, page, redirect } from '../../pages';
import type { SimContext, SimRequest, SimResponse } from '../../types';
import { readChallenge, verifierFits } from '../../pkce';
import { FOMO_STATUS, fomoReply } from './codes';
import {
  CODE_TTL_MS,
  FOMO_SCOPES,
  REFRESH_TTL_MS,
  randomToken,
  type AccessToken,
  type FomoClient,
  type FomoScope,
  type FomoState,
} from './state';

export const BRAND = 'FOMO';

interface ConsentSession {
  clientId: string;
  redirectUri: string;
  scopes: FomoScope[];
  state: string | null;
  codeChallenge?: string;
}

export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Space-separated scopes (seed §二.1); undefined when empty or holding an unknown scope. */
export function parseScopes(text: string | null | undefined): FomoScope[] | undefined {
  const parts = (text ?? '').split(/[\s,]+/).filter(Boolean);
  if (parts.length === 0 || !parts.every((p) => (FOMO_SCOPES as string[]).includes(p)))
    return undefined;
  return [...new Set(parts as FomoScope[])];
}

/** GET oauth2/authorize: check the app and its redirect URI, then show the consent page. */
export function authorizePage(req: SimRequest, ctx: SimContext, st: FomoState): SimResponse {
  const q = req.query;
  const client = st.clients.get(q.get('client_id') ?? '');
  if (!client) return errorPage(BRAND, 400, 'Unknown client_id.', FOMO_STATUS.unknownClient);
  const redirectUri = q.get('redirect_uri') ?? '';
  // Exact match only: the registered URI is the only place a code may go (RFC 6749 §3.1.2).
  if (!client.redirectUris.includes(redirectUri)) {
    return errorPage(
      BRAND,
      400,
      'redirect_uri is not registered for this app.',
      'redirect_uri_mismatch',
    );
  }
  const state = q.get('state');
  const back = (error: string) => redirect(redirectUri, { error, state: state ?? undefined });
  if (q.get('response_type') !== 'code') return back('unsupported_response_type');
  const scopes = parseScopes(q.get('scope'));
  if (!scopes) return back('invalid_scope');
  const { challenge: codeChallenge, invalid } = readChallenge(q);
  if (invalid) return back('invalid_request');

  const session: ConsentSession = {
    clientId: client.clientId,
    redirectUri,
    scopes,
    state,
    ...(codeChallenge ? { codeChallenge } : {}),
  };
  const id = st.newSession('consent', ctx.now(), session);
  const user = DEMO.fomo.user;
  return page({
    brand: BRAND,
    title: `Authorize ${client.name}?`,
    pageId: 'fomo-consent',
    body: html`<p><strong>${client.name}</strong> (${client.clientId}) asks to:</p>
      <ul class="scopes">
        ${scopes.map((s) => html`<li data-scope="${s}">${SCOPE_TEXT[s]}</li>`)}
      </ul>
      ${details([
        ['Signed in as', `${user.nickname} (${user.username}, id ${user.userId})`],
        ['Returns to', redirectUri],
      ])}
      ${decisionForm('authorize', { session: id }, [
        { value: 'allow', label: 'Authorize', primary: true },
        { value: 'deny', label: 'Deny' },
      ])}`,
  });
}

const SCOPE_TEXT: Record<FomoScope, string> = {
  userinfo: 'see your FOMO user id and nickname',
  paytoken: 'ask you to confirm payments from or to your FOMO wallet',
};

/** POST oauth2/authorize: the consent form's answer → a one-time code, or access_denied. */
export function authorizeDecision(req: SimRequest, ctx: SimContext, st: FomoState): SimResponse {
  const form = parseFields(String(req.headers['content-type'] ?? ''), req.body) ?? {};
  const session = st.takeSession(form.session ?? '', 'consent', ctx.now()) as
    ConsentSession | undefined;
  if (!session)
    return errorPage(BRAND, 400, 'This authorization page has expired or was already used.');
  const state = session.state ?? undefined;
  if (form.decision !== 'allow')
    return redirect(session.redirectUri, { error: 'access_denied', state });
  const code = randomToken('fc');
  st.codes.set(code, {
    code,
    clientId: session.clientId,
    userId: DEMO.fomo.user.userId,
    redirectUri: session.redirectUri,
    scopes: session.scopes,
    expiresAt: ctx.now() + CODE_TTL_MS,
    used: false,
    ...(session.codeChallenge ? { codeChallenge: session.codeChallenge } : {}),
  });
  return redirect(session.redirectUri, { code, state });
}

/** Form or JSON body fields (the seed says only "post"; clients send either). */
function bodyFields(req: SimRequest): Record<string, string> | undefined {
  return parseFields(String(req.headers['content-type'] ?? ''), req.body);
}

/** The app's own credentials on the token endpoints: unknown id 82, wrong secret 7. */
function checkClient(st: FomoState, f: Record<string, string>): FomoClient | number {
  if (!f.client_id || !f.client_secret) return FOMO_STATUS.missingParams;
  const client = st.clients.get(f.client_id);
  if (!client) return FOMO_STATUS.unknownClient;
  if (!safeEqual(client.clientSecret, f.client_secret)) return FOMO_STATUS.badSign;
  return client;
}

function tokenReply(
  st: FomoState,
  ctx: SimContext,
  clientId: string,
  userId: string,
  scopes: FomoScope[],
  refresh: string,
  fromCode?: string,
): SimResponse {
  const token = randomToken('fa');
  st.accessTokens.set(token, {
    token,
    clientId,
    userId,
    scopes,
    expiresAt: ctx.now() + st.tokenTtlSeconds * 1000,
    fromCode,
    revoked: false,
  });
  return fomoReply(FOMO_STATUS.ok, {
    access_token: token,
    refresh_token: refresh,
    expires_in: st.tokenTtlSeconds,
    token_type: 'Bearer',
    scope: scopes.join(' '),
  });
}

/** POST oauth2/authorize/token (seed §二.2): grant_type authorization_code or code. */
export function tokenEndpoint(req: SimRequest, ctx: SimContext, st: FomoState): SimResponse {
  if (req.method !== 'POST')
    return { ...fomoReply(FOMO_STATUS.missingParams, undefined, 'POST only'), status: 405 };
  const f = bodyFields(req);
  if (!f) return fomoReply(FOMO_STATUS.missingParams, undefined, 'body is neither a form nor JSON');
  const client = checkClient(st, f);
  if (typeof client === 'number') return fomoReply(client);
  if (f.grant_type !== 'authorization_code' && f.grant_type !== 'code')
    return fomoReply(
      FOMO_STATUS.missingParams,
      undefined,
      'grant_type must be authorization_code or code',
    );
  if (!f.code) return fomoReply(FOMO_STATUS.missingParams);
  const code = st.codes.get(f.code);
  if (!code || code.clientId !== client.clientId) return fomoReply(FOMO_STATUS.badCode);
  if (code.used) {
    // A replayed code may have been stolen: revoke what it gave (RFC 6749 §4.1.2).
    for (const t of st.accessTokens.values()) if (t.fromCode === code.code) t.revoked = true;
    for (const t of st.refreshTokens.values()) if (t.fromCode === code.code) t.revoked = true;
    return fomoReply(FOMO_STATUS.badCode);
  }
  code.used = true;
  if (code.expiresAt < ctx.now()) return fomoReply(FOMO_STATUS.badCode);
  // RFC 6749 §4.1.3: a redirect_uri sent here must be exactly the authorize request's (the seed
  // lists none, so one left out is accepted). PKCE: the verifier must fit the challenge, if any.
  if (f.redirect_uri !== undefined && f.redirect_uri !== code.redirectUri)
    return fomoReply(FOMO_STATUS.badCode, undefined, 'redirect_uri does not match');
  if (!verifierFits(code.codeChallenge, f.code_verifier))
    return fomoReply(FOMO_STATUS.badCode, undefined, 'code_verifier does not match');
  let scopes = code.scopes;
  if (f.scope) {
    const asked = parseScopes(f.scope);
    if (!asked || !asked.every((s) => code.scopes.includes(s)))
      return fomoReply(FOMO_STATUS.noPermission);
    scopes = asked;
  }
  const refresh = randomToken('fr');
  st.refreshTokens.set(refresh, {
    token: refresh,
    clientId: client.clientId,
    userId: code.userId,
    scopes,
    expiresAt: ctx.now() + REFRESH_TTL_MS,
    fromCode: code.code,
    revoked: false,
  });
  return tokenReply(st, ctx, client.clientId, code.userId, scopes, refresh, code.code);
}

/**
 * POST oauth2/RefreshToken (seed §二.4). A new access token; the refresh token stays the same
 * (the seed does not say it rotates) and is returned again so either client style works.
 */
export function refreshEndpoint(req: SimRequest, ctx: SimContext, st: FomoState): SimResponse {
  if (req.method !== 'POST')
    return { ...fomoReply(FOMO_STATUS.missingParams, undefined, 'POST only'), status: 405 };
  const f = bodyFields(req);
  if (!f) return fomoReply(FOMO_STATUS.missingParams, undefined, 'body is neither a form nor JSON');
  const client = checkClient(st, f);
  if (typeof client === 'number') return fomoReply(client);
  if (f.grant_type !== 'refresh_token' || !f.refresh_token)
    return fomoReply(FOMO_STATUS.missingParams);
  const rt = st.refreshTokens.get(f.refresh_token);
  if (!rt || rt.revoked || rt.clientId !== client.clientId)
    return fomoReply(FOMO_STATUS.badSession);
  if (rt.expiresAt < ctx.now()) return fomoReply(FOMO_STATUS.notLoggedIn);
  let scopes = rt.scopes;
  if (f.scope) {
    const asked = parseScopes(f.scope);
    if (!asked || !asked.every((s) => rt.scopes.includes(s)))
      return fomoReply(FOMO_STATUS.noPermission);
    scopes = asked;
  }
  return tokenReply(st, ctx, client.clientId, rt.userId, scopes, rt.token, rt.fromCode);
}

/** An access token's status: the token, or the appendix code to answer (2 expired, 3 unknown). */
export function checkAccessToken(
  st: FomoState,
  ctx: SimContext,
  token: string | undefined,
): AccessToken | number {
  if (!token) return FOMO_STATUS.notLoggedIn;
  const t = st.accessTokens.get(token);
  if (!t || t.revoked) return FOMO_STATUS.badSession;
  if (t.expiresAt <= ctx.now()) return FOMO_STATUS.notLoggedIn;
  return t;
}

/** `AUTHORIZATION: Bearer <token>` (seed §二.3); the scheme is case-insensitive (RFC 7235). */
export function bearer(req: SimRequest): string | undefined {
  const h = req.headers.authorization;
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(h ?? '');
  return m?.[1];
}

/** oauth2/resource/get_user_info (seed §三.1). */
export function userInfoEndpoint(req: SimRequest, ctx: SimContext, st: FomoState): SimResponse {
  const t = checkAccessToken(st, ctx, bearer(req));
  if (typeof t === 'number') return fomoReply(t);
  if (!t.scopes.includes('userinfo')) return fomoReply(FOMO_STATUS.noPermission);
  const u = DEMO.fomo.user;
  if (t.userId !== u.userId) return fomoReply(FOMO_STATUS.badSession);
  return fomoReply(FOMO_STATUS.ok, {
    user_id: u.userId,
    nickname: u.nickname,
    username: u.username,
  });
}
