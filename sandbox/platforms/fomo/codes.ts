/**
 * FOMO's status codes (docs/providers/fomo.md, Replies and errors) that the simulator answers with,
 * and the JSON reply shape.
 *
 * The seed shows no JSON reply at all, only that every outcome is a `status` from the appendix
 * (1 = success). The simulator therefore answers `{ status, msg, data? }`: `status` the appendix
 * code, `msg` its appendix text, `data` the payload on success (sandbox/README.md).
 */
import type { SimResponse } from '../../types';

export const FOMO_STATUS = {
  /** 参数不足: a required parameter is missing or unusable. */
  missingParams: 0,
  ok: 1,
  /** 用户未登录: no token, or the token expired. */
  notLoggedIn: 2,
  /** session错误或用户不存在: an unknown token, or a user that does not match it. */
  badSession: 3,
  internal: 5,
  /** 签名错误: pay sign mismatch; also a wrong client_secret (the app's own proof). */
  badSign: 7,
  /** 签名过期: the pay timestamp is more than 10 minutes from FOMO's clock. */
  signExpired: 8,
  /** 不存在的币 */
  unknownCoin: 23,
  /** 余额不足 */
  insufficientBalance: 24,
  /** 没有操作权限: a token without the needed scope; also a payment the user cancelled. */
  noPermission: 54,
  /** price格式错误: the closest appendix entry to a malformed amount. */
  badAmount: 55,
  /** coin_id格式错误 */
  badCoinId: 56,
  /** client_id不存在 */
  unknownClient: 82,
  /** 临时验证令牌错误: an authorization code that is unknown, used or expired. */
  badCode: 201,
  /** 接入方交易ID trade_id重复 (the appendix's second 201; docs/providers/fomo.md, Replies and errors). */
  duplicateTrade: 201,
} as const;

const MESSAGES: Record<number, string> = {
  0: '参数不足',
  1: '成功',
  2: '用户未登录',
  3: 'session错误或用户不存在',
  5: '内部错误',
  7: '签名错误',
  8: '签名过期',
  23: '不存在的币',
  24: '余额不足',
  54: '没有操作权限',
  55: 'price格式错误',
  56: 'coin_id格式错误',
  82: 'client_id不存在',
  201: '临时验证令牌错误',
};

export function fomoMessage(status: number): string {
  return MESSAGES[status] ?? '内部错误';
}

/** A JSON reply. Token problems are also HTTP 401 (RFC 6750 §3.1); everything else is HTTP 200. */
export function fomoReply(status: number, data?: unknown, msg?: string): SimResponse {
  const auth = status === FOMO_STATUS.notLoggedIn || status === FOMO_STATUS.badSession;
  const body: Record<string, unknown> = { status, msg: msg ?? fomoMessage(status) };
  if (data !== undefined) body.data = data;
  return {
    status: auth ? 401 : 200,
    headers: auth
      ? { 'www-authenticate': 'Bearer error="invalid_token"', 'cache-control': 'no-store' }
      : { 'cache-control': 'no-store' },
    body,
  };
}
