/**
 * FOMO recharge (direction 1) and withdraw (direction 2) through the signed pay page:
 * 1. a fresh unique trade_id and state; the transfer is saved as pending BEFORE the tab opens
 *    (step `saved`), so a worker stopped in between reopens the same transfer's page when it wakes
 *    — the trade_id is never reused for a different transfer;
 * 2. the pay page opens in a tab (step `opened`);
 * 3. the return (seen by the content script, or by the tab's navigation) is matched by trade_id
 *    AND state, decoded, and the transfer becomes final: 1 succeeded, anything else failed in words
 *    (201 = duplicate trade_id).
 */
import { errors, toCoinDockError, type Platform } from '../../core/errors';
import { isDecimal } from '../../core/money';
import { randomAlphanumeric } from '../../core/bytes';
import type { Transfer } from '../../core/transfers';
import type { ProviderContext } from '../../providers/types';
import { createFomoClient } from '../../providers/fomo/client';
import { FOMO_PAY_SCOPE } from '../../providers/fomo/oauth';
import { parseFomoPayReturn } from '../../providers/fomo/pay-return';
import { fomoCoinToken } from '../../providers/fomo/coins';
import type { TokenService } from '../accounts/tokens';
import type { AccountStore } from '../accounts/account-store';
import type { TransferStore } from './transfer-store';
import type { Notifier } from './notify';

export interface FomoPayRequest {
  direction: 1 | 2;
  amount: string;
  coinId: string;
}

/** Same origin and path. */
function samePage(url: string, page: string | undefined): boolean {
  if (!page) return false;
  try {
    const a = new URL(url);
    const b = new URL(page);
    return a.origin === b.origin && a.pathname === b.pathname;
  } catch {
    return false;
  }
}

export function newTradeId(now: number): string {
  // Time first so ids sort by creation; random tail so two in one millisecond never collide.
  return `cd${now.toString(36)}${randomAlphanumeric(10)}`;
}

export function createFomoPay(deps: {
  transfers: TransferStore;
  accounts: AccountStore;
  tokens: TokenService;
  notifier: Notifier;
  context(platform: Platform): Promise<ProviderContext>;
  credentials(platform: Platform): Promise<Record<string, string>>;
  /** FOMO's public settings (its return pages): readable while the vault is locked. */
  config(): Promise<Record<string, string>>;
}) {
  /**
   * What opening the pay page needs: a connected account and an access token allowed to pay.
   * FOMO's token refresh asks for `userinfo` only, so after one the pay page would refuse (54,
   * "no permission") — said here, before anything is saved, with what helps: reconnecting.
   */
  async function payAccess() {
    const account = await deps.accounts.get('fomo');
    if (!account || account.state !== 'connected') {
      throw errors.not_configured(
        { en: 'Connect FOMO first', zh: '请先连接 FOMO' },
        { platform: 'fomo' },
      );
    }
    const accessToken = await deps.tokens.accessToken('fomo');
    const scope = (await deps.tokens.read('fomo'))?.scope;
    if (scope !== undefined && !scope.split(/[\s,]+/).includes(FOMO_PAY_SCOPE)) {
      throw errors.permission(
        {
          en: 'FOMO’s renewed sign-in covers your profile only, not payments: reconnect FOMO, then try again',
          zh: 'FOMO 续期后的登录只包含个人资料，不含支付权限：请重新连接 FOMO 后再试',
        },
        { platform: 'fomo' },
      );
    }
    return { account, accessToken };
  }

  async function payUrl(t: Transfer): Promise<string> {
    const creds = await deps.credentials('fomo');
    const { account, accessToken } = await payAccess();
    const client = createFomoClient(await deps.context('fomo'), {
      clientId: creds.clientId ?? '',
      clientSecret: creds.clientSecret ?? '',
    });
    return client.payUrl({
      direction: t.kind === 'fomo_recharge' ? 1 : 2,
      tradeId: t.id,
      amount: t.amount,
      coinId: t.details.coinId ?? '',
      userId: account.details.userId ?? '',
      accessToken,
      serverUri: creds.serverUri ?? '',
      redirectUri: creds.redirectUri ?? '',
      frontUri: creds.frontUri,
      state: t.details.state ?? '',
    });
  }

  async function open(id: string): Promise<void> {
    const t = await deps.transfers.get(id);
    if (!t || t.details.step !== 'saved') return;
    const url = await payUrl(t);
    const tab = await chrome.tabs.create({ url, active: true });
    await deps.transfers.change(id, (cur) =>
      cur.details.step === 'saved'
        ? { ...cur, details: { ...cur.details, step: 'opened', tabId: String(tab.id) } }
        : undefined,
    );
  }

  const service = {
    async start(req: FomoPayRequest): Promise<Transfer> {
      if (req.direction !== 1 && req.direction !== 2) throw errors.invalid_input();
      if (!isDecimal(req.amount) || !/[1-9]/.test(req.amount) || req.amount.startsWith('-')) {
        throw errors.invalid_input({ en: 'Enter an amount above zero', zh: '请输入大于零的金额' });
      }
      if (!/^\d{1,10}$/.test(req.coinId)) {
        throw errors.invalid_input({ en: 'Choose a coin', zh: '请选择币种' });
      }
      const creds = await deps.credentials('fomo');
      if (req.direction === 2 && !creds.frontUri) {
        throw errors.not_configured({
          en: 'Set the front-end return URL (front_uri) to withdraw',
          zh: '提现需要填写前端回调地址 front_uri',
        });
      }
      const now = Date.now();
      const t: Transfer = {
        id: newTradeId(now),
        platform: 'fomo',
        kind: req.direction === 1 ? 'fomo_recharge' : 'fomo_withdraw',
        state: 'pending',
        amount: req.amount,
        // Its name where FOMO's coin table gives one (the id stays in details for the page).
        token: fomoCoinToken(req.coinId),
        createdAt: now,
        updatedAt: now,
        reference: undefined,
        details: { coinId: req.coinId, state: randomAlphanumeric(24), step: 'saved' },
      };
      t.reference = t.id;
      // Everything the page needs is checked first: a transfer is saved only when its page can
      // open, so nothing stays pending (and reopens after a restart) for a page that never could.
      await payAccess();
      if (!(await deps.transfers.insert(t))) throw errors.internal();
      try {
        await open(t.id);
      } catch (e) {
        const err = toCoinDockError(e, { platform: 'fomo' });
        await deps.transfers.change(t.id, (cur) =>
          cur.details.step === 'saved'
            ? { ...cur, state: 'failed', message: err.messages }
            : undefined,
        );
        throw err;
      }
      return (await deps.transfers.get(t.id)) ?? t;
    },

    /** After a worker start: pages saved but never opened are opened now (same trade_id). */
    async resume(): Promise<void> {
      for (const t of await deps.transfers.all()) {
        if (t.platform === 'fomo' && t.state === 'pending' && t.details.step === 'saved') {
          await open(t.id).catch(async (e: unknown) => {
            // The page cannot open now. Locked means the browser was closed in between (the
            // vault locks with it): a page opening on a later unlock would surprise, so the
            // transfer ends, saying why and that nothing was paid. Otherwise, what stopped it.
            const err = toCoinDockError(e, { platform: 'fomo' });
            const message =
              err.code === 'locked'
                ? {
                    en: 'Interrupted before FOMO’s page opened (CoinDock was locked); nothing was paid — start it again',
                    zh: '在 FOMO 支付页打开前被中断（CoinDock 已锁定），未付款——请重新发起',
                  }
                : err.messages;
            const changed = await deps.transfers.change(t.id, (cur) =>
              cur.details.step === 'saved' ? { ...cur, state: 'failed', message } : undefined,
            );
            if (changed) await deps.notifier.finished(t.id);
          });
        }
      }
    },

    /**
     * A pay return was seen (by the content script or the tab's navigation). It is accepted only
     * for a pending transfer with this trade_id whose state matches, on the configured redirect or
     * front URL. Returns the transfer's id when it matched.
     */
    async onReturn(url: string): Promise<string | undefined> {
      // Cheap checks first: this runs for tab navigations too.
      let tradeId: string | null;
      try {
        tradeId = new URL(url).searchParams.get('trade_id');
      } catch {
        return undefined;
      }
      const pending = tradeId ? await deps.transfers.get(tradeId) : undefined;
      if (!pending || pending.platform !== 'fomo') return undefined;
      // Not the credentials: after a browser restart the vault is locked, and the return must
      // still be recognised (it needs only the return pages, which are not secret).
      const config = await deps.config();
      if (!(samePage(url, config.redirectUri) || samePage(url, config.frontUri))) return undefined;
      let ret;
      try {
        ret = parseFomoPayReturn(url);
      } catch {
        return undefined;
      }
      const t = ret.trade_id ? await deps.transfers.get(ret.trade_id) : undefined;
      if (!t || t.platform !== 'fomo' || t.details.state !== ret.state) return undefined;
      const changed = await deps.transfers.change(t.id, (cur) => {
        if (cur.state !== 'pending') return undefined;
        return {
          ...cur,
          state: ret.ok ? 'succeeded' : 'failed',
          statusCode: String(ret.status),
          message: ret.message,
          details: {
            ...cur.details,
            step: 'returned',
            ...(ret.transfer_id ? { transferId: ret.transfer_id } : {}),
            ...(ret.httpcode !== undefined ? { callbackHttp: String(ret.httpcode) } : {}),
          },
        };
      });
      if (changed) await deps.notifier.finished(t.id);
      return t.id;
    },
  };
  return service;
}

export type FomoPay = ReturnType<typeof createFomoPay>;
