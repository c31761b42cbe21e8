/**
 * Fetching an account's public profile again (with its token where it has one), and refreshing a
 * platform's token: each through the platform's adapter (src/providers/registry.ts). Used by the
 * popup's refresh and by the single-flight test.
 */
import { errors, toCoinDockError } from '../../core/errors';
import type { Platform } from '../../core/platform';
import { accountTrouble, type AccountStore } from './account-store';
import type { Account, TokenSet } from '../../core/accounts';
import type { ProviderContext } from '../../providers/types';
import type { Profile, StoredCredentials } from '../../providers/adapter';
import { ADAPTERS } from '../../providers/registry';
import type { BiyongClient } from '../../providers/biyong/client';
import type { TokenService } from './tokens';

export function refresherFor(platform: Platform, ctx: ProviderContext, c: StoredCredentials) {
  return async (refreshToken: string): Promise<TokenSet> => {
    const refresh = ADAPTERS[platform].refresh;
    if (!refresh) {
      throw errors.internal({
        en: `${platform} has no token to refresh`,
        zh: `${platform} 没有可刷新的令牌`,
      });
    }
    return refresh(ctx, c, refreshToken);
  };
}

/**
 * `client` whose ledger reads mark the BiYong account as needing reconnection when BiYong says
 * the grant is gone (a sync is most often what finds out): the state is stored, so an open popup
 * shows it at once. A platform that is merely down leaves the account as it was.
 */
export function noteLostGrant(client: BiyongClient, accounts: AccountStore): BiyongClient {
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

/** The profile again; label and details merge over what is stored. Without a profile
 * capability (Grand Chain) the stored one stands. */
export async function fetchProfile(
  platform: Platform,
  account: Account,
  ctx: ProviderContext,
  c: StoredCredentials,
  tokens: TokenService,
): Promise<Profile> {
  const profile = ADAPTERS[platform].profile;
  if (!profile) return account;
  return profile(
    { provider: ctx, withToken: (call) => tokens.withToken(platform, call) },
    c,
    account,
  );
}
