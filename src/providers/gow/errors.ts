/**
 * GOW error codes → typed errors. A code from the description's table gets its kind and
 * bilingual text; an unknown code is a `platform` error carrying GOW's own `description`
 * (which is server text, never one of our secrets).
 */
import { errors, type CoinDockError, type ErrorCode } from '../../core/errors';
import { gowDescription } from './description';

export interface GowWhere {
  endpoint: string;
  status?: number;
}

export function gowCodeError(
  code: string,
  description: string | null | undefined,
  where: GowWhere,
): CoinDockError {
  const details = { platform: 'gow' as const, platformCode: code, ...where };
  const entry = gowDescription.errorCodes[code];
  if (entry) return errors[entry.kind]({ en: entry.en, zh: entry.zh }, details);
  const said = description?.trim().slice(0, 200);
  return errors.platform(
    {
      en: said ? `GOW error ${code}: ${said}` : `GOW error ${code}`,
      zh: said ? `GOW 错误 ${code}：${said}` : `GOW 错误 ${code}`,
    },
    details,
  );
}

/** HTTP statuses the seed lists for every endpoint (响应状态), when no envelope explains them. */
const STATUS_KIND: Record<number, ErrorCode> = {
  400: 'invalid_input',
  401: 'signature',
  403: 'permission',
  404: 'not_found',
};

export function gowStatusError(where: Required<GowWhere>): CoinDockError {
  const kind = STATUS_KIND[where.status] ?? (where.status >= 500 ? 'platform' : 'bad_response');
  return errors[kind](
    {
      en: `GOW answered HTTP ${where.status}`,
      zh: `GOW 返回 HTTP ${where.status}`,
    },
    { platform: 'gow', ...where },
  );
}
