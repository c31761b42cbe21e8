/**
 * GET /sns/user/info?openid (docs/providers/hicoin.md, Flows: Profile): nickname, mobile
 * number, country code and email, available with the snsapi_userinfo scope. The token travels in
 * the `Authorization: Bearer` header, never in the URL, so it stays out of server and proxy logs.
 */
import * as v from 'valibot';
import type { HttpRequest, HttpResponse } from '../../core/http';
import { HICOIN_ENDPOINTS } from './description';
import { hicoinUrl } from './oauth';
import { processHicoinReply } from './reply';

export interface HicoinUserInfo {
  openid: string;
  nickname?: string;
  mobile?: string;
  countryCode?: string;
  email?: string;
}

const text = v.optional(
  v.pipe(
    v.nullable(v.union([v.string(), v.number()])),
    v.check((x) => typeof x !== 'number' || Number.isSafeInteger(x), 'text'),
    v.transform((x) => (x === null || x === '' ? undefined : String(x))),
  ),
);

const userInfoSchema = v.looseObject({
  openid: v.optional(v.string()),
  nickname: text,
  mobile: text,
  // Both spellings are seen in HiCoin's material.
  countryCode: text,
  country_code: text,
  email: text,
});

export function buildHicoinUserInfoRequest(
  baseUrl: string,
  accessToken: string,
  openid: string,
): HttpRequest {
  const url = hicoinUrl(baseUrl, HICOIN_ENDPOINTS.userInfo);
  url.searchParams.set('openid', openid);
  return {
    platform: 'hicoin',
    endpoint: HICOIN_ENDPOINTS.userInfo,
    url: url.toString(),
    method: 'GET',
    headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
  };
}

export function processHicoinUserInfoResponse(res: HttpResponse, openid: string): HicoinUserInfo {
  const u = processHicoinReply(res, HICOIN_ENDPOINTS.userInfo, userInfoSchema);
  const countryCode = u.countryCode ?? u.country_code;
  return {
    openid: u.openid || openid,
    ...(u.nickname ? { nickname: u.nickname } : {}),
    ...(u.mobile ? { mobile: u.mobile } : {}),
    ...(countryCode ? { countryCode } : {}),
    ...(u.email ? { email: u.email } : {}),
  };
}
