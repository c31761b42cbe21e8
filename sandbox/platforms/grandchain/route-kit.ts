/**
 * What every Grand Chain route is made of (docs/providers/grandchain.md, Endpoints): the route
 * shape, and the checks several endpoints share — who is calling (503/504), sending the "emailed"
 * code, the face token.
 */
import type { SimContext } from '../../types';
import { fail, type Checked, type Kind } from './params';
import { userByEmail, userById, type GcState, type GcUser } from './state';

export interface Route {
  keys: Readonly<Record<string, Kind>>;
  /** Reply fields a failed call still carries, as "NULL". */
  nullFields?: readonly string[];
  handle(p: Checked, state: GcState, ctx: SimContext): Record<string, unknown>;
}

export const SESSION = { email: 'email', user_id: 'userId', session_token: 'token' } as const;

export function s(p: Checked, name: string): string {
  return String(p[name]);
}

export function fen(p: Checked, name: string): bigint {
  const v = p[name];
  return typeof v === 'bigint' ? v : BigInt(String(v));
}

/**
 * The caller of an authenticated call: 503 when email and user_id do not belong together (an
 * unknown email included, unless `unknownEmail` says otherwise), 504 when the session token is
 * wrong or the user is logged out.
 */
export function caller(p: Checked, state: GcState, unknownEmail = 503): GcUser {
  const byEmail = userByEmail(state, s(p, 'email'));
  if (!byEmail) fail(unknownEmail, unknownEmail === 501 ? '用户不存在' : 'email, user_id 不匹配');
  if (userById(state, s(p, 'user_id')) !== byEmail) fail(503, 'email, user_id 不匹配');
  if (byEmail.session === null || byEmail.session !== s(p, 'session_token')) {
    fail(504, '身份验证不通过(session_token有误)');
  }
  return byEmail;
}

export function sendCode(state: GcState, ctx: SimContext, email: string, code: string): void {
  if (state.mailFails) fail(502, '验证码邮件发送失败');
  state.outbox.push({ to: email, code, at: ctx.now() });
  ctx.log(`grandchain mail to ${email}: verification code sent`);
}

export function checkFace(u: GcUser, faceToken: string): void {
  // 505 is the sandbox's code for a face_token that is not the user's (the seed lists none).
  if (u.faceToken === null || u.faceToken !== faceToken) fail(505, 'face_token 验证不通过');
}
