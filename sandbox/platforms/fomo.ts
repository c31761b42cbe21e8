/**
 * The FOMO open platform simulator (docs/providers/fomo.md), under the prefix `/fomo/`:
 * OAuth consent, code → token, refresh, user info, and the pay page with its merchant callback.
 */
import type { PlatformSim, SeedOptions, SimContext, SimRequest, SimResponse } from '../types';
import { FOMO_STATUS, fomoReply } from './fomo/codes';
import {
  authorizeDecision,
  authorizePage,
  refreshEndpoint,
  tokenEndpoint,
  userInfoEndpoint,
} from './fomo/oauth';
import { payDecision, payPage } from './fomo/pay';
import { FomoState } from './fomo/state';

type Handler = (
  req: SimRequest,
  ctx: SimContext,
  st: FomoState,
) => SimResponse | Promise<SimResponse>;

const ROUTES: Record<string, Partial<Record<string, Handler>>> = {
  'oauth2/authorize': { GET: authorizePage, POST: authorizeDecision },
  'oauth2/authorize/token': { POST: tokenEndpoint },
  'oauth2/RefreshToken': { POST: refreshEndpoint },
  'oauth2/resource/get_user_info': { GET: userInfoEndpoint, POST: userInfoEndpoint },
  'oauth2/authorize/pay': { GET: payPage, POST: payDecision },
};

export function createFomoSim(): PlatformSim {
  let st: FomoState | undefined;
  const state = (ctx: SimContext) => (st ??= new FomoState(ctx.origin));
  return {
    id: 'fomo',
    handle(req, ctx) {
      // Paths are relative to `{base}` = /fomo/; a client that joins with "/" (seed §二.2 writes
      // "/oauth2/authorize/token") gets the same endpoint, as nginx's merge_slashes would give.
      const route = ROUTES[req.path.replace(/^\/+/, '')];
      if (!route) return undefined;
      const h = route[req.method];
      if (!h)
        return {
          ...fomoReply(FOMO_STATUS.missingParams, undefined, `${req.method} not allowed`),
          status: 405,
        };
      return h(req, ctx, state(ctx));
    },
    reset(ctx) {
      st = new FomoState(ctx.origin);
    },
    seed(opts: SeedOptions, ctx) {
      state(ctx).seed(opts);
    },
    state() {
      return st?.snapshot() ?? null;
    },
  };
}
