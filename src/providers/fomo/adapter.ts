/**
 * FOMO's adapter (docs/providers/fomo.md): OAuth in a browser tab (authorization code, PKCE on
 * the sandbox), token refresh, the user's profile, and an app check by an impossible code.
 */
import * as v from 'valibot';
import { errors } from '../../core/errors';
import type { TokenSet } from '../../core/accounts';
import type { ProviderContext } from '../types';
import {
  defineAdapter,
  optionalText,
  probeOAuthApp,
  readCredentials,
  requiredText,
  stateMismatch,
  type StoredCredentials,
} from '../adapter';
import { createFomoClient, type FomoClient } from './client';
import { fomoDescription } from './description';
import { FOMO_DEFAULT_SCOPES, FOMO_REFRESH_SCOPE } from './oauth';
import { fomoReturnDecoder } from './return-decode';

export const FomoCredentials = v.object({
  clientId: requiredText,
  clientSecret: requiredText,
  redirectUri: requiredText,
  serverUri: requiredText,
  /** Needed to withdraw only (the pay page's front-end return). */
  frontUri: optionalText,
});
export type FomoCredentials = v.InferOutput<typeof FomoCredentials>;

const client = (ctx: ProviderContext, c: FomoCredentials): FomoClient =>
  createFomoClient(ctx, { clientId: c.clientId, clientSecret: c.clientSecret });

/** FOMO's typed credentials and client, for the worker's FOMO pay feature. */
export function fomoClientFor(ctx: ProviderContext, stored: StoredCredentials) {
  const creds = readCredentials(fomoDescription, FomoCredentials, stored);
  return { creds, client: client(ctx, creds) };
}

export const fomoAdapter = defineAdapter({
  description: fomoDescription,
  credentials: FomoCredentials,
  decodeReturn: fomoReturnDecoder,
  connect: {
    by: 'redirect',
    redirectUri: (c) => c.redirectUri,
    // No secret is needed to send the user to FOMO's page.
    authorizeUrl: (ctx, c, flow, _sandbox, codeChallenge) =>
      createFomoClient(ctx, { clientId: c.clientId, clientSecret: '' }).authorizeUrl({
        redirectUri: flow.redirectUri,
        state: flow.id,
        ...(codeChallenge ? { codeChallenge } : {}),
      }),
    readReturn(url, flow) {
      const u = new URL(url);
      if (u.searchParams.get('state') !== flow.id) throw stateMismatch('fomo');
      const code = u.searchParams.get('code');
      if (!code) {
        throw errors.permission(
          { en: 'FOMO did not grant access', zh: 'FOMO 未授权' },
          { platform: 'fomo', endpoint: 'authorize' },
        );
      }
      return { secret: code };
    },
    async finish(ctx, c, code, flow) {
      const fomo = client(ctx, c);
      const t = await fomo.exchangeCode({
        code,
        state: flow.id,
        redirectUri: flow.redirectUri,
        ...(flow.codeVerifier ? { codeVerifier: flow.codeVerifier } : {}),
      });
      const tokens: TokenSet = {
        accessToken: t.accessToken,
        refreshToken: t.refreshToken,
        expiresAt: t.expiresAt,
        // The platform may not say; then the token has what the authorization asked for.
        scope: t.scope ?? FOMO_DEFAULT_SCOPES.join(' '),
      };
      const user = await fomo.userInfo(t.accessToken);
      return {
        tokens,
        label: user.nickname ?? user.username ?? user.userId,
        details: {
          userId: user.userId,
          ...(user.username ? { username: user.username } : {}),
          scope: t.scope ?? '',
        },
      };
    },
  },
  async refresh(ctx, c, refreshToken) {
    const t = await client(ctx, c).refresh(refreshToken);
    return {
      accessToken: t.accessToken,
      refreshToken: t.refreshToken,
      expiresAt: t.expiresAt,
      // A FOMO refresh asks for `userinfo` only (the platform's document fixes it).
      scope: t.scope ?? FOMO_REFRESH_SCOPE,
    };
  },
  async profile(ctx, c, account) {
    const u = await ctx.withToken((at) => client(ctx.provider, c).userInfo(at));
    return {
      label: u.nickname ?? u.username ?? u.userId,
      details: { ...account.details, userId: u.userId },
    };
  },
  probe: (ctx, c) =>
    probeOAuthApp((code) =>
      client(ctx, c).exchangeCode({ code, state: 'connectiontest', redirectUri: c.redirectUri }),
    ),
});

export default fomoAdapter;
