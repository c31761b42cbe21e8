/**
 * Grand Chain's endpoints (seed 003 and providers.md §4), one entry per route: the documented
 * keys (checked by params.ts), the reply fields that read "NULL" when the call fails, and the
 * handler. Codes per endpoint follow the seed's 返回码示例; where the seed is silent the choice is
 * noted beside it (sandbox/README.md collects them).
 */
import type { SimContext } from '../../types';
import { fail, type Checked, type Kind } from './params';
import {
  balanceOut,
  chinaTime,
  newCode,
  newToken,
  nextUserId,
  publicId,
  userByEmail,
  userById,
  type GcState,
  type GcUser,
} from './state';

export interface Route {
  keys: Readonly<Record<string, Kind>>;
  /** Reply fields a failed call still carries, as "NULL". */
  nullFields?: readonly string[];
  handle(p: Checked, state: GcState, ctx: SimContext): Record<string, unknown>;
}

const SESSION = { email: 'email', user_id: 'userId', session_token: 'token' } as const;

function s(p: Checked, name: string): string {
  return String(p[name]);
}

function fen(p: Checked, name: string): bigint {
  const v = p[name];
  return typeof v === 'bigint' ? v : BigInt(String(v));
}

/**
 * The caller of an authenticated call: 503 when email and user_id do not belong together (an
 * unknown email included, unless `unknownEmail` says otherwise), 504 when the session token is
 * wrong or the user is logged out.
 */
function caller(p: Checked, state: GcState, unknownEmail = 503): GcUser {
  const byEmail = userByEmail(state, s(p, 'email'));
  if (!byEmail) fail(unknownEmail, unknownEmail === 501 ? '用户不存在' : 'email, user_id 不匹配');
  if (userById(state, s(p, 'user_id')) !== byEmail) fail(503, 'email, user_id 不匹配');
  if (byEmail.session === null || byEmail.session !== s(p, 'session_token')) {
    fail(504, '身份验证不通过(session_token有误)');
  }
  return byEmail;
}

function sendCode(state: GcState, ctx: SimContext, email: string, code: string): void {
  if (state.mailFails) fail(502, '验证码邮件发送失败');
  state.outbox.push({ to: email, code, at: ctx.now() });
  ctx.log(`grandchain mail to ${email}: verification code sent`);
}

function checkFace(u: GcUser, faceToken: string): void {
  // 505 is the sandbox's code for a face_token that is not the user's (the seed lists none).
  if (u.faceToken === null || u.faceToken !== faceToken) fail(505, 'face_token 验证不通过');
}

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

const COMMON: Record<string, Route> = {
  'register/try': {
    keys: { email: 'email', password: 'password', nick_name: 'nick' },
    handle(p, state, ctx) {
      const email = s(p, 'email');
      if (userByEmail(state, email) || state.pending.has(email)) fail(501, '重复提交');
      const code = newCode();
      sendCode(state, ctx, email, code); // a failed mail leaves no trace (seed: 后台数据库不会进行任何操作)
      state.pending.set(email, {
        email,
        password: s(p, 'password'),
        nickName: s(p, 'nick_name'),
        code,
      });
      return {};
    },
  },
  'register/verify': {
    keys: { email: 'email', verify_code: 'code' },
    nullFields: ['user_id', 'session_token'],
    handle(p, state) {
      const pending = state.pending.get(s(p, 'email'));
      if (!pending) fail(501, '待验证用户不存在');
      if (pending.code !== s(p, 'verify_code')) fail(502, '验证失败(验证码错误)');
      state.pending.delete(pending.email);
      const u: GcUser = {
        id: nextUserId(state),
        email: pending.email,
        password: pending.password,
        nickName: pending.nickName,
        balanceFen: 0n,
        faceToken: null,
        session: newToken(), // verified = logged in (seed 调用流程)
      };
      state.users.set(u.id, u);
      return { user_id: publicId(state, u), session_token: u.session };
    },
  },
  'register/send': {
    keys: { email: 'email' },
    handle(p, state, ctx) {
      const pending = state.pending.get(s(p, 'email'));
      if (!pending) fail(501, '待验证用户不存在');
      const code = newCode();
      sendCode(state, ctx, pending.email, code); // on failure the old code stays valid
      pending.code = code;
      return {};
    },
  },
  'register/face/insert': {
    keys: { user_id: 'userId', session_token: 'token', email: 'email', face_token: 'token' },
    handle(p, state) {
      const u = caller(p, state, 501);
      if (u.faceToken !== null) fail(502, 'face_token 已经存在');
      u.faceToken = s(p, 'face_token');
      return {};
    },
  },
  login: {
    keys: { email: 'email', password: 'password' },
    nullFields: ['user_id', 'session_token'],
    handle(p, state) {
      const u = userByEmail(state, s(p, 'email'));
      if (!u) fail(501, '用户不存在');
      if (u.password !== s(p, 'password')) fail(502, '用户名或密码错误');
      if (u.session !== null) {
        // 201: already logged in, same reply shape, nothing changes (seed 已注册用户登陆).
        return {
          code: 201,
          msg: '该用户已经登陆',
          user_id: publicId(state, u),
          session_token: u.session,
        };
      }
      u.session = newToken();
      return { user_id: publicId(state, u), session_token: u.session };
    },
  },
  logout: {
    keys: SESSION,
    handle(p, state) {
      const u = caller(p, state, 501);
      u.session = null;
      return {};
    },
  },
  'user/inquire': {
    keys: { email: 'email', inquire_email: 'email', user_id: 'userId', session_token: 'token' },
    nullFields: ['inquire_email', 'result'],
    handle(p, state) {
      caller(p, state);
      const found = userByEmail(state, s(p, 'inquire_email'));
      return {
        inquire_email: s(p, 'inquire_email'),
        result: found ? publicId(state, found) : 'empty',
      };
    },
  },
  'user/add/friend': {
    keys: { email: 'email', add_user_id: 'userId', user_id: 'userId', session_token: 'token' },
    nullFields: ['add_user_id', 'add_user_nick_name'],
    handle(p, state) {
      const u = caller(p, state);
      const other = userById(state, s(p, 'add_user_id'));
      if (!other || other === u) fail(501, '用户不存在');
      const id = `fri_${newToken()}`;
      // The request id reaches the other user out of band (the app); tests read it in state().
      state.friends.set(id, { id, from: u.id, to: other.id, confirmed: false });
      return { add_user_id: publicId(state, other), add_user_nick_name: other.nickName };
    },
  },
  'user/confirm/friend': {
    keys: { email: 'email', friend_order_id: 'token', user_id: 'userId', session_token: 'token' },
    nullFields: ['add_user_id', 'add_user_nick_name'],
    handle(p, state) {
      const u = caller(p, state);
      const req = state.friends.get(s(p, 'friend_order_id'));
      if (!req || req.to !== u.id || req.confirmed) fail(501, '好友请求不存在');
      req.confirmed = true;
      const from = state.users.get(req.from);
      return {
        add_user_id: from ? publicId(state, from) : 'empty',
        add_user_nick_name: from?.nickName ?? 'empty',
      };
    },
  },
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
      if (!o || o.to !== u.id || o.receivedAt !== null) fail(501, '订单不存在');
      checkFace(u, s(p, 'face_token'));
      o.receivedAt = ctx.now();
      u.balanceFen += o.valueFen;
      return { balance: balanceOut(state, u.balanceFen) };
    },
  },
};

/** The seed's own shapes (seed 003 转账, 查询全部交易记录). */
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

/** What the deployed revision changed or added (providers.md §4). */
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
      const u = caller(p, state);
      checkFace(u, s(p, 'face_token'));
      return transferTo(
        state,
        ctx,
        u,
        userByEmail(state, s(p, 'receiver_user_email')),
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
          type: h.out ? 0 : 1,
          trade_value: h.order.valueFen.toString(),
        })),
      };
    },
  },
  'user/charge': {
    keys: { ...SESSION, charge_value: 'digits' },
    nullFields: ['balance'],
    handle(p, state) {
      const u = caller(p, state);
      const value = fen(p, 'charge_value');
      if (value <= 0n) fail(401, '参数格式错误: charge_value');
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

/** Seed routes exactly as the document writes them (some with, some without a trailing slash). */
export const SEED_PATHS: Record<string, string> = {
  'register/try/': 'register/try',
  'register/verify/': 'register/verify',
  'register/send/': 'register/send',
  'register/face/insert': 'register/face/insert',
  'login/': 'login',
  'logout/': 'logout',
  'user/inquire/': 'user/inquire',
  'user/add/friend': 'user/add/friend',
  'user/confirm/friend': 'user/confirm/friend',
  'trade/transfer': 'trade/transfer',
  'trade/receive': 'trade/receive',
  'trade/inquire': 'trade/inquire',
};

export function routeFor(name: string, revision: 'seed' | 'deployed'): Route | undefined {
  const special = revision === 'seed' ? SEED_ONLY : DEPLOYED_ONLY;
  return special[name] ?? COMMON[name];
}

/** Deployed: every route of the seed plus the extras, each ending in `/`. */
export const DEPLOYED_NAMES: readonly string[] = [
  ...Object.values(SEED_PATHS),
  ...Object.keys(DEPLOYED_ONLY).filter((n) => !(n in SEED_ONLY)),
];
