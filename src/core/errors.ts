/**
 * One typed error hierarchy for the whole extension and all five platforms.
 *
 * Identity is the stable `code`, never `instanceof`: errors cross the message boundary between
 * contexts as plain JSON (see `toJSON` / `errorFromJSON`) and are rebuilt on the other side.
 * Every error carries a message for people in English and Chinese. Secrets never go into an error:
 * callers pass only names, codes and short descriptions (see `redact` for URLs).
 */

import { isSecretParam } from './secret-params';
import type { Platform } from './platform';

export const ERROR_CODES = [
  /** The access token / session is no longer accepted: refresh or reconnect. */
  'auth_expired',
  /** The platform refused: the app or user lacks the right (BiYong 100101/100102, FOMO scope…). */
  'permission',
  /** A signature was rejected by the platform, or a response signature failed verification. */
  'signature',
  /** Our clock and the platform's disagree too much (BiYong 100400, FOMO 8). */
  'timestamp_skew',
  'insufficient_funds',
  /** The same order / trade id / user was submitted twice (FOMO pay 201, Grand Chain 5xx…). */
  'duplicate',
  'not_found',
  'rate_limited',
  /** The request never got an HTTP answer (DNS, refused, reset, offline). */
  'network',
  /** No complete answer within the time limit. */
  'timeout',
  /** An answer came but is not what the platform documents: wrong shape, HTML, truncated, huge. */
  'bad_response',
  /** The platform answered with a documented error that fits none of the kinds above. */
  'platform',
  /** Input from the user or caller was rejected before anything was sent. */
  'invalid_input',
  /** A required credential or setting is missing. */
  'not_configured',
  /** The vault is locked: a secret is needed. */
  'locked',
  /** A message or report came from a sender that may not make it. */
  'forbidden_sender',
  /** A secret or money would travel over plain HTTP to a host that is not this computer. */
  'insecure_transport',
  /** A bug or an impossible state inside CoinDock. */
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export interface Bilingual {
  en: string;
  zh: string;
}

export interface ErrorDetails {
  platform?: Platform | undefined;
  /** The endpoint path or step name, e.g. `/biyong-user/auth` or `oauth2/authorize/token`. */
  endpoint?: string | undefined;
  /** The platform's own code as it sent it, e.g. `100401`, `"000001"`, `7`. */
  platformCode?: string | undefined;
  /** HTTP status, where there was one. */
  status?: number | undefined;
  /** Suggested wait before retrying, in milliseconds (429 / Retry-After). */
  retryAfterMs?: number | undefined;
  cause?: unknown;
}

/** The JSON form that crosses `chrome.runtime` messaging. */
export interface SerializedError {
  readonly __coindockError: 1;
  code: ErrorCode;
  message: Bilingual;
  platform?: Platform | undefined;
  endpoint?: string | undefined;
  platformCode?: string | undefined;
  status?: number | undefined;
  retryAfterMs?: number | undefined;
}

const DEFAULT_MESSAGES: Record<ErrorCode, Bilingual> = {
  auth_expired: { en: 'Your sign-in has expired', zh: '登录已过期' },
  permission: { en: 'Permission denied', zh: '没有权限' },
  signature: { en: 'Signature check failed', zh: '签名校验失败' },
  timestamp_skew: {
    en: 'Your clock and the platform’s disagree',
    zh: '本机时间与平台时间相差过大',
  },
  insufficient_funds: { en: 'Insufficient funds', zh: '余额不足' },
  duplicate: { en: 'Already submitted', zh: '重复提交' },
  not_found: { en: 'Not found', zh: '未找到' },
  rate_limited: { en: 'Too many requests; try again shortly', zh: '请求过于频繁，请稍后再试' },
  network: { en: 'Could not reach the platform', zh: '无法连接到平台' },
  timeout: { en: 'The platform did not answer in time', zh: '平台响应超时' },
  bad_response: {
    en: 'The platform sent an answer we cannot read',
    zh: '平台返回了无法识别的数据',
  },
  platform: { en: 'The platform reported an error', zh: '平台返回错误' },
  invalid_input: { en: 'Invalid input', zh: '输入无效' },
  not_configured: { en: 'Not set up yet', zh: '尚未配置' },
  locked: { en: 'The vault is locked', zh: '保险库已锁定' },
  forbidden_sender: { en: 'Request refused', zh: '请求被拒绝' },
  insecure_transport: {
    en: 'This address is not encrypted (http:); use an https: address',
    zh: '此地址未加密（http:），请使用 https: 地址',
  },
  internal: { en: 'Something went wrong inside CoinDock', zh: 'CoinDock 内部错误' },
};

export class CoinDockError extends Error {
  readonly code: ErrorCode;
  readonly messages: Bilingual;
  readonly platform: Platform | undefined;
  readonly endpoint: string | undefined;
  readonly platformCode: string | undefined;
  readonly status: number | undefined;
  readonly retryAfterMs: number | undefined;

  constructor(code: ErrorCode, message?: Partial<Bilingual> | string, details: ErrorDetails = {}) {
    const base = DEFAULT_MESSAGES[code];
    const messages: Bilingual =
      typeof message === 'string'
        ? { en: message, zh: message }
        : { en: message?.en ?? base.en, zh: message?.zh ?? base.zh };
    super(describe(code, messages.en, details), details.cause ? { cause: details.cause } : {});
    this.name = 'CoinDockError';
    this.code = code;
    this.messages = messages;
    this.platform = details.platform;
    this.endpoint = details.endpoint;
    this.platformCode = details.platformCode;
    this.status = details.status;
    this.retryAfterMs = details.retryAfterMs;
  }

  /** The message for people in the given language. */
  text(lang: 'en' | 'zh'): string {
    return this.messages[lang];
  }

  toJSON(): SerializedError {
    return {
      __coindockError: 1,
      code: this.code,
      message: this.messages,
      platform: this.platform,
      endpoint: this.endpoint,
      platformCode: this.platformCode,
      status: this.status,
      retryAfterMs: this.retryAfterMs,
    };
  }
}

function describe(code: ErrorCode, en: string, d: ErrorDetails): string {
  const where = [d.platform, d.endpoint].filter(Boolean).join(' ');
  const pc = d.platformCode !== undefined ? ` [${d.platformCode}]` : '';
  const st = d.status !== undefined ? ` (HTTP ${d.status})` : '';
  return `${code}${where ? ` at ${where}` : ''}${pc}${st}: ${en}`;
}

/** Factories, one per kind, so call sites read as what happened. */
export const errors = Object.fromEntries(
  ERROR_CODES.map((code) => [
    code,
    (message?: Partial<Bilingual> | string, details?: ErrorDetails) =>
      new CoinDockError(code, message, details),
  ]),
) as {
  [K in ErrorCode]: (
    message?: Partial<Bilingual> | string,
    details?: ErrorDetails,
  ) => CoinDockError;
};

export function isCoinDockError(e: unknown): e is CoinDockError {
  return e instanceof CoinDockError;
}

export function hasCode(e: unknown, code: ErrorCode): boolean {
  return typeof e === 'object' && e !== null && 'code' in e && e.code === code;
}

export function isSerializedError(v: unknown): v is SerializedError {
  return (
    typeof v === 'object' &&
    v !== null &&
    (v as { __coindockError?: unknown }).__coindockError === 1 &&
    typeof (v as { code?: unknown }).code === 'string' &&
    (ERROR_CODES as readonly string[]).includes((v as { code: string }).code)
  );
}

export function errorFromJSON(s: SerializedError): CoinDockError {
  return new CoinDockError(s.code, s.message, {
    platform: s.platform,
    endpoint: s.endpoint,
    platformCode: s.platformCode,
    status: s.status,
    retryAfterMs: s.retryAfterMs,
  });
}

/** Anything thrown, as a CoinDockError; unknown errors become `internal` without leaking text. */
export function toCoinDockError(e: unknown, details: ErrorDetails = {}): CoinDockError {
  if (e instanceof CoinDockError) return e;
  if (isSerializedError(e)) return errorFromJSON(e);
  return new CoinDockError('internal', undefined, { ...details, cause: e });
}

/** A URL safe to show or log: values of the secret parameters (secret-params.ts) become `***`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    for (const key of [...u.searchParams.keys()]) {
      if (isSecretParam(key)) u.searchParams.set(key, '***');
    }
    u.hash = '';
    return u.toString();
  } catch {
    return '(invalid URL)';
  }
}
