/**
 * What a return / redirect URL says, in words, for the in-page banner: a pure and total decoder
 * (it never throws, whatever the input) of the pages the platforms send the browser back to:
 * - FOMO's pay return (docs/providers/fomo.md, Pay page and its return): `status` (1 = success,
 *   otherwise an appendix code; in a pay return 201 = duplicate trade_id), `trade_id`, `amount`,
 *   `coin_id`, `httpcode`, `transfer_id`, `state` — plus `access_token`, which is never kept;
 * - the OAuth redirects of FOMO (docs/providers/fomo.md, Flows) and HiCoin
 *   (docs/providers/hicoin.md, Flows): `code` and `state`, or an RFC 6749 §4.1.2.1 `error` (the
 * sandbox's Deny sends `error=access_denied`);
 * - BiYong's consent return (docs/providers/biyong.md, Flow): `biytoken`, or the sandbox's
 *   `biyerror`.
 *
 * Secrets (access tokens, codes, biytokens) are never part of the output: only whether one was
 * present. Public values are echoed exactly as the URL carries them (at most MAX_ECHO characters)
 * and are data, never markup: whoever shows them must use text, not HTML. Amounts stay strings.
 */
import { type Bilingual } from './errors';
import { PLATFORMS, type Platform } from './platform';
import { isDecimal } from './money';
import {
  FOMO_ERROR_CODES,
  FOMO_SUCCESS_STATUS,
  FOMO_SUCCESS_TEXT,
} from '../providers/fomo/error-table';

export type ReturnKind = 'fomo_pay' | 'oauth' | 'biyong' | 'unknown';

/** The outcome in words. `code` is shown beside the words ("7 — Signature error") when `fromUrl`. */
export interface ReturnOutcome extends Bilingual {
  /**
   * The platform's own code exactly as the URL carried it (FOMO `status`, OAuth `error`,
   * `biyerror`) when `fromUrl`; otherwise one of CoinDock's words: `authorised`, `no_status`,
   * `no_code`, `no_token`, `malformed_token`, `unknown`, `not_a_url`.
   */
  code: string;
  fromUrl: boolean;
  ok: boolean;
}

/** An amount exactly as in the URL when it is a plain decimal; otherwise only "invalid". */
export type DecodedAmount = { valid: true; value: string } | { valid: false };

interface DecodedBase {
  /** The platform given, or the one the parameters imply (a pay return is FOMO's). */
  platform?: Platform;
  outcome: ReturnOutcome;
}

export interface FomoPayDecoded extends DecodedBase {
  kind: 'fomo_pay';
  platform: 'fomo';
  status?: string;
  trade_id?: string;
  amount?: DecodedAmount;
  coin_id?: string;
  /**
   * The HTTP status the merchant's server_uri gave FOMO's callback (docs/providers/fomo.md, Pay
   * page and its return).
   */
  httpcode?: string;
  transfer_id?: string;
  state?: string;
  /** Further facts worth telling, e.g. that the merchant's server did not take the callback. */
  notes: Bilingual[];
}

export interface OAuthDecoded extends DecodedBase {
  kind: 'oauth';
  state?: string;
  codePresent: boolean;
  error?: string;
}

export interface BiyongDecoded extends DecodedBase {
  kind: 'biyong';
  platform: 'biyong';
  biytokenPresent: boolean;
  biyerror?: string;
  state?: string;
}

export interface UnknownDecoded extends DecodedBase {
  kind: 'unknown';
}

export type DecodedReturn = FomoPayDecoded | OAuthDecoded | BiyongDecoded | UnknownDecoded;

/** Longest echoed value; a longer one is cut and ends with "…". */
export const MAX_ECHO = 128;
/** Longer than any amount a platform sends; a longer "amount" is invalid, not parsed. */
const MAX_AMOUNT = 64;

/**
 * RFC 6749 §4.1.2.1 error codes, the vocabulary FOMO's and HiCoin's authorize redirects use (the
 * seeds name none; the sandbox's Deny sends access_denied) and BiYong's `biyerror` borrows.
 */
export const OAUTH_RETURN_ERRORS: Readonly<Record<string, Bilingual>> = {
  access_denied: { en: 'Access declined', zh: '已拒绝授权' },
  invalid_request: { en: 'The authorisation request was invalid', zh: '授权请求无效' },
  unauthorized_client: {
    en: 'This app may not request authorisation',
    zh: '该应用无权请求授权',
  },
  unsupported_response_type: {
    en: 'The platform does not support this response type',
    zh: '平台不支持该响应类型',
  },
  invalid_scope: { en: 'The requested scope is invalid', zh: '请求的权限范围无效' },
  server_error: { en: 'The platform had an internal error', zh: '平台内部错误' },
  temporarily_unavailable: {
    en: 'The platform is temporarily unavailable',
    zh: '平台暂时不可用',
  },
};

/** What parseBiyongReturn accepts (src/providers/biyong/consent.ts): printable ASCII, ≤ 1024. */
const BIYTOKEN = /^[\x21-\x7e]{1,1024}$/;

function word(code: string, ok: boolean, en: string, zh: string): ReturnOutcome {
  return { code, fromUrl: false, ok, en, zh };
}

const AUTHORISED = word(
  'authorised',
  true,
  'Authorised, finishing in CoinDock',
  '已授权，正在 CoinDock 中完成连接',
);

/** Cut to MAX_ECHO UTF-16 units without splitting a surrogate pair. */
function clip(s: string): string {
  if (s.length <= MAX_ECHO) return s;
  let end = MAX_ECHO;
  const last = s.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${s.slice(0, end)}…`;
}

/** A parameter's first value, clipped; undefined when absent or empty. */
function param(q: URLSearchParams, name: string): string | undefined {
  const v = q.get(name);
  return v === null || v === '' ? undefined : clip(v);
}

function present(q: URLSearchParams, name: string): boolean {
  return q.getAll(name).some((v) => v !== '');
}

function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  // Own properties only: "constructor" or "__proto__" in a URL must not find Object's members.
  return Object.hasOwn(table, key) ? table[key] : undefined;
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

function decodeAmount(raw: string | null): DecodedAmount | undefined {
  if (raw === null || raw === '') return undefined;
  return raw.length <= MAX_AMOUNT && isDecimal(raw)
    ? { valid: true, value: raw }
    : { valid: false };
}

/** Seed 000 §三: the merchant callback is retried every 10 minutes until it answers 200. */
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

function refusal(error: string, en: string, zh: string): ReturnOutcome {
  const known = lookup(OAUTH_RETURN_ERRORS, error);
  return { code: error, fromUrl: true, ok: false, ...(known ?? { en, zh }) };
}

function decodeOAuth(q: URLSearchParams, platform: Platform | undefined): OAuthDecoded {
  const error = param(q, 'error');
  const codePresent = present(q, 'code');
  // An error wins over a code: RFC 6749 §4.1.2.1 sends one or the other, never both.
  const outcome =
    error !== undefined
      ? refusal(error, 'Authorisation refused', '授权被拒绝')
      : codePresent
        ? AUTHORISED
        : word('no_code', false, 'No authorisation code was returned', '未返回授权码');
  const out: OAuthDecoded = { kind: 'oauth', outcome, codePresent };
  if (platform) out.platform = platform;
  if (error !== undefined) out.error = error;
  const state = param(q, 'state');
  if (state !== undefined) out.state = state;
  return out;
}

function decodeBiyong(q: URLSearchParams): BiyongDecoded {
  const biyerror = param(q, 'biyerror');
  const tokens = q.getAll('biytoken');
  const biytokenPresent = tokens.some((t) => t !== '');
  const wellFormed = tokens.length === 1 && BIYTOKEN.test(tokens[0] ?? '');
  const outcome =
    biyerror !== undefined
      ? refusal(biyerror, 'BiYong refused the authorisation', '币用拒绝了授权')
      : !biytokenPresent
        ? word('no_token', false, 'BiYong returned no authorisation token', '币用未返回授权令牌')
        : wellFormed
          ? AUTHORISED
          : word(
              'malformed_token',
              false,
              'The biytoken in the return is malformed',
              '返回中的 biytoken 格式不正确',
            );
  const out: BiyongDecoded = { kind: 'biyong', platform: 'biyong', outcome, biytokenPresent };
  if (biyerror !== undefined) out.biyerror = biyerror;
  const state = param(q, 'state');
  if (state !== undefined) out.state = state;
  return out;
}

const UNKNOWN = word('unknown', false, 'Not a return CoinDock can read', 'CoinDock 无法识别此返回');

function unknown(platform: Platform | undefined, outcome = UNKNOWN): UnknownDecoded {
  return platform ? { kind: 'unknown', platform, outcome } : { kind: 'unknown', outcome };
}

/** Which kind of return the parameters are, for the platform given (or any platform). */
function kindOf(q: URLSearchParams, platform: Platform | undefined): ReturnKind {
  const has = (...names: string[]) => names.some((n) => q.has(n));
  const pay = has('status', 'trade_id');
  const oauth = has('code', 'error');
  switch (platform) {
    case 'fomo':
      return pay ? 'fomo_pay' : oauth ? 'oauth' : 'unknown';
    // WeChat-style OAuth: a decline may come back with only `state` (docs/providers/hicoin.md,
    // Flows: Return).
    case 'hicoin':
      return has('code', 'error', 'state') ? 'oauth' : 'unknown';
    case 'biyong':
      return 'biyong';
    // GOW and Grand Chain send nobody back to a page: nothing to decode.
    case 'gow':
    case 'grandchain':
      return 'unknown';
    case undefined:
      if (pay) return 'fomo_pay';
      if (has('biytoken', 'biyerror')) return 'biyong';
      return oauth ? 'oauth' : 'unknown';
  }
}

function decode(url: string, platform: Platform | undefined): DecodedReturn {
  let q: URLSearchParams;
  try {
    // The fragment is never read: an implicit-grant token would sit there.
    q = new URL(url).searchParams;
  } catch {
    return unknown(platform, word('not_a_url', false, 'Not a valid address', '不是有效的地址'));
  }
  switch (kindOf(q, platform)) {
    case 'fomo_pay':
      return decodeFomoPay(q);
    case 'oauth':
      return decodeOAuth(q, platform);
    case 'biyong':
      return decodeBiyong(q);
    case 'unknown':
      return unknown(platform);
  }
}

/**
 * Decode a return URL. `platform` is the one the background recognised the page for; without it
 * the kind is inferred from the parameters. Never throws.
 */
export function decodeReturn(url: string, platform?: Platform): DecodedReturn {
  const p = platform !== undefined && isPlatform(platform) ? platform : undefined;
  try {
    return decode(typeof url === 'string' ? url : '', p);
  } catch {
    // Nothing above is expected to throw; this keeps the promise of totality regardless.
    return unknown(p);
  }
}

const PLATFORM_SET: ReadonlySet<string> = new Set(PLATFORMS);

function isPlatform(p: string): p is Platform {
  return PLATFORM_SET.has(p);
}
