/** Connecting, listing and disconnecting accounts. */
import type { Handlers } from '../../core/message-protocol';
import type { AccountsView, MessageMap } from '../../core/messages';
import { errors, toCoinDockError } from '../../core/errors';
import type { Platform } from '../../core/platform';
import { flowView } from '../../core/accounts';
import type { ProviderContext } from '../../providers/types';
import { accountTrouble, type AccountStore } from '../accounts/account-store';
import type { TokenService } from '../accounts/tokens';
import type { FlowService } from '../accounts/flows';
import { fetchProfile } from '../accounts/profiles';
import type { StoredCredentials } from '../../providers/adapter';
import { ADAPTERS } from '../../providers/registry';
import { gowClientFor } from '../../providers/gow/adapter';

type AccountHandlers = Pick<
  Handlers<MessageMap>,
  | 'accounts/list'
  | 'accounts/connect'
  | 'accounts/disconnect'
  | 'accounts/dismiss-flow'
  | 'accounts/profile'
  | 'accounts/kyc-page'
>;

export function accountHandlers(deps: {
  accounts: AccountStore;
  tokens: TokenService;
  flows: FlowService;
  context(platform: Platform): Promise<ProviderContext>;
  credentials(platform: Platform): Promise<StoredCredentials>;
  /** Platform-specific clean-up on disconnect (Grand Chain logs out). */
  onDisconnect?(platform: Platform): Promise<void>;
}): AccountHandlers {
  const { accounts, flows, tokens } = deps;

  async function view(): Promise<AccountsView> {
    return { accounts: await accounts.all(), flows: (await flows.list()).map(flowView) };
  }

  return {
    async 'accounts/list'() {
      return view();
    },
    async 'accounts/connect'(req) {
      const { platform } = req;
      const connect = ADAPTERS[platform].connect;
      if (connect?.by === 'redirect') {
        await flows.start(platform);
      } else if (connect?.by === 'keys') {
        const found = await connect.account(
          await deps.context(platform),
          await deps.credentials(platform),
        );
        const t = Date.now();
        const prev = await accounts.get(platform);
        await accounts.put({
          platform,
          state: 'connected',
          ...found,
          connectedAt: prev?.connectedAt ?? t,
          updatedAt: t,
        });
      } else {
        throw errors.invalid_input(
          connect?.hint ?? {
            en: 'This platform cannot be connected from here',
            zh: '该平台无法在此连接',
          },
        );
      }
      return view();
    },
    async 'accounts/disconnect'(req) {
      const { platform } = req;
      await deps.onDisconnect?.(platform).catch(() => undefined);
      await tokens.forget(platform).catch(() => undefined);
      await accounts.remove(platform);
      for (const f of await flows.list()) if (f.platform === platform) await flows.dismiss(f.id);
      return view();
    },
    async 'accounts/dismiss-flow'(req) {
      await flows.dismiss(req.id);
      return view();
    },
    async 'accounts/kyc-page'() {
      const url = gowClientFor(
        await deps.context('gow'),
        await deps.credentials('gow'),
      ).kycPageUrl();
      await chrome.tabs.create({ url, active: true });
    },
    async 'accounts/profile'(req) {
      const { platform } = req;
      const account = await accounts.get(platform);
      if (!account)
        throw errors.not_configured({ en: 'Not connected', zh: '尚未连接' }, { platform });
      const ctx = await deps.context(platform);
      let found;
      try {
        found = await fetchProfile(
          platform,
          account,
          ctx,
          await deps.credentials(platform),
          tokens,
        );
      } catch (e) {
        // The card shows it (stored, so every open page follows), naming what went wrong.
        const err = toCoinDockError(e, { platform });
        const state = accountTrouble(err);
        if (state) await accounts.markError(platform, state, err);
        throw err;
      }
      await accounts.patch(platform, { ...found, state: 'connected', lastError: undefined });
      return (await accounts.get(platform)) ?? account;
    },
  };
}
