/**
 * The redirect back from the authorize page: `redirect_uri?code=CODE&state=STATE`
 * (docs/providers/hicoin.md, Flows: Return). The caller compares `state` with the one it stored for
 * the flow.
 */
import { errors } from '../../core/errors';
import { HICOIN_ENDPOINTS } from './description';
import { isValidHicoinState } from './state';

export interface HicoinAuthorizeReturn {
  code: string;
  state: string;
}

export function parseHicoinAuthorizeReturn(url: string | URL): HicoinAuthorizeReturn {
  const where = { platform: 'hicoin' as const, endpoint: `${HICOIN_ENDPOINTS.authorize} (return)` };
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    throw errors.bad_response(
      { en: 'The return address is not a URL', zh: '返回地址不是有效的 URL' },
      where,
    );
  }
  const code = u.searchParams.get('code');
  const state = u.searchParams.get('state') ?? '';
  if (!code) {
    // No code means the user declined (snsapi_userinfo consent page) or the flow broke.
    throw errors.permission({ en: 'HiCoin did not grant access', zh: 'HiCoin 未授权' }, where);
  }
  if (!isValidHicoinState(state)) {
    throw errors.bad_response(
      { en: 'The returned state is malformed', zh: '返回的 state 格式错误' },
      where,
    );
  }
  return { code, state };
}
