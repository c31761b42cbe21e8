/**
 * Checks on the caller's input before anything is sent (docs/providers/grandchain.md, Revisions:
 * parameter formats), so a typo is an `invalid_input` naming the field instead of a 401/403 from
 * the server. Messages never include the value (it may be a password or a token).
 */
import { errors } from '../../core/errors';

function bad(endpoint: string, en: string, zh: string) {
  return errors.invalid_input({ en, zh }, { platform: 'grandchain', endpoint });
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,189}$/;

export function checkEmail(endpoint: string, email: string, field = 'email'): string {
  const e = typeof email === 'string' ? email.trim() : '';
  if (!EMAIL.test(e))
    throw bad(endpoint, `${field} is not an email address`, `${field} 不是有效的邮箱`);
  return e;
}

export function checkPassword(endpoint: string, password: string): string {
  if (typeof password !== 'string' || password.length === 0 || password.length > 256) {
    throw bad(endpoint, 'A password is required', '请输入密码');
  }
  return password;
}

export function checkText(endpoint: string, field: string, value: string, max = 256): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > max) {
    throw bad(
      endpoint,
      `${field} is required (at most ${max} characters)`,
      `缺少 ${field}（最多 ${max} 个字符）`,
    );
  }
  return value;
}

/** verify_code is a string of digits (docs/providers/grandchain.md, Revisions). */
export function checkVerifyCode(endpoint: string, code: string): string {
  const c = typeof code === 'string' ? code.trim() : '';
  if (!/^\d{1,12}$/.test(c))
    throw bad(endpoint, 'The verification code is digits only', '验证码只能是数字');
  return c;
}

export function checkId(endpoint: string, field: string, id: string | number): string | number {
  if (typeof id === 'number') {
    if (!Number.isSafeInteger(id) || id < 0)
      throw bad(endpoint, `${field} is not an id`, `${field} 不是有效的 id`);
    return id;
  }
  return checkText(endpoint, field, id);
}

/** trade_value: whole fen from a BigInt, sent as a digit string. */
export function fenText(endpoint: string, fen: bigint): string {
  if (typeof fen !== 'bigint' || fen <= 0n) {
    throw bad(
      endpoint,
      'The amount must be a positive whole number of fen',
      '金额必须是正整数（单位：分）',
    );
  }
  // Beyond 10^15 fen is not a payment, it is a typo (and past what the server's ints hold).
  if (fen >= 10n ** 15n) throw bad(endpoint, 'The amount is too large', '金额过大');
  return fen.toString();
}
