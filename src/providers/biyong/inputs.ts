/**
 * Checks on what the caller asks for, before anything is signed or sent (docs/providers/biyong.md,
 * Endpoints): a bad page size or token is our caller's mistake and should not cost a round trip or
 * show as BiYong's.
 */
import { errors } from '../../core/errors';
import { BIYONG_MAX_PAGE_SIZE } from './description';
import type { BiyongParams } from './requests';

export interface PageQuery {
  /** From 0 (docs/providers/biyong.md, Endpoints). */
  pageNo: number;
  /** 1 … 1000. */
  pageSize: number;
}

export interface BalanceQuery extends PageQuery {
  openId: string;
  /** Epoch milliseconds, inclusive bounds as BiYong reads them. */
  startTime?: number;
  endTime?: number;
}

function bad(endpoint: string, en: string, zh: string) {
  return errors.invalid_input({ en, zh }, { platform: 'biyong', endpoint });
}

export function checkText(endpoint: string, name: string, value: string): string {
  if (typeof value !== 'string' || value.trim() === '' || value.length > 1024) {
    throw bad(endpoint, `${name} is required`, `缺少 ${name}`);
  }
  return value;
}

/** The merchant token of /biyong-user/update: 1–64 letters, digits or underscores. */
export const MERCHANT_TOKEN = /^[A-Za-z0-9_]{1,64}$/;

export function checkMerchantToken(endpoint: string, token: string): string {
  if (!MERCHANT_TOKEN.test(token)) {
    throw bad(
      endpoint,
      'The token must be 1–64 letters, digits or underscores',
      'token 必须为 1~64 位字母、数字、下划线的组合',
    );
  }
  return token;
}

export function pageParams(endpoint: string, q: PageQuery): BiyongParams {
  if (!Number.isSafeInteger(q.pageNo) || q.pageNo < 0) {
    throw bad(endpoint, 'pageNo must be an integer from 0', 'pageNo 必须是从 0 开始的整数');
  }
  if (!Number.isSafeInteger(q.pageSize) || q.pageSize < 1 || q.pageSize > BIYONG_MAX_PAGE_SIZE) {
    throw bad(
      endpoint,
      `pageSize must be 1–${BIYONG_MAX_PAGE_SIZE}`,
      `pageSize 必须在 1~${BIYONG_MAX_PAGE_SIZE} 之间`,
    );
  }
  // The seed sends numbers as strings ("pageNo":"0").
  return { pageNo: String(q.pageNo), pageSize: String(q.pageSize) };
}

export function balanceParams(endpoint: string, q: BalanceQuery): BiyongParams {
  const params: BiyongParams = { openId: checkText(endpoint, 'openId', q.openId) };
  Object.assign(params, pageParams(endpoint, q));
  for (const key of ['startTime', 'endTime'] as const) {
    const t = q[key];
    if (t === undefined) continue;
    if (!Number.isSafeInteger(t) || t < 0) {
      throw bad(endpoint, `${key} must be epoch milliseconds`, `${key} 必须是毫秒时间戳`);
    }
    params[key] = String(t);
  }
  if (q.startTime !== undefined && q.endTime !== undefined && q.startTime > q.endTime) {
    throw bad(endpoint, 'startTime is after endTime', 'startTime 晚于 endTime');
  }
  return params;
}
