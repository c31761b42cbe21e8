/**
 * The FOMO client: OAuth steps, user info and the pay page URL over one context. API calls that
 * FOMO rejects with code 8 (签名过期, the timestamp) resynchronise ctx.clock from the reply's Date
 * header and are sent once more; the offset stays in ctx.clock for the next pay page.
 */
import { hasCode } from '../../core/errors';
import { httpRequest, type HttpRequest, type HttpResponse } from '../../core/http';
import type { ProviderContext } from '../types';
import { FOMO_ENDPOINTS } from './description';
import {
  buildFomoAuthorizeUrl,
  buildFomoRefreshRequest,
  buildFomoTokenRequest,
  processFomoTokenResponse,
  type FomoAppCredentials,
  type FomoAuthorizeParams,
  type FomoCodeExchange,
  type FomoTokens,
} from './oauth';
import { buildFomoPayUrl, type FomoPayParams } from './pay';
import {
  buildFomoUserInfoRequest,
  processFomoUserInfoResponse,
  type FomoUserInfo,
} from './user-info';

export interface FomoClient {
  authorizeUrl(p: Omit<FomoAuthorizeParams, 'clientId'>): string;
  exchangeCode(p: FomoCodeExchange): Promise<FomoTokens>;
  refresh(refreshToken: string): Promise<FomoTokens>;
  userInfo(accessToken: string): Promise<FomoUserInfo>;
  payUrl(p: FomoPayParams): Promise<string>;
  /**
   * After a pay return with status 8 (the page is a browser tab, so its headers never reach us):
   * take FOMO's time from the Date header of a user-info call and keep the offset in ctx.clock,
   * whatever that call answers. Returns false when the reply carried no usable Date header.
   */
  syncClock(accessToken: string): Promise<boolean>;
}

/** Send, process, and on a timestamp error resync the clock and go once more. */
export async function sendWithSkewRetry<T>(
  ctx: ProviderContext,
  build: () => HttpRequest,
  process: (res: HttpResponse) => T,
): Promise<T> {
  const res = await httpRequest(ctx, build());
  try {
    return process(res);
  } catch (e) {
    if (hasCode(e, 'timestamp_skew') && ctx.clock.syncFromDate(res.headers.get('date'))) {
      return process(await httpRequest(ctx, build()));
    }
    throw e;
  }
}

export function createFomoClient(ctx: ProviderContext, creds: FomoAppCredentials): FomoClient {
  return {
    authorizeUrl(p) {
      return buildFomoAuthorizeUrl(ctx.baseUrl, { ...p, clientId: creds.clientId });
    },
    exchangeCode(p) {
      return sendWithSkewRetry(
        ctx,
        () => buildFomoTokenRequest(ctx.baseUrl, creds, p),
        (res) => processFomoTokenResponse(res, FOMO_ENDPOINTS.token, ctx.clock.now()),
      );
    },
    refresh(refreshToken) {
      return sendWithSkewRetry(
        ctx,
        () => buildFomoRefreshRequest(ctx.baseUrl, creds, refreshToken),
        (res) => processFomoTokenResponse(res, FOMO_ENDPOINTS.refresh, ctx.clock.now()),
      );
    },
    userInfo(accessToken) {
      return sendWithSkewRetry(
        ctx,
        () => buildFomoUserInfoRequest(ctx.baseUrl, accessToken),
        processFomoUserInfoResponse,
      );
    },
    payUrl(p) {
      return buildFomoPayUrl(ctx.baseUrl, ctx.clock, creds, p);
    },
    async syncClock(accessToken) {
      const res = await httpRequest(ctx, buildFomoUserInfoRequest(ctx.baseUrl, accessToken));
      return ctx.clock.syncFromDate(res.headers.get('date'));
    },
  };
}
