/** §三.1 get_user_info: a GET with `AUTHORIZATION: Bearer <access_token>` and no parameters. */
import type { HttpRequest, HttpResponse } from '../../core/http';
import { FOMO_ENDPOINTS } from './description';
import { fomoUrl } from './oauth';
import { processFomoReply } from './reply';
import { userInfoSchema } from './schemas';

export interface FomoUserInfo {
  userId: string;
  nickname?: string;
  username?: string;
  avatar?: string;
}

export function buildFomoUserInfoRequest(baseUrl: string, accessToken: string): HttpRequest {
  return {
    platform: 'fomo',
    endpoint: FOMO_ENDPOINTS.userInfo,
    url: fomoUrl(baseUrl, FOMO_ENDPOINTS.userInfo).toString(),
    method: 'GET',
    // The seed spells the header AUTHORIZATION; HTTP header names are case-insensitive.
    headers: { authorization: `Bearer ${accessToken}`, accept: 'application/json' },
  };
}

export function processFomoUserInfoResponse(res: HttpResponse): FomoUserInfo {
  const u = processFomoReply(res, FOMO_ENDPOINTS.userInfo, userInfoSchema);
  return {
    userId: u.user_id,
    ...(u.nickname ? { nickname: u.nickname } : {}),
    ...(u.username ? { username: u.username } : {}),
    ...(u.avatar ? { avatar: u.avatar } : {}),
  };
}
