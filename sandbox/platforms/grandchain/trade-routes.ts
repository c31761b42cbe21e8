/**
 * Grand Chain's money routes (docs/providers/grandchain.md, Endpoints), in the seed's shape and the
 * deployed one (docs/providers/grandchain.md, Revisions). Amounts are fen as BigInt.
 */
import type { SimContext } from '../../types';
import { fail } from './params';
import { caller, checkFace, fen, s, SESSION, type Route } from './route-kit';
import {
  balanceOut,
  chinaTime,
  newToken,
  publicId,
  userByEmail,
  userById,
  type GcState,
  type GcUser,
} from './state';

function transferTo(
  state: GcState,
  ctx: SimContext,
  from: GcUser,
  to: GcUser | undefined,
  value: bigint,
): Record<string, unknown> {
  if (!to || to === from) fail(501, '收款方不存在');
  if (value <= 0n) fail(401, '参数格式错误: trade_value');
  if (from.balanceFen < value) fail(502, '余额不足');
  from.balanceFen -= value;
  return recordOrder(state, ctx, from, to, value);
}

/** The order of a transfer whose value has left the sender, waiting for the receiver. */
function recordOrder(
  state: GcState,
  ctx: SimContext,
  from: GcUser,
  to: GcUser,
  value: bigint,
): Record<string, unknown> {
  const id = `order_${newToken()}`;
  state.orders.set(id, {
    id,
    from: from.id,
    to: to.id,
    valueFen: value,
    createdAt: ctx.now(),
    receivedAt: null,
  });
  // order_id is the sandbox's addition to the reply: the seed revision has no other way to learn it.
  return { balance: balanceOut(state, from.balanceFen), order_id: id };
}

function party(state: GcState, id: number): Record<string, unknown> {
  const u = state.users.get(id);
  return u
    ? { user_id: publicId(state, u), email: u.email, nick_name: u.nickName }
    : { user_id: 'empty', email: 'empty', nick_name: 'empty' };
}

/** History of a user: transfers out from when they were sent, transfers in once received. */
function history(
  state: GcState,
  u: GcUser,
): { at: number; out: boolean; order: { from: number; to: number; valueFen: bigint } }[] {
  const rows: {
    at: number;
    out: boolean;
    order: { from: number; to: number; valueFen: bigint };
  }[] = [];
  for (const o of state.orders.values()) {
    if (o.from === u.id) rows.push({ at: o.createdAt, out: true, order: o });
    if (o.to === u.id && o.receivedAt !== null)
      rows.push({ at: o.receivedAt, out: false, order: o });
  }
  return rows.sort((a, b) => a.at - b.at);
}

/**
 * The deployed server's transfer, in its order of checks (docs/providers/grandchain.md, "Server
 * faults"): the balance check itself takes the money (`check_balance_can_suffer_value_and_pay`),
 * and only then are the receiver (501) and the face token (505) checked. A transfer that fails
 * either has debited the sender, with no order and no record to show for it. Reproduced so the
 * client's defence (look the receiver up and check the face token first) is tested against it.
 */
function deployedTransfer(
  state: GcState,
  ctx: SimContext,
  from: GcUser,
  to: GcUser | undefined,
  value: bigint,
  faceToken: string,
): Record<string, unknown> {
  if (value <= 0n) fail(401, '参数格式错误: trade_value');
  if (from.balanceFen < value) fail(502, 'insufficient balance');
  from.balanceFen -= value;
  if (!to || to === from) fail(501, 'receiver user does not exist');
  checkFace(from, faceToken);
  return recordOrder(state, ctx, from, to, value);
}

/** The same in both revisions. */
export const TRADE_COMMON: Record<string, Route> = {
  'trade/receive': {
    keys: {
      email: 'email',
      user_id: 'userId',
      order_id: 'token',
      face_token: 'token',
      session_token: 'token',
    },
    nullFields: ['balance'],
    handle(p, state, ctx) {
      const u = caller(p, state);
      const o = state.orders.get(s(p, 'order_id'));
      if (!o || o.to !== u.id || o.receivedAt !== null) {
        // The deployed server answers a missing (or already received) order with 504, the code
        // of a bad session, told apart only by its message.
        if (state.revision === 'deployed') fail(504, 'order not exist');
        fail(501, '订单不存在');
      }
      checkFace(u, s(p, 'face_token'));
      o.receivedAt = ctx.now();
      u.balanceFen += o.valueFen;
      return { balance: balanceOut(state, u.balanceFen) };
    },
  },
};

/** The seed's own shapes (docs/providers/grandchain.md, Revisions: the "seed" column). */
export const SEED_ONLY: Record<string, Route> = {
  'trade/transfer': {
    keys: {
      email: 'email',
      user_id: 'userId',
      receiver_user_id: 'userId',
      trade_value: 'digits',
      session_token: 'token',
    },
    nullFields: ['balance'],
    handle(p, state, ctx) {
      const u = caller(p, state);
      return transferTo(
        state,
        ctx,
        u,
        userById(state, s(p, 'receiver_user_id')),
        fen(p, 'trade_value'),
      );
    },
  },
  'trade/inquire': {
    keys: SESSION,
    nullFields: ['record'],
    handle(p, state) {
      const u = caller(p, state);
      return {
        record: history(state, u).map((h) => ({
          time_stamp: chinaTime(h.at),
          send_user: party(state, h.order.from),
          receve_user: party(state, h.order.to), // sic (seed)
          trade_value: h.order.valueFen.toString(),
        })),
      };
    },
  },
};

/** What the deployed revision changed or added (docs/providers/grandchain.md, Revisions). */
export const DEPLOYED_ONLY: Record<string, Route> = {
  'trade/transfer': {
    keys: {
      email: 'email',
      user_id: 'userId',
      receiver_user_email: 'email',
      trade_value: 'digits',
      face_token: 'token',
      session_token: 'token',
    },
    nullFields: ['balance'],
    handle(p, state, ctx) {
      return deployedTransfer(
        state,
        ctx,
        caller(p, state),
        userByEmail(state, s(p, 'receiver_user_email')),
        fen(p, 'trade_value'),
        s(p, 'face_token'),
      );
    },
  },
  'trade/inquire': {
    keys: SESSION,
    nullFields: ['record'],
    handle(p, state) {
      const u = caller(p, state);
      return {
        record: history(state, u).map((h) => ({
          time_stamp: chinaTime(h.at),
          type: h.out ? 0 : 1,
          trade_value: h.order.valueFen.toString(),
        })),
      };
    },
  },
  'user/charge': {
    keys: { ...SESSION, trade_value: 'digits' },
    nullFields: ['balance'],
    handle(p, state) {
      const u = caller(p, state);
      const value = fen(p, 'trade_value');
      if (value <= 0n) fail(401, '参数格式错误: trade_value');
      u.balanceFen += value;
      return { balance: balanceOut(state, u.balanceFen) };
    },
  },
  'user/get/facetoken': {
    keys: SESSION,
    nullFields: ['face_token'],
    handle(p, state) {
      const u = caller(p, state);
      if (u.faceToken === null) fail(501, 'face_token 不存在');
      return { face_token: u.faceToken };
    },
  },
  'trade/unread': {
    keys: SESSION,
    nullFields: ['record'],
    handle(p, state) {
      const u = caller(p, state);
      const record = [...state.orders.values()]
        .filter((o) => o.to === u.id && o.receivedAt === null)
        .sort((a, b) => a.createdAt - b.createdAt)
        .map((o) => {
          const from = state.users.get(o.from);
          return {
            order_id: o.id,
            sender_email: from?.email ?? 'empty',
            sender_nick_name: from?.nickName ?? 'empty',
            trade_value: o.valueFen.toString(),
            create_time: chinaTime(o.createdAt),
          };
        });
      return { record };
    },
  },
};
