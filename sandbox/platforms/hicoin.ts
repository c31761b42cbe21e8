/**
 * The HiCoin open platform simulator (docs/providers/hicoin.md), under the prefix `/hicoin/api`:
 * the authorize page (silent for snsapi_base, consent for snsapi_userinfo), code → token,
 * refresh, and user info, in the bare or the wrapped reply style.
 */
import type { PlatformSim, SeedOptions, SimContext, SimRequest, SimResponse } from '../types';
import { HC, hcReply } from './hicoin/codes';
import {
  accessToken,
  authorize,
  authorizeDecision,
  refreshToken,
  userInfo,
} from './hicoin/endpoints';
import { HicoinState } from './hicoin/state';

type Handler = (req: SimRequest, ctx: SimContext, st: HicoinState) => SimResponse;

const ROUTES: Record<string, Partial<Record<string, Handler>>> = {
  '/connect/oauth/authorize': { GET: authorize, POST: authorizeDecision },
  '/sns/oauth/access_token': { POST: accessToken },
  '/sns/oauth/refresh_token': { POST: refreshToken },
  '/sns/user/info': { GET: userInfo },
};

export function createHicoinSim(): PlatformSim {
  let st: HicoinState | undefined;
  const state = (ctx: SimContext) => (st ??= new HicoinState(ctx.origin));
  return {
    id: 'hicoin',
    handle(req, ctx) {
      const route = ROUTES[req.path];
      if (!route) return undefined;
      const h = route[req.method];
      if (!h) return { ...hcReply(state(ctx).replyStyle, HC.invalidArgs), status: 405 };
      return h(req, ctx, state(ctx));
    },
    reset(ctx) {
      st = new HicoinState(ctx.origin);
    },
    seed(opts: SeedOptions, ctx) {
      state(ctx).seed(opts);
    },
    state() {
      return st?.snapshot() ?? null;
    },
  };
}
