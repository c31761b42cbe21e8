/**
 * HiCoin's error codes and reply shapes.
 *
 * Seed 004 lists no error codes. HiCoin's OAuth is WeChat's web OAuth almost word for word
 * (snsapi_base / snsapi_userinfo, openid, "此接口无需公共参数"), so the simulator answers with
 * WeChat's codes for the same failures (sandbox/README.md). Replies come in two styles, chosen by
 * the seed option `hicoinReplyStyle` (docs/providers/hicoin.md, Replies and errors: the extension
 * must accept both):
 * - bare: the fields of the seed's 响应参数 table; an error is `{ code, msg }`;
 * - wrapped: `{ code, msg, data }`, code 0 on success, `data` null on error.
 */
import type { SimResponse } from '../../types';

export const HC = {
  ok: 0,
  invalidCredential: 40001,
  invalidGrantType: 40002,
  invalidOpenid: 40003,
  invalidAppId: 40013,
  invalidCode: 40029,
  invalidRefreshToken: 40030,
  invalidArgs: 40097,
  invalidSecret: 40125,
  codeUsed: 40163,
  missingAccessToken: 41001,
  missingAppId: 41002,
  missingSecret: 41004,
  missingCode: 41008,
  missingOpenid: 41009,
  missingRefreshToken: 41003,
  accessTokenExpired: 42001,
  refreshTokenExpired: 42002,
  apiUnauthorized: 48001,
  redirectUriMismatch: 10003,
  scopeUnauthorized: 10005,
} as const;

const MESSAGES: Record<number, string> = {
  0: 'success',
  40001: 'invalid credential, access_token is invalid',
  40002: 'invalid grant_type',
  40003: 'invalid openid',
  40013: 'invalid app_id',
  40029: 'invalid code',
  40030: 'invalid refresh_token',
  40097: 'invalid args',
  40125: 'invalid secret',
  40163: 'code been used',
  41001: 'access_token missing',
  41002: 'app_id missing',
  41003: 'refresh_token missing',
  41004: 'secret missing',
  41008: 'missing code',
  41009: 'missing openid',
  42001: 'access_token expired',
  42002: 'refresh_token expired',
  48001: 'api unauthorized',
  10003: 'redirect_uri mismatch',
  10005: 'scope unauthorized',
};

export type ReplyStyle = 'bare' | 'wrapped';

export function hcMessage(code: number): string {
  return MESSAGES[code] ?? 'system error';
}

/** Always HTTP 200, as WeChat-style APIs answer; the outcome is in `code`. */
export function hcReply(
  style: ReplyStyle,
  code: number,
  data?: Record<string, unknown>,
): SimResponse {
  const msg = hcMessage(code);
  const headers = { 'cache-control': 'no-store' };
  if (style === 'wrapped')
    return { status: 200, headers, body: { code, msg, data: code === HC.ok ? data : null } };
  return { status: 200, headers, body: code === HC.ok ? data : { code, msg } };
}
