/**
 * What differs per platform in a browser-tab connection: where the user is sent, what comes back
 * on the redirect, and how that becomes tokens and an account. Everything else (flow state, tab
 * capture, restarts) is in flows.ts and is the same for all three.
 */
import { errors } from '../../core/errors';
import type { Platform } from '../../core/platform';
import type { Flow, TokenSet } from '../../core/accounts';
import type { ProviderContext } from '../../providers/types';
import { createFomoClient } from '../../providers/fomo/client';
import { FOMO_DEFAULT_SCOPES } from '../../providers/fomo/oauth';
import { createHicoinClient } from '../../providers/hicoin/client';
import { parseHicoinAuthorizeReturn } from '../../providers/hicoin/return';
import type { HicoinScope } from '../../providers/hicoin/description';
import { createBiyongClient } from '../../providers/biyong/client';
import { buildBiyongConsentUrl, parseBiyongReturn } from '../../providers/biyong/consent';
import type { BiyongHashMode } from '../../providers/biyong/sign';

export type RedirectPlatform = 'fomo' | 'hicoin' | 'biyong';

export interface Connected {
  tokens?: TokenSet;
  label: string;
  details: Record<string, string>;
}

/** What a connector needs of its flow: the state (the flow's id), redirect URI and PKCE verifier. */
export type FlowInput = Pick<Flow, 'id' | 'redirectUri' | 'codeVerifier'>;

export interface Connector {
  platform: RedirectPlatform;
  /** The registered redirect / return URL the platform sends the user back to. */
  redirectUri(creds: Record<string, string>, returnUrls: readonly string[]): string;
  /** `codeChallenge`: PKCE's S256 challenge of `flow.codeVerifier`, when the flow has one. */
  authorizeUrl(
    ctx: ProviderContext,
    creds: Record<string, string>,
    flow: FlowInput,
    sandbox: boolean,
    codeChallenge: string | undefined,
  ): string;
  /** Check the return against the flow: the state must match (for BiYong, the one CoinDock added). */
  readReturn(url: string, flow: FlowInput): { secret: string };
  finish(
    ctx: ProviderContext,
    creds: Record<string, string>,
    secret: string,
    flow: FlowInput,
  ): Promise<Connected>;
}

function stateMismatch(platform: Platform) {
  return errors.forbidden_sender(
    {
      en: 'The answer does not belong to this connection (state mismatch); nothing was changed',
      zh: '返回结果与本次连接不符（state 不匹配），未做任何更改',
    },
    { platform, endpoint: 'authorize' },
  );
}

const fomo: Connector = {
  platform: 'fomo',
  redirectUri: (c) => c.redirectUri ?? '',
  authorizeUrl: (ctx, c, flow, _sandbox, codeChallenge) =>
    createFomoClient(ctx, { clientId: c.clientId ?? '', clientSecret: '' }).authorizeUrl({
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
    const client = createFomoClient(ctx, {
      clientId: c.clientId ?? '',
      clientSecret: c.clientSecret ?? '',
    });
    const t = await client.exchangeCode({
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
    const user = await client.userInfo(t.accessToken);
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
};

const hicoin: Connector = {
  platform: 'hicoin',
  redirectUri: (c) => c.redirectUri ?? '',
  authorizeUrl: (ctx, c, flow, _sandbox, codeChallenge) =>
    createHicoinClient(ctx, { appId: c.appId ?? '', secret: '' }).authorizeUrl({
      redirectUri: flow.redirectUri,
      state: flow.id,
      scope: (c.scope || 'snsapi_base') as HicoinScope,
      walletRedirect: c.walletRedirect ?? '',
      ...(codeChallenge ? { codeChallenge } : {}),
    }),
  readReturn(url, flow) {
    const r = parseHicoinAuthorizeReturn(url);
    if (r.state !== flow.id) throw stateMismatch('hicoin');
    return { secret: r.code };
  },
  async finish(ctx, c, code, flow) {
    const client = createHicoinClient(ctx, { appId: c.appId ?? '', secret: c.secret ?? '' });
    const t = await client.exchangeCode(code, flow.codeVerifier);
    const tokens: TokenSet = {
      accessToken: t.accessToken,
      refreshToken: t.refreshToken,
      expiresAt: t.expiresAt,
    };
    const details: Record<string, string> = { openid: t.openid, scope: t.scopes.join(',') };
    let label = t.openid;
    if (t.scopes.includes('snsapi_userinfo')) {
      const u = await client.userInfo(t.accessToken, t.openid);
      label = u.nickname ?? u.email ?? t.openid;
      for (const k of ['nickname', 'email', 'mobile', 'countryCode'] as const) {
        if (u[k]) details[k] = u[k];
      }
    }
    return { tokens, label, details };
  },
};

const biyong: Connector = {
  platform: 'biyong',
  // BiYong sends the user back to a page of the merchant: the first configured return URL.
  redirectUri: (_c, returnUrls) => returnUrls[0] ?? '',
  // BiYong's return carries no state of its own: CoinDock puts the flow's state in the return URL
  // it gives BiYong and accepts the biytoken only when it comes back with it. So no user token is
  // ever uploaded to an openId another page's biytoken stands for (docs/security.md, "OAuth").
  authorizeUrl: (ctx, c, flow, sandbox) =>
    buildBiyongConsentUrl({
      returnUrl: flow.redirectUri,
      appId: c.appId ?? '',
      webConsentBase: sandbox ? ctx.baseUrl : undefined,
      state: flow.id,
    }),
  readReturn(url, flow) {
    const r = parseBiyongReturn(url);
    if (r.params.state !== flow.id) throw stateMismatch('biyong');
    return { secret: r.biytoken };
  },
  async finish(ctx, c, biytoken) {
    const client = createBiyongClient(ctx, {
      appId: c.appId ?? '',
      merchantPrivateKey: c.merchantPrivateKey ?? '',
      platformPublicKey: c.platformPublicKey ?? '',
      hashMode: (c.hashMode || 'SHA256') as BiyongHashMode,
    });
    const auth = await client.auth(biytoken);
    const details: Record<string, string> = {
      openId: auth.openId,
      authList: auth.authList.join(','),
    };
    // "Upload the user token when configured" (/biyong-user/update, docs/providers/biyong.md,
    // Endpoints).
    if (c.userToken) {
      await client.updateToken(auth.openId, c.userToken);
      details.userTokenUploaded = 'yes';
    }
    let label = auth.openId;
    if (auth.authList.includes('PUBLIC_INFO')) {
      const info = await client.info(auth.openId);
      const name = [info.firstName, info.lastName].filter(Boolean).join(' ');
      if (name) label = name;
      if (info.phone) details.phone = info.phone;
    }
    return { label, details };
  },
};

export const CONNECTORS: Record<RedirectPlatform, Connector> = { fomo, hicoin, biyong };

export function isRedirectPlatform(p: Platform): p is RedirectPlatform {
  return p === 'fomo' || p === 'hicoin' || p === 'biyong';
}
