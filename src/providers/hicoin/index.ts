export { hicoinDescription, HICOIN_ENDPOINTS, type HicoinScope } from './description';
export { checkHicoinState, isValidHicoinState, newHicoinState, HICOIN_STATE_MAX } from './state';
export {
  buildHicoinAuthorizeUrl,
  buildHicoinRefreshRequest,
  buildHicoinTokenRequest,
  processHicoinTokenResponse,
  type HicoinAppCredentials,
  type HicoinAuthorizeParams,
  type HicoinTokens,
} from './oauth';
export {
  buildHicoinUserInfoRequest,
  processHicoinUserInfoResponse,
  type HicoinUserInfo,
} from './user-info';
export { hicoinCodeError, processHicoinReply } from './reply';
export { parseHicoinAuthorizeReturn, type HicoinAuthorizeReturn } from './return';
export { createHicoinClient, type HicoinClient } from './client';
