/**
 * FOMO's pay page (recharge, direction 1; withdraw, direction 2; docs/providers/fomo.md, Pay page
 * and its return): every parameter checked with the appendix's codes, a Confirm/Cancel page, then
 * the money moves, the merchant callback goes out and the browser returns to redirect_uri (1) or
 * front_uri (2).
 */
import { createHash } from 'node:crypto';
import { DEMO } from '../../contract';
import { parseFields } from '../../merchant';
import { decisionForm, details, errorPage, html, page, redirect } from '../../pages';
import type { SimContext, SimRequest, SimResponse } from '../../types';
import { parseAmount } from './amounts';
import { startCallbacks } from './callback';
import { FOMO_STATUS } from './codes';
import { BRAND, checkAccessToken, parseScopes, safeEqual } from './oauth';
import { isAbsoluteUrl, type FomoState, type Transfer } from './state';

/** "当前时间戳，10分钟内有效" — either side of FOMO's clock. */
export const PAY_TIMESTAMP_WINDOW_MS = 10 * 60_000;
const MAX_TRADE_ID = 64;

interface PayOrder {
  clientId: string;
  direction: 1 | 2;
  tradeId: string;
  amount: string;
  units: bigint;
  coinId: string;
  userId: string;
  accessToken: string;
  serverUri: string;
  redirectUri: string;
  /** Where the browser goes back: redirect_uri (direction 1) or front_uri (direction 2). */
  target: string;
  state: string;
}

/** The parameters the browser returns with (seed §三.2 "携带参数"). */
function returnParams(
  q: (k: string) => string | undefined,
  status: number,
): Record<string, string | undefined> {
  return {
    status: String(status),
    trade_id: q('trade_id'),
    amount: q('amount'),
    coin_id: q('coin_id'),
    user_id: q('user_id'),
    access_token: q('access_token'),
    client_id: q('client_id'),
    redirect_uri: q('redirect_uri'),
    state: q('state'),
  };
}

/** sha1(client_secret + timestamp), lowercase hex (docs/providers/fomo.md, Signing). */
export function paySign(clientSecret: string, timestamp: string): string {
  return createHash('sha1')
    .update(clientSecret + timestamp, 'utf8')
    .digest('hex');
}

/** Validates a pay request: the order, or the response to give (an error page or redirect). */
function validate(req: SimRequest, ctx: SimContext, st: FomoState): PayOrder | SimResponse {
  const q = (k: string) => req.query.get(k) ?? undefined;
  const client = st.clients.get(q('client_id') ?? '');
  if (!client) return errorPage(BRAND, 400, 'Unknown client_id.', FOMO_STATUS.unknownClient);
  const redirectUri = q('redirect_uri') ?? '';
  if (!client.redirectUris.includes(redirectUri)) {
    return errorPage(
      BRAND,
      400,
      'redirect_uri is not registered for this app.',
      'redirect_uri_mismatch',
    );
  }
  const dir = q('direction');
  const back = (status: number, target = redirectUri) => redirect(target, returnParams(q, status));
  if (dir !== '1' && dir !== '2') return back(FOMO_STATUS.missingParams);
  const direction = dir === '1' ? 1 : 2;
  let target = redirectUri;
  if (direction === 2) {
    // The withdraw page returns to front_uri; it must be one of the app's registered URIs too.
    const front = q('front_uri') ?? '';
    if (!client.redirectUris.includes(front)) {
      return errorPage(
        BRAND,
        400,
        'front_uri is not registered for this app.',
        'redirect_uri_mismatch',
      );
    }
    target = front;
  }
  const fail = (status: number) => back(status, target);

  const required = [
    'timestamp',
    'sign',
    'trade_id',
    'amount',
    'coin_id',
    'user_id',
    'access_token',
    'server_uri',
    'state',
    'scope',
    'response_type',
  ];
  if (required.some((k) => !q(k))) return fail(FOMO_STATUS.missingParams);
  if (q('response_type') !== 'code') return fail(FOMO_STATUS.missingParams);
  if (!parseScopes(q('scope'))?.includes('paytoken')) return fail(FOMO_STATUS.noPermission);

  const timestamp = q('timestamp') ?? '';
  if (!/^\d{1,16}$/.test(timestamp)) return fail(FOMO_STATUS.missingParams);
  if (!safeEqual(q('sign') ?? '', paySign(client.clientSecret, timestamp)))
    return fail(FOMO_STATUS.badSign);
  // Seconds (docs/providers/fomo.md, Signing): a millisecond timestamp lands far in the future and
  // fails here.
  if (Math.abs(ctx.now() - Number(timestamp) * 1000) > PAY_TIMESTAMP_WINDOW_MS)
    return fail(FOMO_STATUS.signExpired);

  const token = checkAccessToken(st, ctx, q('access_token'));
  if (typeof token === 'number') return fail(token);
  if (token.clientId !== client.clientId || token.userId !== q('user_id'))
    return fail(FOMO_STATUS.badSession);
  if (!token.scopes.includes('paytoken')) return fail(FOMO_STATUS.noPermission);

  const serverUri = q('server_uri') ?? '';
  if (!isAbsoluteUrl(serverUri)) return fail(FOMO_STATUS.missingParams);
  const coinId = q('coin_id') ?? '';
  if (!/^\d{1,9}$/.test(coinId)) return fail(FOMO_STATUS.badCoinId);
  if (!(coinId in DEMO.fomo.coins)) return fail(FOMO_STATUS.unknownCoin);
  const amount = q('amount') ?? '';
  const units = parseAmount(amount);
  if (units === undefined || units <= 0n) return fail(FOMO_STATUS.badAmount);
  const tradeId = q('trade_id') ?? '';
  if (tradeId.length > MAX_TRADE_ID) return fail(FOMO_STATUS.missingParams);

  const order: PayOrder = {
    clientId: client.clientId,
    direction,
    tradeId,
    amount,
    units,
    coinId,
    userId: token.userId,
    accessToken: token.token,
    serverUri,
    redirectUri,
    target,
    state: q('state') ?? '',
  };
  return recheck(order, ctx, st) ?? order;
}

/** What can change between showing the page and confirming it. */
function recheck(o: PayOrder, ctx: SimContext, st: FomoState): SimResponse | undefined {
  const fail = (status: number) => redirect(o.target, orderParams(o, status));
  const token = checkAccessToken(st, ctx, o.accessToken);
  if (typeof token === 'number') return fail(token);
  if (st.tradeIds.get(o.clientId)?.has(o.tradeId)) return fail(FOMO_STATUS.duplicateTrade);
  const payer = o.direction === 1 ? st.wallets.get(o.userId) : st.merchantWallets.get(o.clientId);
  if ((payer?.get(o.coinId) ?? 0n) < o.units) return fail(FOMO_STATUS.insufficientBalance);
  return undefined;
}

function orderParams(o: PayOrder, status: number): Record<string, string | undefined> {
  const values: Record<string, string> = {
    trade_id: o.tradeId,
    amount: o.amount,
    coin_id: o.coinId,
    user_id: o.userId,
    access_token: o.accessToken,
    client_id: o.clientId,
    redirect_uri: o.redirectUri,
    state: o.state,
  };
  return returnParams((k) => values[k], status);
}

/** GET oauth2/authorize/pay */
export function payPage(req: SimRequest, ctx: SimContext, st: FomoState): SimResponse {
  const o = validate(req, ctx, st);
  if (!('tradeId' in o)) return o;
  const session = st.newSession('pay', ctx.now(), o);
  const coin = DEMO.fomo.coins[o.coinId] ?? o.coinId;
  const user = DEMO.fomo.user;
  const client = st.clients.get(o.clientId);
  return page({
    brand: BRAND,
    title:
      o.direction === 1
        ? `Pay ${client?.name ?? o.clientId}`
        : `Receive from ${client?.name ?? o.clientId}`,
    pageId: 'fomo-pay',
    body: html`${details([
      [
        'Direction',
        o.direction === 1 ? 'You pay the merchant (recharge)' : 'The merchant pays you (withdraw)',
      ],
      ['Amount', `${o.amount} ${coin}`],
      ['Trade id', o.tradeId],
      ['Account', `${user.nickname} (id ${user.userId})`],
    ])}
    ${decisionForm('pay', { session }, [
      { value: 'confirm', label: 'Confirm', primary: true },
      { value: 'cancel', label: 'Cancel' },
    ])}`,
  });
}

/** POST oauth2/authorize/pay: Confirm moves the money and calls the merchant back; Cancel returns. */
export async function payDecision(
  req: SimRequest,
  ctx: SimContext,
  st: FomoState,
): Promise<SimResponse> {
  const form = parseFields(String(req.headers['content-type'] ?? ''), req.body) ?? {};
  const o = st.takeSession(form.session ?? '', 'pay', ctx.now()) as PayOrder | undefined;
  if (!o) return errorPage(BRAND, 400, 'This payment page has expired or was already used.');
  // The appendix has no "cancelled" code; 54 (没有操作权限) is the nearest (sandbox/README.md).
  if (form.decision !== 'confirm')
    return redirect(o.target, orderParams(o, FOMO_STATUS.noPermission));
  const stale = recheck(o, ctx, st);
  if (stale) return stale;

  const userWallet = st.wallets.get(o.userId);
  const merchantWallet = st.merchantWallets.get(o.clientId);
  if (!userWallet || !merchantWallet)
    return redirect(o.target, orderParams(o, FOMO_STATUS.internal));
  const [from, to] =
    o.direction === 1 ? [userWallet, merchantWallet] : [merchantWallet, userWallet];
  from.set(o.coinId, (from.get(o.coinId) ?? 0n) - o.units);
  to.set(o.coinId, (to.get(o.coinId) ?? 0n) + o.units);
  let trades = st.tradeIds.get(o.clientId);
  if (!trades) st.tradeIds.set(o.clientId, (trades = new Set()));
  trades.add(o.tradeId);

  const transfer: Transfer = {
    transferId: st.newTransferId(),
    clientId: o.clientId,
    userId: o.userId,
    tradeId: o.tradeId,
    coinId: o.coinId,
    amount: o.amount,
    // The demo charges no fee; the field is still sent, as the seed lists it.
    cutAmount: '0',
    direction: o.direction,
    serverUri: o.serverUri,
    at: ctx.now(),
    callbacks: [],
    callbackDone: false,
  };
  st.transfers.push(transfer);
  const httpcode = await startCallbacks(transfer, ctx);
  return redirect(o.target, {
    ...orderParams(o, FOMO_STATUS.ok),
    httpcode: String(httpcode),
    transfer_id: transfer.transferId,
  });
}
