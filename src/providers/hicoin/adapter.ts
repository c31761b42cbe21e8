/**
 * HiCoin's adapter (docs/providers/hicoin.md): WeChat-style OAuth in a browser tab, token
 * refresh, the user's profile when the scope allows it, and an app check by an impossible code.
 */
import * as v from 'valibot';
import type { TokenSet } from '../../core/accounts';
import type { ProviderContext } from '../types';
import { defineAdapter, probeOAuthApp, requiredText, stateMismatch } from '../adapter';
import { createHicoinClient } from './client';
import { hicoinDescription } from './description';
import { parseHicoinAuthorizeReturn } from './return';
import { hicoinReturnDecoder } from './return-decode';

export const HicoinCredentials = v.object({
  appId: requiredText,
  secret: requiredText,
  redirectUri: requiredText,
  walletRedirect: requiredText,
  scope: v.picklist(['snsapi_base', 'snsapi_userinfo']),
});
export type HicoinCredentials = v.InferOutput<typeof HicoinCredentials>;

const client = (ctx: ProviderContext, c: HicoinCredentials) =>
  createHicoinClient(ctx, { appId: c.appId, secret: c.secret });

export const hicoinAdapter = defineAdapter({
  description: hicoinDescription,
  credentials: HicoinCredentials,
  decodeReturn: hicoinReturnDecoder,
  connect: {
    by: 'redirect',
    redirectUri: (c) => c.redirectUri,
    // No secret is needed to send the user to HiCoin's page.
    authorizeUrl: (ctx, c, flow, _sandbox, codeChallenge) =>
      createHicoinClient(ctx, { appId: c.appId, secret: '' }).authorizeUrl({
        redirectUri: flow.redirectUri,
        state: flow.id,
        scope: c.scope,
        walletRedirect: c.walletRedirect,
        ...(codeChallenge ? { codeChallenge } : {}),
      }),
    readReturn(url, flow) {
      const r = parseHicoinAuthorizeReturn(url);
      if (r.state !== flow.id) throw stateMismatch('hicoin');
      return { secret: r.code };
    },
    async finish(ctx, c, code, flow) {
      const hicoin = client(ctx, c);
      const t = await hicoin.exchangeCode(code, flow.codeVerifier);
      const tokens: TokenSet = {
        accessToken: t.accessToken,
        refreshToken: t.refreshToken,
        expiresAt: t.expiresAt,
      };
      const details: Record<string, string> = { openid: t.openid, scope: t.scopes.join(',') };
      let label = t.openid;
      if (t.scopes.includes('snsapi_userinfo')) {
        const u = await hicoin.userInfo(t.accessToken, t.openid);
        label = u.nickname ?? u.email ?? t.openid;
        for (const k of ['nickname', 'email', 'mobile', 'countryCode'] as const) {
          if (u[k]) details[k] = u[k];
        }
      }
      return { tokens, label, details };
    },
  },
  async refresh(ctx, c, refreshToken) {
    const t = await client(ctx, c).refresh(refreshToken);
    return { accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: t.expiresAt };
  },
  async profile(ctx, c, account) {
    const openid = account.details.openid ?? '';
    // Without snsapi_userinfo the token may not read the profile: the stored one stands.
    if (!(account.details.scope ?? '').includes('snsapi_userinfo')) return account;
    const u = await ctx.withToken((at) => client(ctx.provider, c).userInfo(at, openid));
    return {
      label: u.nickname ?? u.email ?? openid,
      details: { ...account.details, ...(u.nickname ? { nickname: u.nickname } : {}) },
    };
  },
  probe: (ctx, c) => probeOAuthApp((code) => client(ctx, c).exchangeCode(code)),
});

export default hicoinAdapter;
