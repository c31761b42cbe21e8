import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, memoryArea } from '../../core/store';
import { errors, type CoinDockError } from '../../core/errors';
import type { TokenSet } from '../../core/accounts';
import type { Transfer } from '../../core/transfers';
import type { ProviderContext } from '../../providers/types';
import type { TokenService } from '../accounts/tokens';
import { createAccountStore } from '../accounts/account-store';
import { createTransferStore } from './transfer-store';
import { recordingNotifier } from './test-kit';
import { createFomoPay } from './fomo-pay';

// The pay page opens in a tab: record the tabs asked for.
let tabsOpened: string[];
beforeEach(() => {
  tabsOpened = [];
  vi.stubGlobal('chrome', {
    tabs: {
      create: ({ url }: { url: string }) => (tabsOpened.push(url), Promise.resolve({ id: 7 })),
    },
  });
});
afterEach(() => vi.unstubAllGlobals());

const CREDS = {
  clientId: 'fomo_demo_app',
  clientSecret: 'secret',
  redirectUri: 'https://merchant.example/fomo/return',
  serverUri: 'https://merchant.example/fomo/callback',
};

async function setup(opts: {
  connected?: boolean;
  token?: TokenSet;
  credentials?: () => Promise<Record<string, string>>;
}) {
  const store = createStore({ local: memoryArea(), session: memoryArea(), idb: memoryArea() });
  const accounts = createAccountStore(store);
  if (opts.connected ?? true) {
    await accounts.put({
      platform: 'fomo',
      state: 'connected',
      label: 'Alice',
      details: { userId: '10001' },
      connectedAt: 1,
      updatedAt: 1,
    });
  }
  const token = opts.token ?? { accessToken: 'at', scope: 'userinfo paytoken' };
  const tokens = {
    accessToken: async () => token.accessToken,
    read: async () => token,
  } as unknown as TokenService;
  const transfers = createTransferStore(store);
  const notifier = recordingNotifier();
  // No test here gets as far as building the page's URL.
  const context = (): Promise<ProviderContext> => Promise.reject(new Error('not reached'));
  const pay = createFomoPay({
    transfers,
    accounts,
    tokens,
    notifier,
    context,
    credentials: opts.credentials ?? (async () => CREDS),
    config: async () => ({ redirectUri: CREDS.redirectUri }),
  });
  return { pay, transfers, notifier };
}

/** A transfer saved before its tab opened, as a stopped worker leaves it. */
function saved(id: string): Transfer {
  return {
    id,
    platform: 'fomo',
    kind: 'fomo_recharge',
    state: 'pending',
    amount: '5',
    token: 'coin 3',
    createdAt: 1,
    updatedAt: 1,
    reference: id,
    details: { coinId: '3', state: 'st', step: 'saved' },
  };
}

describe('FOMO pay', () => {
  it('a payment with a refreshed token (profile only) is refused before anything is saved', async () => {
    const env = await setup({ token: { accessToken: 'at2', scope: 'userinfo' } });
    const refused = await env.pay
      .start({ direction: 1, amount: '5', coinId: '3' })
      .catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'permission' });
    expect((refused as CoinDockError).messages.en).toContain('reconnect FOMO');
    expect(await env.transfers.all()).toEqual([]);
    expect(tabsOpened).toEqual([]);
  });

  it('without a connected account nothing is saved either', async () => {
    const env = await setup({ connected: false });
    await expect(env.pay.start({ direction: 1, amount: '5', coinId: '3' })).rejects.toMatchObject({
      code: 'not_configured',
    });
    expect(await env.transfers.all()).toEqual([]);
  });

  it('a page saved but not opened when the browser closed ends, in words, when the vault is locked', async () => {
    const env = await setup({
      credentials: () => Promise.reject(errors.locked()),
    });
    await env.transfers.insert(saved('cdA'));
    await env.pay.resume();
    const t = await env.transfers.get('cdA');
    expect(t).toMatchObject({ state: 'failed' });
    expect(t?.message?.en).toContain('CoinDock was locked); nothing was paid');
    expect(env.notifier.finishedIds).toEqual(['cdA']);
    expect(tabsOpened).toEqual([]);
  });

  it('a saved page that can no longer open says what stopped it, not "something went wrong"', async () => {
    const env = await setup({ connected: false });
    await env.transfers.insert(saved('cdB'));
    await env.pay.resume();
    const t = await env.transfers.get('cdB');
    expect(t).toMatchObject({ state: 'failed', message: { en: 'Connect FOMO first' } });
  });
});
