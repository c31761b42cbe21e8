/**
 * FOMO recharge (direction 1) and withdraw (direction 2) through the signed pay page:
 * 1. a fresh unique trade_id and state; the transfer is saved as pending BEFORE the tab opens
 *    (step `saved`), so a worker stopped in between reopens the same transfer's page when it wakes
 *    — the trade_id is never reused for a different transfer;
 * 2. the pay page opens in a tab (step `opened`);
 * 3. the return (seen by the content script, or by the tab's navigation) is accepted only in the
 *    tab opened in step 2 (or, once that tab is gone, in the one the user took the return to),
 *    on the page for its direction, with its trade_id and state; checked
 *    against the transfer (amount, coin, user) and the transfer becomes final in words (see
 *    `onReturn`; 201 = duplicate trade_id).
 */
import { errors, toCoinDockError } from '../../core/errors';
import type { Platform } from '../../core/platform';
import { isDecimal } from '../../core/money';
import { randomAlphanumeric } from '../../core/bytes';
import type { FomoPayTransfer, FomoReturnCheck } from '../../core/transfers';
import { isFomoPay } from '../../core/transfer-kinds';
import type { Store } from '../../core/store';
import { KEYS } from '../../core/storage-keys';
import type { ProviderContext } from '../../providers/types';
import { fomoClientFor } from '../../providers/fomo/adapter';
import { FOMO_PAY_SCOPE } from '../../providers/fomo/oauth';
import {
  FOMO_RETURNED_PAID,
  FOMO_RETURN_UNREADABLE,
  fomoMismatchMessage,
  fomoPayMismatches,
  parseFomoPayReturn,
} from '../../providers/fomo/pay-return';
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

/**
 * Whether the transfer's tab (by the id and browser session recorded) is still open. A tab id
 * from an earlier browser session names nothing now, even if a new tab was given the same number.
 */
async function tabExists(t: FomoPayTransfer, session: string): Promise<boolean> {
  const id = t.details.tabId;
  if (!id || !/^\d{1,10}$/.test(id) || !inSession(t, session)) return false;
  try {
    await chrome.tabs.get(Number(id));
    return true;
  } catch {
    return false;
  }
}

/**
 * Whether the transfer's recorded tab id belongs to this browser session (tab ids restart with the
 * browser). One recorded before sessions were kept (no `tabSession`) is taken as this session's,
 * as it always was.
 */
function inSession(t: FomoPayTransfer, session: string): boolean {
  const recorded = t.details.tabSession;
  return recorded === undefined || recorded === session;
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
  /** This browser session's id (`browserSessionId`): what gives a recorded tab id its meaning. */
  browserSession(): Promise<string>;
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

  async function payUrl(t: FomoPayTransfer): Promise<string> {
    const stored = await deps.credentials('fomo');
    const { account, accessToken } = await payAccess();
    const { creds, client } = fomoClientFor(await deps.context('fomo'), stored);
    return client.payUrl({
      direction: t.kind === 'fomo_recharge' ? 1 : 2,
      tradeId: t.id,
      amount: t.amount,
      coinId: t.details.coinId,
      userId: account.details.userId ?? '',
      accessToken,
      serverUri: creds.serverUri,
      redirectUri: creds.redirectUri,
      frontUri: creds.frontUri,
      state: t.details.state,
    });
  }

  async function open(id: string): Promise<void> {
    const t = await deps.transfers.getOf(id, isFomoPay);
    if (!t || t.details.step !== 'saved') return;
    const url = await payUrl(t);
    const tab = await chrome.tabs.create({ url, active: true });
    const tabSession = await deps.browserSession();
    await deps.transfers.changeOf(id, isFomoPay, (cur) =>
      cur.details.step === 'saved'
        ? {
            ...cur,
            details: { ...cur.details, step: 'opened', tabId: String(tab.id), tabSession },
          }
        : undefined,
    );
  }

  const service = {
    async start(req: FomoPayRequest): Promise<FomoPayTransfer> {
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
      // Everything the page needs is checked first: a transfer is saved only when its page can
      // open, so nothing stays pending (and reopens after a restart) for a page that never could.
      const { account } = await payAccess();
      const now = Date.now();
      const t: FomoPayTransfer = {
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
        details: {
          coinId: req.coinId,
          state: randomAlphanumeric(24),
          step: 'saved',
          // The FOMO user the page is for: a return naming another user does not settle it.
          ...(account.details.userId ? { userId: account.details.userId } : {}),
        },
      };
      t.reference = t.id;
      if (!(await deps.transfers.insert(t))) throw errors.internal();
      try {
        await open(t.id);
      } catch (e) {
        const err = toCoinDockError(e, { platform: 'fomo' });
        await deps.transfers.changeOf(t.id, isFomoPay, (cur) =>
          cur.details.step === 'saved'
            ? { ...cur, state: 'failed', message: err.messages }
            : undefined,
        );
        throw err;
      }
      return (await deps.transfers.getOf(t.id, isFomoPay)) ?? t;
    },

    /** After a worker start: pages saved but never opened are opened now (same trade_id). */
    async resume(): Promise<void> {
      for (const t of (await deps.transfers.all()).filter(isFomoPay)) {
        if (t.state === 'pending' && t.details.step === 'saved') {
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
            const changed = await deps.transfers.changeOf(t.id, isFomoPay, (cur) =>
              cur.details.step === 'saved' ? { ...cur, state: 'failed', message } : undefined,
            );
            if (changed) await deps.notifier.finished(t.id);
          });
        }
      }
    },

    /**
     * A pay return was seen (by the content script or the tab's navigation), in tab `tabId`.
     * Nothing in it is signed, so it is believed only as far as it can be checked
     * (docs/security.md, "FOMO pay returns"):
     * - only in the tab CoinDock opened for that transfer (another tab only once that one is gone,
     *   e.g. after a browser restart; that tab then becomes the transfer's, so the content script
     *   and the tab's navigation, whichever comes second, both see the return as this transfer's),
     *   on the page for its direction (the redirect URL for a
     *   recharge, front_uri for a withdrawal), with its trade_id and state;
     * - amount, coin and user must be the saved transfer's: otherwise it ends as a mismatch;
     * - a return that cannot be read (no valid status, no trade_id) ends the wait in words;
     * - "paid" is recorded as returned as paid, not confirmed: FOMO has no order query.
     * Returns the transfer's id when the return belongs to it (also once it is final, so the
     * return page can show what CoinDock recorded).
     */
    async onReturn(url: string, tabId: number | undefined): Promise<string | undefined> {
      // Cheap checks first: this runs for every tab navigation.
      if (tabId === undefined) return undefined;
      let q: URLSearchParams;
      try {
        q = new URL(url).searchParams;
      } catch {
        return undefined;
      }
      // Not the credentials: after a browser restart the vault is locked, and the return must
      // still be recognised (it needs only the return pages, which are not secret).
      const config = await deps.config();
      if (!(samePage(url, config.redirectUri) || samePage(url, config.frontUri))) return undefined;
      const tradeId = q.get('trade_id');
      const state = q.get('state');
      const session = await deps.browserSession();
      const fomo = (await deps.transfers.all()).filter(isFomoPay);
      let t = fomo
        .filter((x) => x.details.tabId === String(tabId) && inSession(x, session))
        .sort((a, b) => b.createdAt - a.createdAt)[0];
      if (tradeId && (!t || t.id !== tradeId)) {
        // The tab CoinDock opened is gone (closed, or the browser restarted) and the user went
        // back to FOMO's page in another (perhaps one an earlier transfer used): then, and only
        // then, another tab may bring the return of that pending transfer — with its trade_id,
        // and every check below.
        const orphan = fomo.find((x) => x.id === tradeId && x.state === 'pending');
        if (orphan && !(await tabExists(orphan, session))) t = orphan;
      }
      if (!t) return undefined;
      const page = t.kind === 'fomo_withdraw' ? config.frontUri : config.redirectUri;
      if (!samePage(url, page)) return undefined;
      // Another transfer's or another flow's parameters in this tab are not this transfer's.
      if ((tradeId && tradeId !== t.id) || (state && state !== t.details.state)) return undefined;

      let next: Pick<FomoPayTransfer, 'state' | 'message' | 'statusCode'> & {
        details: Pick<FomoPayTransfer['details'], 'mismatch' | 'transferId' | 'callbackHttp'> & {
          returnCheck: FomoReturnCheck;
        };
      };
      let ret;
      try {
        ret = parseFomoPayReturn(url);
      } catch {
        ret = undefined;
      }
      if (!ret || !ret.trade_id || !state) {
        next = {
          state: 'failed',
          message: FOMO_RETURN_UNREADABLE,
          statusCode: undefined,
          details: { returnCheck: 'unreadable' },
        };
      } else {
        const account = await deps.accounts.get('fomo');
        const mismatches = fomoPayMismatches(ret, {
          amount: t.amount,
          coinId: t.details.coinId,
          userId: t.details.userId ?? account?.details.userId ?? '',
        });
        const returned = {
          ...(ret.transfer_id ? { transferId: ret.transfer_id } : {}),
          ...(ret.httpcode !== undefined ? { callbackHttp: String(ret.httpcode) } : {}),
        };
        next = mismatches.length
          ? {
              state: 'failed',
              message: fomoMismatchMessage(mismatches),
              // CoinDock's verdict, not FOMO's: its status code would read as the outcome.
              statusCode: undefined,
              details: {
                returnCheck: 'mismatch',
                mismatch: mismatches.join(','),
              },
            }
          : ret.ok
            ? {
                state: 'succeeded',
                message: FOMO_RETURNED_PAID,
                statusCode: String(ret.status),
                details: { returnCheck: 'returned_paid', ...returned },
              }
            : {
                state: 'failed',
                message: ret.message,
                statusCode: String(ret.status),
                details: { returnCheck: 'declined', ...returned },
              };
      }
      const changed = await deps.transfers.changeOf(t.id, isFomoPay, (cur) =>
        cur.state === 'pending'
          ? {
              ...cur,
              state: next.state,
              message: next.message,
              ...(next.statusCode !== undefined ? { statusCode: next.statusCode } : {}),
              // The tab the return came in is the transfer's from now on (the same as before,
              // unless the one CoinDock opened was gone).
              details: {
                ...cur.details,
                step: 'returned',
                ...next.details,
                tabId: String(tabId),
                tabSession: session,
              },
            }
          : undefined,
      );
      if (changed) await deps.notifier.finished(t.id);
      return t.id;
    },
  };
  return service;
}

export type FomoPay = ReturnType<typeof createFomoPay>;

/** This browser session's id: made once, kept in session storage until the browser closes. */
export function browserSessionId(store: Store): Promise<string> {
  return store.update(KEYS.browserSession, (id) => id || randomAlphanumeric(16));
}
