/**
 * The Grand Chain simulator (docs/providers/grandchain.md, Revisions), mounted at contract.ts
 * PREFIX.grandchain (`/grandchain/`, standing for the seed's `/grand/chain/`). Two revisions,
 * chosen by the seed option `grandchainRevision` (default 'deployed'):
 *
 * - 'seed': the routes exactly as the document writes them, some with and some without a
 *   trailing slash; anything else is 404.
 * - 'deployed': every route ends in `/`; the same route without it answers 301 with the slashed
 *   Location (a POST must not be blindly re-sent by the client), plus user/charge/,
 *   user/get/facetoken/ and trade/unread/.
 *
 * Every answer to a POST on a route is HTTP 200 with `{code, msg, …}`; fields of a failed call
 * read "NULL".
 */
import type { PlatformSim, SeedOptions, SimContext, SimRequest, SimResponse } from '../../types';
import { checkParams, GrandchainFailure } from './params';
import { DEPLOYED_NAMES, routeFor, SEED_PATHS, type Route } from './routes';
import { freshState, publicId, type GcState } from './state';

function json(body: Record<string, unknown>): SimResponse {
  return { status: 200, headers: { 'content-type': 'application/json' }, body };
}

function nulls(route: Route | undefined): Record<string, string> {
  return Object.fromEntries((route?.nullFields ?? []).map((k) => [k, 'NULL']));
}

export function createGrandchainSim(): PlatformSim {
  let state: GcState = freshState();

  function resolve(req: SimRequest): { name: string } | { redirect: string } | undefined {
    const path = req.path.replace(/^\/+/, '');
    if (state.revision === 'seed') {
      const name = SEED_PATHS[path];
      return name ? { name } : undefined;
    }
    if (path.endsWith('/') && DEPLOYED_NAMES.includes(path.slice(0, -1)))
      return { name: path.slice(0, -1) };
    if (DEPLOYED_NAMES.includes(path)) return { redirect: `${req.url.pathname}/${req.url.search}` };
    return undefined;
  }

  function run(route: Route, req: SimRequest, ctx: SimContext): SimResponse {
    try {
      let body: unknown;
      try {
        body = JSON.parse(req.body.toString('utf8'));
      } catch {
        return json({ code: 401, msg: '参数格式错误: body is not JSON', ...nulls(route) });
      }
      const params = checkParams(body, route.keys, state.revision);
      const extra = route.handle(params, state, ctx);
      return json({ code: 0, msg: '调用成功', ...extra });
    } catch (e) {
      if (e instanceof GrandchainFailure)
        return json({ code: e.code, msg: e.message, ...nulls(route) });
      // The seed's 500: 服务器错误（后台有bug）.
      ctx.log(`grandchain 500: ${e instanceof Error ? e.message : String(e)}`);
      return json({ code: 500, msg: '服务器错误', ...nulls(route) });
    }
  }

  return {
    id: 'grandchain',
    handle(req, ctx) {
      const target = resolve(req);
      if (!target) return undefined;
      if ('redirect' in target) {
        ctx.count('301');
        return { status: 301, headers: { location: target.redirect }, body: '' };
      }
      const route = routeFor(target.name, state.revision);
      if (!route) return undefined;
      ctx.count(target.name);
      if (req.method !== 'POST') {
        return {
          status: 405,
          headers: { allow: 'POST', 'content-type': 'text/plain' },
          body: 'Method Not Allowed',
        };
      }
      return run(route, req, ctx);
    },
    reset() {
      state = freshState();
    },
    seed(opts: SeedOptions) {
      const rev = opts.grandchainRevision;
      if (rev !== undefined) {
        if (rev !== 'seed' && rev !== 'deployed')
          throw new TypeError("grandchainRevision must be 'seed' or 'deployed'");
        state.revision = rev;
      }
      const as = opts.grandchainBalanceAs;
      if (as !== undefined) {
        if (as !== 'string' && as !== 'number' && as !== 'alternate') {
          throw new TypeError("grandchainBalanceAs must be 'string', 'number' or 'alternate'");
        }
        state.balanceAs = as;
      }
      const mail = opts.grandchainMailFail;
      if (mail !== undefined) {
        if (typeof mail !== 'boolean') throw new TypeError('grandchainMailFail must be a boolean');
        state.mailFails = mail;
      }
    },
    state() {
      return {
        revision: state.revision,
        outbox: state.outbox,
        users: [...state.users.values()].map((u) => ({
          user_id: publicId(state, u),
          email: u.email,
          nick_name: u.nickName,
          balanceFen: u.balanceFen.toString(),
          face_token: u.faceToken,
          loggedIn: u.session !== null,
        })),
        pendingRegistrations: [...state.pending.keys()],
        friendRequests: [...state.friends.values()],
        orders: [...state.orders.values()].map((o) => ({ ...o, valueFen: o.valueFen.toString() })),
      };
    },
  };
}
