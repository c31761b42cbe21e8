export { fomoDescription, FOMO_ENDPOINTS } from './description';
export {
  FOMO_API_CODE_OVERRIDES,
  FOMO_ERROR_CODES,
  FOMO_SUCCESS_STATUS,
  FOMO_SUCCESS_TEXT,
} from './error-table';
export { fomoCodeError } from './errors';
export {
  buildFomoAuthorizeUrl,
  buildFomoRefreshRequest,
  buildFomoTokenRequest,
  processFomoTokenResponse,
  FOMO_DEFAULT_SCOPES,
  type FomoAppCredentials,
  type FomoAuthorizeParams,
  type FomoCodeExchange,
  type FomoScope,
  type FomoTokens,
} from './oauth';
export {
  buildFomoUserInfoRequest,
  processFomoUserInfoResponse,
  type FomoUserInfo,
} from './user-info';
export { buildFomoPayUrl, fomoPaySign, type FomoDirection, type FomoPayParams } from './pay';
export { fomoPayReturnError, parseFomoPayReturn, type FomoPayReturn } from './pay-return';
export { createFomoClient, type FomoClient } from './client';
