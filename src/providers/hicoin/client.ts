/** The HiCoin client: authorize URL, code exchange, refresh and the profile, over one context. */
import { httpRequest } from '../../core/http';
import type { ProviderContext } from '../types';
import { HICOIN_ENDPOINTS } from './description';
import {
  buildHicoinAuthorizeUrl,
  buildHicoinRefreshRequest,
  buildHicoinTokenRequest,
  processHicoinTokenResponse,
  type HicoinAppCredentials,
  type HicoinAuthorizeParams,
  type HicoinTokens,
} from './oauth';
import {
  buildHicoinUserInfoRequest,
  processHicoinUserInfoResponse,
  type HicoinUserInfo,
} from './user-info';

export interface HicoinClient {
  authorizeUrl(p: Omit<HicoinAuthorizeParams, 'appId'>): string;
  exchangeCode(code: string, codeVerifier?: string): Promise<HicoinTokens>;
  refresh(refreshToken: string): Promise<HicoinTokens>;
  userInfo(accessToken: string, openid: string): Promise<HicoinUserInfo>;
}

export function createHicoinClient(
  ctx: ProviderContext,
  creds: HicoinAppCredentials,
): HicoinClient {
  return {
    authorizeUrl(p) {
      return buildHicoinAuthorizeUrl(ctx.baseUrl, { ...p, appId: creds.appId });
    },
    async exchangeCode(code, codeVerifier) {
      const res = await httpRequest(
        ctx,
        buildHicoinTokenRequest(ctx.baseUrl, creds, code, codeVerifier),
      );
      return processHicoinTokenResponse(res, HICOIN_ENDPOINTS.token, ctx.clock.now());
    },
    async refresh(refreshToken) {
      const res = await httpRequest(
        ctx,
        buildHicoinRefreshRequest(ctx.baseUrl, creds.appId, refreshToken),
      );
      return processHicoinTokenResponse(res, HICOIN_ENDPOINTS.refresh, ctx.clock.now());
    },
    async userInfo(accessToken, openid) {
      const res = await httpRequest(
        ctx,
        buildHicoinUserInfoRequest(ctx.baseUrl, accessToken, openid),
      );
      return processHicoinUserInfoResponse(res, openid);
    },
  };
}
