/**
 * HiCoin OAuth (docs/providers/hicoin.md, Flows) as request builders and response processors, so a
 * flow can be split across worker restarts. The seed has no PKCE and no token_type; PKCE is sent
 * where the environment is known to accept it (description `pkce`, docs/providers/hicoin.md).
 * The POST bodies are form-encoded (the seed lists named fields; RFC 6749 §4.1.3 encoding).
 */
import * as v from 'valibot';
import { errors } from '../../core/errors';
import type { HttpRequest, HttpResponse } from '../../core/http';
import { HICOIN_ENDPOINTS, type HicoinScope } from './description';
import { processHicoinReply } from './reply';
import { checkHicoinState } from './state';

export interface HicoinAppCredentials {
  appId: string;
  secret: string;
}

export interface HicoinTokens {
  accessToken: string;
  refreshToken: string;
  openid: string;
  /** Seconds as HiCoin sent them (a string on the wire). */
  expiresIn: number;
  /** Epoch ms on the context clock. */
  expiresAt: number;
  /** The comma-separated `scope`, split. */
  scopes: string[];
}

/** `{base}` + an absolute seed path; the base keeps its own path (`…/api`). */
export function hicoinUrl(baseUrl: string, path: string): URL {
  return new URL(baseUrl.replace(/\/+$/, '') + path);
}

export interface HicoinAuthorizeParams {
  appId: string;
  redirectUri: string;
  scope: HicoinScope;
  /** Optional in the seed, but CoinDock always sends one to bind the return to the flow. */
  state: string;
  walletRedirect: string;
  /** PKCE S256 challenge, where the environment accepts it. */
  codeChallenge?: string;
}

/** §2.2 H5授权跳转页面. URLSearchParams percent-encodes redirect_uri ("请使用 urlEncode"). */
export function buildHicoinAuthorizeUrl(baseUrl: string, p: HicoinAuthorizeParams): string {
  if (p.scope !== 'snsapi_base' && p.scope !== 'snsapi_userinfo') {
    throw errors.invalid_input('scope must be snsapi_base or snsapi_userinfo', {
      platform: 'hicoin',
    });
  }
  if (!p.walletRedirect) {
    throw errors.invalid_input('wallet_redirect is required', { platform: 'hicoin' });
  }
  const url = hicoinUrl(baseUrl, HICOIN_ENDPOINTS.authorize);
  url.searchParams.set('app_id', p.appId);
  url.searchParams.set('redirect_uri', p.redirectUri);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('scope', p.scope);
  url.searchParams.set('state', checkHicoinState(p.state));
  url.searchParams.set('wallet_redirect', p.walletRedirect);
  if (p.codeChallenge) {
    url.searchParams.set('code_challenge', p.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
  }
  return url.toString();
}

function formPost(baseUrl: string, endpoint: string, fields: Record<string, string>): HttpRequest {
  return {
    platform: 'hicoin',
    endpoint,
    url: hicoinUrl(baseUrl, endpoint).toString(),
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
      accept: 'application/json',
    },
    body: new URLSearchParams(fields).toString(),
  };
}

/** §2.3: app_id, secret, code, grant_type=authorization_code (and PKCE's code_verifier). */
export function buildHicoinTokenRequest(
  baseUrl: string,
  creds: HicoinAppCredentials,
  code: string,
  codeVerifier?: string,
): HttpRequest {
  return formPost(baseUrl, HICOIN_ENDPOINTS.token, {
    app_id: creds.appId,
    secret: creds.secret,
    code,
    grant_type: 'authorization_code',
    ...(codeVerifier ? { code_verifier: codeVerifier } : {}),
  });
}

/** §2.4: app_id, grant_type=refresh_token, refresh_token. No secret, as the seed lists. */
export function buildHicoinRefreshRequest(
  baseUrl: string,
  appId: string,
  refreshToken: string,
): HttpRequest {
  return formPost(baseUrl, HICOIN_ENDPOINTS.refresh, {
    app_id: appId,
    grant_type: 'refresh_token',
    refresh_token: refreshToken,
  });
}

const nonEmpty = v.pipe(v.string(), v.minLength(1));

export const hicoinTokenSchema = v.looseObject({
  access_token: nonEmpty,
  // A string of seconds per the seed; a JSON number is tolerated.
  expires_in: v.pipe(
    v.union([v.string(), v.number()]),
    v.check(
      (x) =>
        typeof x === 'string' ? /^\d{1,10}$/.test(x.trim()) : Number.isSafeInteger(x) && x >= 0,
      'seconds',
    ),
    v.transform((x) => Number(typeof x === 'string' ? x.trim() : x)),
  ),
  refresh_token: nonEmpty,
  openid: nonEmpty,
  scope: v.string(),
});

export function processHicoinTokenResponse(
  res: HttpResponse,
  endpoint: string,
  nowMs: number,
): HicoinTokens {
  const t = processHicoinReply(res, endpoint, hicoinTokenSchema);
  return {
    accessToken: t.access_token,
    refreshToken: t.refresh_token,
    openid: t.openid,
    expiresIn: t.expires_in,
    expiresAt: nowMs + t.expires_in * 1000,
    scopes: t.scope
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean),
  };
}
