/**
 * The page the browser lands on after the pay page (docs/providers/fomo.md, "Pay page"): status
 * (1 = success, otherwise an appendix code), trade_id, amount, coin_id, user_id, access_token,
 * client_id, redirect_uri, state, httpcode and transfer_id. The access_token in that URL is
 * dropped here: nothing downstream may carry it.
 *
 * Nothing in that URL is signed, and FOMO has no order query: a return is a claim, checked
 * against the saved transfer (`fomoPayMismatches`) and worded as unconfirmed even when it agrees.
 */
import { errors, type Bilingual, type CoinDockError } from '../../core/errors';
import { isDecimal, normalizeDecimal } from '../../core/money';
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
          // In a pay return 201 means duplicate trade_id (docs/providers/fomo.md, Replies and
          // errors), as the table says.
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

/** The fields of a return compared with the saved transfer. */
export const FOMO_RETURN_CHECKED = ['amount', 'coin_id', 'user_id'] as const;
export type FomoReturnField = (typeof FOMO_RETURN_CHECKED)[number];

/** What the saved transfer asked FOMO for. */
export interface FomoPayExpected {
  amount: string;
  coinId: string;
  userId: string;
}

/**
 * The fields in which the return disagrees with the saved transfer, in FOMO_RETURN_CHECKED
 * order (empty: it agrees). Amounts are compared as numbers ("100" = "100.00"). A field the
 * return leaves out disagrees on a success (FOMO sends all three then); on a failure only the
 * fields present are compared.
 */
export function fomoPayMismatches(r: FomoPayReturn, e: FomoPayExpected): FomoReturnField[] {
  const same = (got: string, want: string, numeric: boolean) =>
    numeric && isDecimal(got) && isDecimal(want)
      ? normalizeDecimal(got) === normalizeDecimal(want)
      : got === want;
  const expected: Record<FomoReturnField, string> = {
    amount: e.amount,
    coin_id: e.coinId,
    user_id: e.userId,
  };
  return FOMO_RETURN_CHECKED.filter((f) => {
    const got = r[f];
    if (got === '') return r.ok;
    return !same(got, expected[f], f === 'amount');
  });
}

const FIELD_WORDS: Record<FomoReturnField, Bilingual> = {
  amount: { en: 'amount', zh: '金额' },
  coin_id: { en: 'coin', zh: '币种' },
  user_id: { en: 'FOMO user', zh: 'FOMO 用户' },
};

/** Words for a return that does not match its transfer: what differs and what to do. */
export function fomoMismatchMessage(fields: readonly FomoReturnField[]): Bilingual {
  const en = fields.map((f) => FIELD_WORDS[f].en).join(', ');
  const zh = fields.map((f) => FIELD_WORDS[f].zh).join('、');
  return {
    en: `FOMO’s return does not match this transfer (${en} differ); CoinDock did not count it as paid. Check your FOMO wallet before trying again.`,
    zh: `FOMO 的返回与此笔转账不符（${zh}不一致），CoinDock 未将其记为已支付。请先查看 FOMO 钱包再重试。`,
  };
}

/** Words for a return that says "paid": FOMO cannot be asked to confirm it. */
export const FOMO_RETURNED_PAID: Bilingual = {
  en: 'Returned as paid — not confirmed by FOMO (FOMO offers no way to look a payment up); your FOMO wallet shows whether it went through',
  zh: '返回显示已支付——未经 FOMO 确认（FOMO 不提供支付查询）；请在 FOMO 钱包中核实是否到账',
};

/** Words for a return CoinDock cannot read (no status, no trade_id, malformed). */
export const FOMO_RETURN_UNREADABLE: Bilingual = {
  en: 'FOMO’s return page could not be read (no valid status or trade id), so CoinDock cannot tell whether this was paid. Check your FOMO wallet before trying again.',
  zh: '无法读取 FOMO 的返回页（缺少有效的状态码或交易号），CoinDock 无法判断是否已支付。请先查看 FOMO 钱包再重试。',
};
