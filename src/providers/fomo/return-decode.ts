/**
 * FOMO's returns: the pay return (docs/providers/fomo.md) — `status` (1 = success, otherwise an
 * appendix code; in a pay return 201 = duplicate trade_id), `trade_id`, `amount`, `coin_id`,
 * `httpcode`, `transfer_id`, `state`, plus `access_token`, which is never kept — and the OAuth
 * authorize redirect (`code` and `state`, or an RFC 6749 `error`).
 *
 * Lean on purpose: the content script imports it, so nothing here reaches a client or signing.
 */
import type { Bilingual } from '../../core/errors';
import {
  decodeAmount,
  decodeOAuth,
  lookup,
  param,
  unknown,
  word,
  type DecodedAmount,
  type DecodedBase,
  type OAuthDecoded,
  type ReturnDecoder,
  type ReturnOutcome,
  type UnknownDecoded,
} from '../../core/return-decode';
import { FOMO_ERROR_CODES, FOMO_SUCCESS_STATUS, FOMO_SUCCESS_TEXT } from './error-table';

export interface FomoPayDecoded extends DecodedBase {
  kind: 'fomo_pay';
  platform: 'fomo';
  status?: string;
  trade_id?: string;
  amount?: DecodedAmount;
  coin_id?: string;
  /** The HTTP status the merchant's server_uri gave FOMO's callback (docs/providers/fomo.md, "Flows"). */
  httpcode?: string;
  transfer_id?: string;
  state?: string;
  /** Further facts worth telling, e.g. that the merchant's server did not take the callback. */
  notes: Bilingual[];
}

function fomoOutcome(status: string | undefined): ReturnOutcome {
  if (status === undefined) {
    return word('no_status', false, 'The return carries no status', '返回中没有状态码');
  }
  if (status === String(FOMO_SUCCESS_STATUS)) {
    return { code: status, fromUrl: true, ok: true, ...FOMO_SUCCESS_TEXT };
  }
  // The provider's table keeps 201 = duplicate trade_id, the meaning it has in a pay return.
  const entry = lookup(FOMO_ERROR_CODES, status);
  return entry
    ? { code: status, fromUrl: true, ok: false, en: entry.en, zh: entry.zh }
    : {
        code: status,
        fromUrl: true,
        ok: false,
        en: 'Unknown FOMO status',
        zh: '未知的 FOMO 状态码',
      };
}

/** The merchant callback (docs/providers/fomo.md, "Flows") is retried every 10 minutes until it answers 200. */
function callbackNotes(ok: boolean, httpcode: string | undefined): Bilingual[] {
  if (!ok || httpcode === undefined || httpcode === '200' || !/^\d{1,3}$/.test(httpcode)) return [];
  return [
    httpcode === '0'
      ? {
          en: 'FOMO could not reach the shop’s server; it retries every 10 minutes',
          zh: 'FOMO 无法连接商户服务器，将每 10 分钟重试',
        }
      : {
          en: `The shop’s server answered FOMO with HTTP ${httpcode}; FOMO retries every 10 minutes`,
          zh: `商户服务器向 FOMO 返回了 HTTP ${httpcode}，FOMO 将每 10 分钟重试`,
        },
  ];
}

function decodeFomoPay(q: URLSearchParams): FomoPayDecoded {
  const status = param(q, 'status');
  const outcome = fomoOutcome(status);
  const httpcode = param(q, 'httpcode');
  const out: FomoPayDecoded = {
    kind: 'fomo_pay',
    platform: 'fomo',
    outcome,
    notes: callbackNotes(outcome.ok, httpcode),
  };
  if (status !== undefined) out.status = status;
  const amount = decodeAmount(q.get('amount'));
  if (amount) out.amount = amount;
  if (httpcode !== undefined) out.httpcode = httpcode;
  for (const name of ['trade_id', 'coin_id', 'transfer_id', 'state'] as const) {
    const v = param(q, name);
    if (v !== undefined) out[name] = v;
  }
  return out;
}

const has = (q: URLSearchParams, ...names: string[]) => names.some((n) => q.has(n));

export const fomoReturnDecoder: ReturnDecoder<FomoPayDecoded | OAuthDecoded | UnknownDecoded> = {
  decode: (q) =>
    has(q, 'status', 'trade_id')
      ? decodeFomoPay(q)
      : has(q, 'code', 'error')
        ? decodeOAuth(q, 'fomo')
        : unknown('fomo'),
  // Only a FOMO pay return carries these.
  recognises: (q) => has(q, 'status', 'trade_id'),
};

export default fomoReturnDecoder;
