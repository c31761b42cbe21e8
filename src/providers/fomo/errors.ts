/** FOMO status codes → typed errors (appendix 一). */
import { errors, type CoinDockError } from '../../core/errors';
import { FOMO_API_CODE_OVERRIDES, FOMO_ERROR_CODES } from './error-table';

export interface FomoWhere {
  endpoint: string;
  status?: number;
}

/** `context` picks the meaning of 201, the one code the appendix lists twice. */
export function fomoCodeError(
  code: string,
  where: FomoWhere,
  context: 'api' | 'pay' = 'api',
  said?: string,
): CoinDockError {
  const details = { platform: 'fomo' as const, platformCode: code, ...where };
  const entry =
    (context === 'api' ? FOMO_API_CODE_OVERRIDES[code] : undefined) ?? FOMO_ERROR_CODES[code];
  if (entry) return errors[entry.kind]({ en: entry.en, zh: entry.zh }, details);
  const text = said?.trim().slice(0, 200);
  return errors.platform(
    {
      en: `FOMO error ${code}${text ? `: ${text}` : ''}`,
      zh: `FOMO 错误 ${code}${text ? `：${text}` : ''}`,
    },
    details,
  );
}

/** Standard OAuth 2.0 error replies (RFC 6749 §5.2), which an OAuth server may send instead. */
export function fomoOAuthError(error: string, where: FomoWhere): CoinDockError {
  const details = { platform: 'fomo' as const, platformCode: error, ...where };
  switch (error) {
    case 'invalid_grant':
      return errors.auth_expired(
        { en: 'The code or refresh token is no longer valid', zh: '授权码或 refresh_token 已失效' },
        details,
      );
    case 'invalid_client':
    case 'unauthorized_client':
    case 'access_denied':
      return errors.permission(undefined, details);
    case 'invalid_request':
    case 'invalid_scope':
    case 'unsupported_grant_type':
      return errors.invalid_input(undefined, details);
    default:
      return errors.platform(
        { en: `FOMO OAuth error ${error}`, zh: `FOMO OAuth 错误 ${error}` },
        details,
      );
  }
}
