/**
 * FOMO OAuth (docs/providers/fomo.md, Flows): the authorize URL, the token exchange and the
 * refresh, each as a request builder and a response processor so a flow can be split across worker
 * restarts. Both POSTs are form-encoded: the seed says "post 方法" with named fields, a classic HTML
 * form post (application/x-www-form-urlencoded), as RFC 6749 §4.1.3 also prescribes.
 */
import { errors } from '../../core/errors';
import type { HttpRequest, HttpResponse } from '../../core/http';
import { FOMO_ENDPOINTS } from './description';
import { processFomoReply } from './reply';
import { tokenSchema } from './schemas';

export interface FomoAppCredentials {
  clientId: string;
  clientSecret: string;
}

export type FomoScope = 'userinfo' | 'paytoken';
export const FOMO_DEFAULT_SCOPES: readonly FomoScope[] = ['userinfo', 'paytoken'];

export interface FomoTokens {
  accessToken: string;
  /** Absent when FOMO does not send one on refresh: keep the previous one then. */
  refreshToken?: string;
  /** Epoch ms on the context clock; undefined when FOMO sent no expires_in (valid until 2 or 3). */
  expiresAt?: number;
  scope?: string;
}

/** `{base}` always ends with "/" so seed-style relative paths (`oauth2/…`) resolve under it. */
export function fomoUrl(baseUrl: string, path: string): URL {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  return new URL(path.replace(/^\/+/, ''), base);
}

export interface FomoAuthorizeParams {
  clientId: string;
  redirectUri: string;
  state: string;
  scopes?: readonly FomoScope[];
  /** PKCE S256 challenge, where the environment accepts it (description `pkce`). */
  codeChallenge?: string;
}

/**
 * The page the user opens to grant access (docs/providers/fomo.md, Flows: Connect). Scopes are
 * space-separated.
 */
export function buildFomoAuthorizeUrl(baseUrl: string, p: FomoAuthorizeParams): string {
  if (!p.state) throw errors.invalid_input('state is required', { platform: 'fomo' });
  const url = fomoUrl(baseUrl, FOMO_ENDPOINTS.authorize);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', p.clientId);
  url.searchParams.set('redirect_uri', p.redirectUri);
  url.searchParams.set('state', p.state);
  url.searchParams.set('scope', (p.scopes ?? FOMO_DEFAULT_SCOPES).join(' '));
  if (p.codeChallenge) {
    url.searchParams.set('code_challenge', p.codeChallenge);
    url.searchParams.set('code_challenge_method', 'S256');
  }
  return url.toString();
}

function formPost(baseUrl: string, endpoint: string, fields: Record<string, string>): HttpRequest {
  return {
    platform: 'fomo',
    endpoint,
    url: fomoUrl(baseUrl, endpoint).toString(),
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded;charset=UTF-8',
      accept: 'application/json',
    },
    body: new URLSearchParams(fields).toString(),
  };
}

export interface FomoCodeExchange {
  code: string;
  state: string;
  /** The redirect_uri the authorize page was given: RFC 6749 §4.1.3 requires it again here. */
  redirectUri: string;
  scopes?: readonly FomoScope[];
  /** PKCE: the verifier of the challenge the authorize page was given, if it was given one. */
  codeVerifier?: string;
}

/**
 * §二.2: code → access_token and refresh_token. FOMO's document lists no redirect_uri here, but
 * RFC 6749 §4.1.3 requires it whenever the authorize request had one (it always has), so a
 * server that checks can tell a code sent to another address (docs/providers/fomo.md).
 */
export function buildFomoTokenRequest(
  baseUrl: string,
  creds: FomoAppCredentials,
  p: FomoCodeExchange,
): HttpRequest {
  return formPost(baseUrl, FOMO_ENDPOINTS.token, {
    code: p.code,
    client_id: creds.clientId,
    client_secret: creds.clientSecret,
    grant_type: 'authorization_code',
    scope: (p.scopes ?? FOMO_DEFAULT_SCOPES).join(' '),
    state: p.state,
    redirect_uri: p.redirectUri,
    ...(p.codeVerifier ? { code_verifier: p.codeVerifier } : {}),
  });
}

/** The scope the pay page needs (the authorization asks for it with `userinfo`). */
export const FOMO_PAY_SCOPE: FomoScope = 'paytoken';

/** The scope a refresh asks for (§二.4: the seed fixes it): a refreshed token cannot pay. */
export const FOMO_REFRESH_SCOPE: FomoScope = 'userinfo';

/** §二.4: a new access token; the seed fixes scope=userinfo for refreshes. */
export function buildFomoRefreshRequest(
  baseUrl: string,
  creds: FomoAppCredentials,
  refreshToken: string,
): HttpRequest {
  return formPost(baseUrl, FOMO_ENDPOINTS.refresh, {
    refresh_token: refreshToken,
    client_id: creds.clientId,
    client_secret: creds.clientSecret,
    grant_type: 'refresh_token',
    scope: FOMO_REFRESH_SCOPE,
  });
}

/** Token or refresh reply → tokens; `nowMs` is the context clock at the time of the answer. */
export function processFomoTokenResponse(
  res: HttpResponse,
  endpoint: string,
  nowMs: number,
): FomoTokens {
  const t = processFomoReply(res, endpoint, tokenSchema);
  return {
    accessToken: t.access_token,
    ...(t.refresh_token ? { refreshToken: t.refresh_token } : {}),
    ...(t.expires_in != null ? { expiresAt: nowMs + t.expires_in * 1000 } : {}),
    ...(t.scope ? { scope: t.scope } : {}),
  };
}
