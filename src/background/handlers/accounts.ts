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
import { isRedirectPlatform } from '../accounts/connectors';
import { fetchProfile, gowAccount, gowClient } from '../accounts/profiles';

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
  credentials(platform: Platform): Promise<Record<string, string>>;
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
      if (isRedirectPlatform(platform)) {
        await flows.start(platform);
      } else if (platform === 'gow') {
        const ctx = await deps.context('gow');
        const found = await gowAccount(ctx, await deps.credentials('gow'));
        const t = Date.now();
        const prev = await accounts.get('gow');
        await accounts.put({
          platform: 'gow',
          state: 'connected',
          ...found,
          connectedAt: prev?.connectedAt ?? t,
          updatedAt: t,
        });
      } else {
        throw errors.invalid_input({
          en: 'Grand Chain connects by signing in with your email and password',
          zh: 'Grand Chain 需要使用邮箱和密码登录来连接',
        });
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
      const url = gowClient(await deps.context('gow'), await deps.credentials('gow')).kycPageUrl();
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
