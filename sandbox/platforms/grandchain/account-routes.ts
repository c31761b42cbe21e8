/**
 * Grand Chain's account routes (docs/providers/grandchain.md, Endpoints): registration, session,
 * users and friends. Codes per endpoint follow the seed's 返回码示例; where the seed is silent the
 * choice is noted beside it (sandbox/README.md collects them).
 */
import {
  newCode,
  newToken,
  nextUserId,
  publicId,
  userByEmail,
  userById,
  type GcUser,
} from './state';
import { fail } from './params';
import { caller, s, sendCode, SESSION, type Route } from './route-kit';

export const ACCOUNT_ROUTES: Record<string, Route> = {
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
};
