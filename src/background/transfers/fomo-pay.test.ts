import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, memoryArea } from '../../core/store';
import fc from 'fast-check';
import { CoinDockError, errors } from '../../core/errors';
import { KEYS } from '../../core/storage-keys';
import { defaultSettings, mergeSettings } from '../../core/settings';
import { decodeReturn } from '../../providers/returns';
import { normalizeDecimal } from '../../core/money';
import { SECRET_PARAM_NAMES, isSecretParam } from '../../core/secret-params';
import type { HandlerContext } from '../../core/message-protocol';
import { parseFomoPayReturn } from '../../providers/fomo/pay-return';
import { returnHandlers } from '../handlers/returns';
import type { TokenSet } from '../../core/accounts';
import type { FomoPayTransfer } from '../../core/transfers';
import type { ProviderContext } from '../../providers/types';
import type { TokenService } from '../accounts/tokens';
import { createAccountStore } from '../accounts/account-store';
import { createTransferStore } from './transfer-store';
import { recordingNotifier } from './test-kit';
import { browserSessionId, createFomoPay } from './fomo-pay';

// The pay page opens in a tab: record the tabs asked for.
let tabsOpened: string[];
beforeEach(() => {
  tabsOpened = [];
  vi.stubGlobal('chrome', {
    tabs: {
      create: ({ url }: { url: string }) => (tabsOpened.push(url), Promise.resolve({ id: 7 })),
      // Tab 7 (the one CoinDock opens) and 8 (another) are open; any other is gone.
      get: (id: number) =>
        id === 7 || id === 8 ? Promise.resolve({ id }) : Promise.reject(new Error('No tab')),
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

const FRONT = 'https://merchant.example/fomo/front';

async function setup(opts: {
  connected?: boolean;
  token?: TokenSet;
  credentials?: () => Promise<Record<string, string>>;
}) {
  const store = createStore({ local: memoryArea(), session: memoryArea() });
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
    config: async () => ({ redirectUri: CREDS.redirectUri, frontUri: FRONT }),
    browserSession: () => browserSessionId(store),
  });
  return { pay, transfers, notifier, store };
}

/** A transfer saved before its tab opened, as a stopped worker leaves it. */
function saved(id: string): FomoPayTransfer {
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

/** A transfer whose pay page CoinDock opened in tab 7 (100 of coin 3 for user 10001). */
function opened(id: string, kind: FomoPayTransfer['kind'] = 'fomo_recharge'): FomoPayTransfer {
  return {
    ...saved(id),
    kind,
    amount: '100',
    details: { coinId: '3', state: 'st', step: 'opened', tabId: '7', userId: '10001' },
  };
}

function payReturn(page: string, params: Record<string, string>): string {
  const base = { status: '1', trade_id: 'cdT', state: 'st', amount: '100', coin_id: '3' };
  return `${page}?${new URLSearchParams({ ...base, user_id: '10001', ...params }).toString()}`;
}

describe('FOMO pay returns: believed only as far as they can be checked', () => {
  it('a "success" for another amount, coin and user does not settle it, and says so', async () => {
    const env = await setup({});
    await env.transfers.insert(opened('cdT'));
    const url = payReturn(CREDS.redirectUri, { amount: '0.01', coin_id: '999', user_id: '666' });
    expect(await env.pay.onReturn(url, 7)).toBe('cdT');
    const t = await env.transfers.get('cdT');
    expect(t).toMatchObject({
      state: 'failed',
      details: { returnCheck: 'mismatch', mismatch: 'amount,coin_id,user_id' },
    });
    expect(t?.message?.en).toMatch(/does not match.*amount, coin, FOMO user.*not count it as paid/);
    expect(t?.message?.zh).toContain('金额、币种、FOMO 用户不一致');
    expect(env.notifier.finishedIds).toEqual(['cdT']);
  });

  it('a matching "success" is returned as paid, not confirmed by FOMO (100.00 = 100)', async () => {
    const env = await setup({});
    await env.transfers.insert(opened('cdT'));
    await env.pay.onReturn(
      payReturn(CREDS.redirectUri, { amount: '100.00', transfer_id: 'F9' }),
      7,
    );
    const t = await env.transfers.get('cdT');
    expect(t).toMatchObject({
      state: 'succeeded',
      details: { returnCheck: 'returned_paid', transferId: 'F9' },
    });
    expect(t?.message?.en).toMatch(/^Returned as paid — not confirmed by FOMO/);
    expect(t?.message?.zh).toMatch(/未经 FOMO 确认/);
  });

  it('only in the tab CoinDock opened for it', async () => {
    const env = await setup({});
    await env.transfers.insert(opened('cdT'));
    expect(await env.pay.onReturn(payReturn(CREDS.redirectUri, {}), 8)).toBeUndefined();
    expect(await env.pay.onReturn(payReturn(CREDS.redirectUri, {}), undefined)).toBeUndefined();
    expect(await env.transfers.get('cdT')).toMatchObject({ state: 'pending' });
  });

  it('in another tab only once CoinDock’s is gone (browser restarted), still checked', async () => {
    const env = await setup({});
    const gone = opened('cdT');
    await env.transfers.insert({ ...gone, details: { ...gone.details, tabId: '99' } });
    expect(await env.pay.onReturn(payReturn(CREDS.redirectUri, { trade_id: '' }), 8)).toBe(
      undefined,
    );
    expect(await env.pay.onReturn(payReturn(CREDS.redirectUri, { amount: '0.01' }), 8)).toBe('cdT');
    expect(await env.transfers.get('cdT')).toMatchObject({
      state: 'failed',
      details: { returnCheck: 'mismatch', mismatch: 'amount' },
    });
  });

  it('the tab that brought it, once CoinDock’s was gone, still names it after it is final', async () => {
    // The tab's navigation and the content script both report the return: whichever comes
    // second must still find the transfer, or the return page says "unrecognised".
    const env = await setup({});
    const gone = opened('cdT');
    await env.transfers.insert({ ...gone, details: { ...gone.details, tabId: '99' } });
    const url = payReturn(CREDS.redirectUri, {});
    expect(await env.pay.onReturn(url, 8)).toBe('cdT');
    expect(await env.pay.onReturn(url, 8)).toBe('cdT');
    expect(await env.transfers.get('cdT')).toMatchObject({
      state: 'succeeded',
      details: { returnCheck: 'returned_paid', tabId: '8' },
    });
    expect(env.notifier.finishedIds).toEqual(['cdT']);
    // Still no other tab: tab 7 is not the one that brought it.
    expect(await env.pay.onReturn(url, 7)).toBeUndefined();
  });

  it('a tab id from before a browser restart names no tab now, even one given the same number', async () => {
    const env = await setup({});
    const before = opened('cdT');
    // Opened in tab 7 of an earlier browser session; tab 7 now is some other page.
    await env.transfers.insert({
      ...before,
      details: { ...before.details, tabId: '7', tabSession: 'earlier' },
    });
    // In today's tab 7 without its trade_id, it is not its tab.
    expect(
      await env.pay.onReturn(payReturn(CREDS.redirectUri, { trade_id: '' }), 7),
    ).toBeUndefined();
    // Its tab is gone: the return, with its trade_id and state, is taken in another — checked.
    expect(await env.pay.onReturn(payReturn(CREDS.redirectUri, { coin_id: '1' }), 8)).toBe('cdT');
    expect(await env.transfers.get('cdT')).toMatchObject({
      state: 'failed',
      details: { returnCheck: 'mismatch', mismatch: 'coin_id' },
    });
  });

  it('a tab an earlier transfer used may bring the return of one whose tab is gone', async () => {
    const env = await setup({});
    await env.transfers.insert({ ...opened('cdA'), state: 'succeeded', createdAt: 2 });
    const gone = opened('cdT');
    await env.transfers.insert({ ...gone, details: { ...gone.details, tabId: '99' } });
    expect(await env.pay.onReturn(payReturn(CREDS.redirectUri, {}), 7)).toBe('cdT');
    expect(await env.transfers.get('cdT')).toMatchObject({ state: 'succeeded' });
    expect(await env.transfers.get('cdA')).toMatchObject({ state: 'succeeded' });
  });

  it('only on the page of its direction: front_uri for withdrawals only', async () => {
    const env = await setup({});
    await env.transfers.insert(opened('cdT'));
    expect(await env.pay.onReturn(payReturn(FRONT, {}), 7)).toBeUndefined();
    expect(await env.transfers.get('cdT')).toMatchObject({ state: 'pending' });

    const w = await setup({});
    await w.transfers.insert(opened('cdT', 'fomo_withdraw'));
    expect(await w.pay.onReturn(payReturn(CREDS.redirectUri, {}), 7)).toBeUndefined();
    expect(await w.pay.onReturn(payReturn(FRONT, {}), 7)).toBe('cdT');
    expect(await w.transfers.get('cdT')).toMatchObject({ state: 'succeeded' });
  });

  it('another trade_id or state in its tab is not its return', async () => {
    const env = await setup({});
    await env.transfers.insert(opened('cdT'));
    expect(await env.pay.onReturn(payReturn(CREDS.redirectUri, { state: 'x' }), 7)).toBeUndefined();
    expect(
      await env.pay.onReturn(payReturn(CREDS.redirectUri, { trade_id: 'cdOther' }), 7),
    ).toBeUndefined();
    expect(await env.transfers.get('cdT')).toMatchObject({ state: 'pending' });
  });

  it.each([
    ['no status', { status: '' }],
    ['a status that is not a number', { status: 'ok' }],
    ['no trade_id', { trade_id: '' }],
  ])('a return with %s ends the wait in words', async (_label, params) => {
    const env = await setup({});
    await env.transfers.insert(opened('cdT'));
    expect(await env.pay.onReturn(payReturn(CREDS.redirectUri, params), 7)).toBe('cdT');
    const t = await env.transfers.get('cdT');
    expect(t).toMatchObject({ state: 'failed', details: { returnCheck: 'unreadable' } });
    expect(t?.message?.en).toContain('could not be read');
    expect(t?.message?.zh).toContain('无法读取');
    expect(env.notifier.finishedIds).toEqual(['cdT']);
  });

  it('a failure code is declined, in FOMO’s words; a second visit changes nothing', async () => {
    const env = await setup({});
    await env.transfers.insert(opened('cdT'));
    await env.pay.onReturn(payReturn(CREDS.redirectUri, { status: '24' }), 7);
    await env.pay.onReturn(payReturn(CREDS.redirectUri, {}), 7);
    const t = await env.transfers.get('cdT');
    expect(t).toMatchObject({ state: 'failed', details: { returnCheck: 'declined' } });
    expect(env.notifier.finishedIds).toEqual(['cdT']);
  });
});

describe('FOMO pay returns over arbitrary input (fast-check, 10,000 returns)', () => {
  const MARK = 'zqSECRET';
  const pick = <T>(...xs: T[]) => fc.constantFrom(...xs);
  const any = fc.string({ unit: 'binary', maxLength: 40 }).filter((x) => !x.includes(MARK));
  const field = (...likely: string[]) =>
    fc.option(fc.oneof(pick(...likely), any), { nil: undefined });
  const input = fc.record({
    page: pick(CREDS.redirectUri, FRONT, 'https://merchant.example/elsewhere'),
    tab: pick<number | undefined>(7, 8, undefined),
    kind: pick<FomoPayTransfer['kind']>('fomo_recharge', 'fomo_withdraw'),
    params: fc.record({
      status: field('1', '24', '201', '', 'ok', '-1', '99999999999'),
      trade_id: field('cdT', '', 'cdOther'),
      state: field('st', '', 'x'),
      amount: field('100', '100.00', '0100', '0.01', '', '1e2', '-100'),
      coin_id: field('3', '999', ''),
      user_id: field('10001', '666', ''),
      httpcode: field('200', '0', '500', 'abc'),
      transfer_id: field('F1', ''),
    }),
    extra: fc.array(fc.tuple(any, any), { maxLength: 4 }),
    secrets: fc.array(
      fc.tuple(pick(...SECRET_PARAM_NAMES), fc.stringMatching(/^[A-Za-z0-9]{1,12}$/)),
      { maxLength: 4 },
    ),
  });

  it('0 untyped errors; nothing secret kept; "succeeded" only for a return that agrees', async () => {
    let untyped = 0;
    const typed = (e: unknown) => {
      if (!(e instanceof CoinDockError)) untyped++;
    };
    await fc.assert(
      fc.asyncProperty(input, async ({ page, tab, kind, params, extra, secrets }) => {
        const u = new URL(page);
        for (const [k, v] of Object.entries(params)) if (v !== undefined) u.searchParams.set(k, v);
        for (const [k, v] of extra) u.searchParams.append(k, v);
        // Secrets carry a mark only so the test can look for them; state is one of the list.
        for (const [k, v] of secrets) if (k !== 'state') u.searchParams.append(k, MARK + v);
        const url = u.toString();

        try {
          parseFomoPayReturn(url);
        } catch (e) {
          typed(e);
        }
        decodeReturn(url, 'fomo');

        const env = await setup({});
        await env.transfers.insert(opened('cdT', kind));
        await env.store.set(
          KEYS.settings,
          mergeSettings(defaultSettings(), { platforms: { fomo: { returnUrls: [page] } } }),
        );
        const report = returnHandlers({ store: env.store });
        const sender = { id: 'x', url, tab: { id: tab ?? 1 }, frameId: 0 };
        const ctx = { kind: 'content', sender } as HandlerContext;
        await report['returns/report']({ url }, ctx).catch(typed);
        const log = await env.store.get(KEYS.returns);
        expect(JSON.stringify(log)).not.toContain(MARK);
        for (const r of log)
          for (const k of Object.keys(r.params)) expect(isSecretParam(k)).toBe(false);

        const matched = await env.pay.onReturn(url, tab).catch(typed);
        const t = await env.transfers.get('cdT');
        if (t?.state === 'succeeded') {
          const q = new URL(url).searchParams;
          expect(tab).toBe(7);
          expect(page).toBe(kind === 'fomo_withdraw' ? FRONT : CREDS.redirectUri);
          expect([q.get('status'), q.get('trade_id'), q.get('state')]).toEqual(['1', 'cdT', 'st']);
          expect(normalizeDecimal(q.get('amount') ?? '')).toBe('100');
          expect([q.get('coin_id'), q.get('user_id')]).toEqual(['3', '10001']);
          expect(t.message?.en).toContain('not confirmed by FOMO');
        }
        if (t?.state === 'pending') expect(matched).toBeUndefined();
        else expect(matched).toBe('cdT');
      }),
      { numRuns: 10_000 },
    );
    expect(untyped).toBe(0);
  }, 120_000);
});
