/**
 * Grand Chain's return codes (docs/providers/grandchain.md, Errors). 0 is success; login's 201
 * ("already logged in", same reply) is success too. 401/402/403/500 mean the same everywhere;
 * 501–505 mean something different per endpoint, so they are keyed `<endpoint>#<code>`.
 * Entries marked "deployed" are codes the deployed revision adds (its 505 face check, and the
 * three endpoints that exist only there); the seed's own entries are all here.
 */
import type { PlatformErrorEntry } from '../types';
import type { GrandchainEndpoint } from './revisions';

export const OK_CODES: Partial<Record<GrandchainEndpoint, readonly number[]>> = { login: [0, 201] };

export const COMMON_CODES: Record<string, PlatformErrorEntry> = {
  '401': {
    kind: 'invalid_input',
    en: 'Grand Chain: a parameter has the wrong format',
    zh: '参数格式错误',
  },
  // Too few or too many keys: our body does not match the server's revision (extra keys → 402 on
  // the deployed server), which the user cannot fix by retyping, hence `platform`.
  '402': {
    kind: 'platform',
    en: 'Grand Chain: parameters missing or too many (API revision mismatch?)',
    zh: '参数个数缺失或过多（接口版本不符？）',
  },
  '403': {
    kind: 'invalid_input',
    en: 'Grand Chain: a parameter has the wrong type',
    zh: '参数类型错误',
  },
  '500': { kind: 'platform', en: 'Grand Chain server error', zh: '服务器错误（后台有bug）' },
};

const e = (kind: PlatformErrorEntry['kind'], en: string, zh: string): PlatformErrorEntry => ({
  kind,
  en,
  zh,
});

// 503 "email and user_id do not match" and 504 "session_token wrong" both mean the stored session
// no longer identifies the user: signing in again fixes them, hence auth_expired.
const MISMATCH = e(
  'auth_expired',
  'Email and user id do not match: sign in again',
  'email, user_id 不匹配',
);
const BAD_SESSION = e(
  'auth_expired',
  'Your Grand Chain session is no longer valid',
  '身份验证不通过(session_token有误)',
);
const NO_USER = e('not_found', 'No such Grand Chain user', '用户不存在');
const FACE = e(
  'permission',
  'Face verification failed (face_token)',
  '生物信息验证失败 (face_token 有误)',
);

export const ENDPOINT_CODES: Record<GrandchainEndpoint, Record<string, PlatformErrorEntry>> = {
  'register/try': {
    '501': e(
      'duplicate',
      'This email has already been submitted for registration',
      '重复提交（之前已经提交过）',
    ),
    '502': e('platform', 'The verification email could not be sent', '验证码邮件发送失败'),
  },
  'register/verify': {
    '501': e('not_found', 'No registration is waiting for this email', '待验证用户不存在'),
    '502': e('invalid_input', 'Wrong verification code', '验证失败(验证码错误)'),
  },
  'register/send': {
    '501': e('not_found', 'No registration is waiting for this email', '待验证用户不存在'),
    '502': e(
      'platform',
      'The email could not be sent; the previous code still holds',
      '邮件发送失败（验证码仍维持原有）',
    ),
  },
  'register/face/insert': {
    '501': e('not_found', 'No registration is waiting for this user', '待验证用户不存在'),
    '502': e(
      'duplicate',
      'A face_token is already stored and cannot be replaced',
      'face_token 已经存在（不可覆盖）',
    ),
    '503': MISMATCH,
    '504': BAD_SESSION,
  },
  login: {
    '501': NO_USER,
    '502': e('invalid_input', 'Wrong email or password', '用户名或密码错误'),
  },
  logout: {
    '501': NO_USER,
    '502': e('invalid_input', 'Wrong email or password', '用户名或密码错误'),
    '503': MISMATCH,
    '504': BAD_SESSION,
  },
  'user/inquire': { '501': NO_USER, '503': MISMATCH, '504': BAD_SESSION },
  'user/add/friend': {
    '501': NO_USER,
    // deployed: the request was already sent
    '502': e('duplicate', 'A friend request was already sent', '好友请求已经发送'),
    '503': MISMATCH,
    '504': BAD_SESSION,
  },
  'user/confirm/friend': {
    '501': e('not_found', 'No such friend request', '好友请求不存在'),
    // deployed: the friend order does not exist
    '502': e('not_found', 'No such friend request', '好友请求不存在'),
    '503': MISMATCH,
    '504': BAD_SESSION,
  },
  'trade/transfer': {
    '501': e('not_found', 'The receiver does not exist', '收款方不存在'),
    '502': e('insufficient_funds', 'Insufficient balance', '余额不足'),
    '503': MISMATCH,
    '504': BAD_SESSION,
    '505': FACE, // deployed
  },
  'trade/receive': {
    '501': e('not_found', 'No such order', '订单不存在'),
    '502': e('insufficient_funds', 'Insufficient balance', '余额不足'),
    '503': MISMATCH,
    '504': BAD_SESSION,
    '505': FACE, // deployed
  },
  'trade/inquire': { '501': NO_USER, '503': MISMATCH, '504': BAD_SESSION },
  // deployed only
  'user/charge': {
    '501': e(
      'not_found',
      'No such user, or no face_token registered yet',
      '用户不存在或尚未录入人脸信息',
    ),
    '503': MISMATCH,
    '504': BAD_SESSION,
  },
  'user/get/facetoken': { '501': NO_USER, '503': MISMATCH, '504': BAD_SESSION },
  'trade/unread': { '501': NO_USER, '503': MISMATCH, '504': BAD_SESSION },
};

/** The flat table of the description: common codes, then `<endpoint>#<code>` entries. */
export function flatErrorTable(): Record<string, PlatformErrorEntry> {
  const out: Record<string, PlatformErrorEntry> = { ...COMMON_CODES };
  for (const [endpoint, codes] of Object.entries(ENDPOINT_CODES)) {
    for (const [code, entry] of Object.entries(codes)) out[`${endpoint}#${code}`] = entry;
  }
  return out;
}

/** The entry for a code returned by an endpoint, or undefined for an undocumented code. */
export function errorEntry(
  endpoint: GrandchainEndpoint,
  code: number,
): PlatformErrorEntry | undefined {
  const key = String(code);
  return ENDPOINT_CODES[endpoint][key] ?? COMMON_CODES[key];
}
