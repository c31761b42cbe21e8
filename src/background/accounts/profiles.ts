/**
 * Fetching an account's public profile again (with its token where it has one), and how each
 * OAuth platform refreshes its token. Used by the popup's refresh and by the single-flight test.
 */
import { errors, toCoinDockError } from '../../core/errors';
import type { Platform } from '../../core/platform';
import { accountTrouble, type AccountStore } from './account-store';
import type { Account, TokenSet } from '../../core/accounts';
import type { ProviderContext } from '../../providers/types';
import { createFomoClient } from '../../providers/fomo/client';
import { FOMO_REFRESH_SCOPE } from '../../providers/fomo/oauth';
import { createHicoinClient } from '../../providers/hicoin/client';
import { createBiyongClient } from '../../providers/biyong/client';
import type { BiyongHashMode } from '../../providers/biyong/sign';
import { createGowClient } from '../../providers/gow/client';
import type { TokenService } from './tokens';

type Creds = Record<string, string>;

export function refresherFor(platform: Platform, ctx: ProviderContext, c: Creds) {
  return async (refreshToken: string): Promise<TokenSet> => {
    if (platform === 'fomo') {
      const t = await createFomoClient(ctx, {
        clientId: c.clientId ?? '',
        clientSecret: c.clientSecret ?? '',
      }).refresh(refreshToken);
      return {
        accessToken: t.accessToken,
        refreshToken: t.refreshToken,
        expiresAt: t.expiresAt,
        // A FOMO refresh asks for `userinfo` only (the platform's document fixes it).
        scope: t.scope ?? FOMO_REFRESH_SCOPE,
      };
    }
    if (platform === 'hicoin') {
      const t = await createHicoinClient(ctx, {
        appId: c.appId ?? '',
        secret: c.secret ?? '',
      }).refresh(refreshToken);
      return { accessToken: t.accessToken, refreshToken: t.refreshToken, expiresAt: t.expiresAt };
    }
    throw errors.internal({
      en: `${platform} has no token to refresh`,
      zh: `${platform} 没有可刷新的令牌`,
    });
  };
}

export function biyongClient(ctx: ProviderContext, c: Creds) {
  return createBiyongClient(ctx, {
    appId: c.appId ?? '',
    merchantPrivateKey: c.merchantPrivateKey ?? '',
    platformPublicKey: c.platformPublicKey ?? '',
    hashMode: (c.hashMode || 'SHA256') as BiyongHashMode,
  });
}

/**
 * `client` whose ledger reads mark the BiYong account as needing reconnection when BiYong says
 * the grant is gone (a sync is most often what finds out): the state is stored, so an open popup
 * shows it at once. A platform that is merely down leaves the account as it was.
 */
export function noteLostGrant(
  client: ReturnType<typeof biyongClient>,
  accounts: AccountStore,
): ReturnType<typeof biyongClient> {
  return {
    ...client,
    async balancePage(...args) {
      try {
        return await client.balancePage(...args);
      } catch (e) {
        const err = toCoinDockError(e, { platform: 'biyong' });
        if (accountTrouble(err) === 'needs_reconnect') {
          await accounts.markError('biyong', 'needs_reconnect', err);
        }
        throw err;
      }
    },
  };
}

export function gowClient(ctx: ProviderContext, c: Creds) {
  return createGowClient(ctx, {
    apiKey: c.apiKey ?? '',
    secretKey: c.secretKey ?? '',
    account: c.account ?? '',
  });
}

/** GOW "connects" by a signed call that proves the keys work for the configured account. */
export async function gowAccount(
  ctx: ProviderContext,
  c: Creds,
): Promise<Pick<Account, 'label' | 'details'>> {
  const status = await gowClient(ctx, c).authStatus();
  return {
    label: c.account ?? '',
    details: {
      account: c.account ?? '',
      cardStatus: String(status.value),
      cardStatusEn: status.label.en,
      cardStatusZh: status.label.zh,
    },
  };
}

/** The profile again; label and details merge over what is stored. */
export async function fetchProfile(
  platform: Platform,
  account: Account,
  ctx: ProviderContext,
  c: Creds,
  tokens: TokenService,
): Promise<Pick<Account, 'label' | 'details'>> {
  switch (platform) {
    case 'fomo': {
      const u = await tokens.withToken('fomo', (at) =>
        createFomoClient(ctx, {
          clientId: c.clientId ?? '',
          clientSecret: c.clientSecret ?? '',
        }).userInfo(at),
      );
      return {
        label: u.nickname ?? u.username ?? u.userId,
        details: { ...account.details, userId: u.userId },
      };
    }
    case 'hicoin': {
      const openid = account.details.openid ?? '';
      if (!(account.details.scope ?? '').includes('snsapi_userinfo')) return account;
      const u = await tokens.withToken('hicoin', (at) =>
        createHicoinClient(ctx, { appId: c.appId ?? '', secret: c.secret ?? '' }).userInfo(
          at,
          openid,
        ),
      );
      return {
        label: u.nickname ?? u.email ?? openid,
        details: { ...account.details, ...(u.nickname ? { nickname: u.nickname } : {}) },
      };
    }
    case 'biyong': {
      const info = await biyongClient(ctx, c).info(account.details.openId ?? '');
      // `auth: false`: the user withdrew CoinDock's grant in BiYong (docs/providers/biyong.md).
      if (!info.auth) {
        throw errors.permission(
          {
            en: 'BiYong no longer lets CoinDock see this account: reconnect to grant access again',
            zh: '币用已不再允许 CoinDock 访问此账户：请重新连接以再次授权',
          },
          { platform: 'biyong', endpoint: '/biyong-user/info' },
        );
      }
      const name = [info.firstName, info.lastName].filter(Boolean).join(' ');
      return {
        label: name || account.label,
        details: { ...account.details, ...(info.phone ? { phone: info.phone } : {}) },
      };
    }
    case 'gow':
      return gowAccount(ctx, c);
    case 'grandchain':
      return account;
  }
}
