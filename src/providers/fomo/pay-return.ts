/**
 * The page the browser lands on after the pay page (seed 000 §三.2/§三.3 "充值成功或失败跳转到接入方网址"
 * and 前端回调返回信息): status (1 = success, otherwise an appendix code), trade_id, amount,
 * coin_id, user_id, access_token, client_id, redirect_uri, state, httpcode and transfer_id.
 * The access_token in that URL is dropped here: nothing downstream may carry it.
 */
import { errors, type Bilingual, type CoinDockError } from '../../core/errors';
import { isDecimal } from '../../core/money';
import { FOMO_ENDPOINTS } from './description';
import { FOMO_ERROR_CODES, FOMO_SUCCESS_STATUS, FOMO_SUCCESS_TEXT } from './error-table';
import { fomoCodeError } from './errors';

export interface FomoPayReturn {
  /** The appendix code FOMO put in `status`. */
  status: number;
  ok: boolean;
  /** Empty when FOMO left the field out of a failed return. */
  trade_id: string;
  amount: string;
  coin_id: string;
  user_id: string;
  /** HTTP status the merchant's server_uri answered to FOMO's callback. */
  httpcode?: number;
  /** FOMO's transaction id, only on success. */
  transfer_id?: string;
  state: string;
  message: Bilingual;
}

const where = { platform: 'fomo' as const, endpoint: `${FOMO_ENDPOINTS.pay} (return)` };

function bad(en: string, zh: string): never {
  throw errors.bad_response({ en, zh }, where);
}

export function parseFomoPayReturn(url: string | URL): FomoPayReturn {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    bad('The pay return address is not a URL', '支付返回地址不是有效的 URL');
  }
  const q = u.searchParams;
  const rawStatus = q.get('status');
  if (rawStatus === null || !/^-?\d{1,9}$/.test(rawStatus)) {
    bad('The pay return has no valid status', '支付返回缺少有效的 status');
  }
  const status = Number(rawStatus);
  const ok = status === FOMO_SUCCESS_STATUS;
  const field = (name: string) => q.get(name) ?? '';
  const out: FomoPayReturn = {
    status,
    ok,
    trade_id: field('trade_id'),
    amount: field('amount'),
    coin_id: field('coin_id'),
    user_id: field('user_id'),
    state: field('state'),
    message: ok
      ? { ...FOMO_SUCCESS_TEXT }
      : (() => {
          // In a pay return 201 means duplicate trade_id (providers.md §1), as the table says.
          const e = FOMO_ERROR_CODES[String(status)];
          return e
            ? { en: e.en, zh: e.zh }
            : { en: `Unknown FOMO status ${status}`, zh: `未知的 FOMO 状态码 ${status}` };
        })(),
  };
  if (ok) {
    for (const name of ['trade_id', 'amount', 'coin_id', 'user_id'] as const) {
      if (!out[name]) bad(`The pay return lacks ${name}`, `支付返回缺少 ${name}`);
    }
  }
  if (out.amount && !isDecimal(out.amount))
    bad('The pay return amount is not a number', '支付返回的金额无效');
  const httpcode = q.get('httpcode');
  if (httpcode !== null && httpcode !== '') {
    if (!/^\d{3}$/.test(httpcode))
      bad('The pay return httpcode is not an HTTP status', '支付返回的 httpcode 无效');
    out.httpcode = Number(httpcode);
  }
  const transferId = q.get('transfer_id');
  if (transferId) out.transfer_id = transferId;
  return out;
}

/** The typed error a failed pay return stands for (undefined on success). */
export function fomoPayReturnError(r: FomoPayReturn): CoinDockError | undefined {
  return r.ok ? undefined : fomoCodeError(String(r.status), { endpoint: where.endpoint }, 'pay');
}
