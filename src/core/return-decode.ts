/**
 * The platform-neutral part of reading a return / redirect URL for the in-page banner: the
 * outcome shape, safe echoing of URL parameters, RFC 6749 authorize redirects, and the
 * decoder contract each platform's own decoder follows (src/providers/<platform>/return-decode.ts;
 * the table and the total `decodeReturn` are in src/providers/returns.ts).
 *
 * Secrets (access tokens, codes, biytokens) are never part of the output: only whether one was
 * present. Public values are echoed exactly as the URL carries them (at most MAX_ECHO characters)
 * and are data, never markup: whoever shows them must use text, not HTML. Amounts stay strings.
 */
import { type Bilingual } from './errors';
import type { Platform } from './platform';
import { isDecimal } from './money';

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

export interface DecodedBase {
  /** The platform given, or the one the parameters imply (a pay return is FOMO's). */
  platform?: Platform;
  outcome: ReturnOutcome;
}

export interface OAuthDecoded extends DecodedBase {
  kind: 'oauth';
  state?: string;
  codePresent: boolean;
  error?: string;
}

export interface UnknownDecoded extends DecodedBase {
  kind: 'unknown';
}

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

/**
 * One platform's return decoder. `decode` reads a return the background recognised as this
 * platform's; `recognises` says whether the parameters alone make a return this platform's when
 * no platform is known (only parameters no other platform sends).
 */
export interface ReturnDecoder<D extends DecodedBase = DecodedBase> {
  decode(q: URLSearchParams): D;
  recognises?(q: URLSearchParams): boolean;
}

export function word(code: string, ok: boolean, en: string, zh: string): ReturnOutcome {
  return { code, fromUrl: false, ok, en, zh };
}

export const AUTHORISED = word(
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
export function param(q: URLSearchParams, name: string): string | undefined {
  const v = q.get(name);
  return v === null || v === '' ? undefined : clip(v);
}

export function present(q: URLSearchParams, name: string): boolean {
  return q.getAll(name).some((v) => v !== '');
}

export function lookup<T>(table: Readonly<Record<string, T>>, key: string): T | undefined {
  // Own properties only: "constructor" or "__proto__" in a URL must not find Object's members.
  return Object.hasOwn(table, key) ? table[key] : undefined;
}

export function decodeAmount(raw: string | null): DecodedAmount | undefined {
  if (raw === null || raw === '') return undefined;
  return raw.length <= MAX_AMOUNT && isDecimal(raw)
    ? { valid: true, value: raw }
    : { valid: false };
}

export function refusal(error: string, en: string, zh: string): ReturnOutcome {
  const known = lookup(OAUTH_RETURN_ERRORS, error);
  return { code: error, fromUrl: true, ok: false, ...(known ?? { en, zh }) };
}

export function decodeOAuth(q: URLSearchParams, platform: Platform | undefined): OAuthDecoded {
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

const UNKNOWN = word('unknown', false, 'Not a return CoinDock can read', 'CoinDock 无法识别此返回');

export function unknown(platform: Platform | undefined, outcome = UNKNOWN): UnknownDecoded {
  return platform ? { kind: 'unknown', platform, outcome } : { kind: 'unknown', outcome };
}
