/**
 * Grand Chain's memory: users (balances in fen as BigInt), pending registrations and the
 * "emailed" codes (the outbox), sessions, friend requests and transfer orders.
 */
import { randomBytes, randomInt } from 'node:crypto';
import { DEMO } from '../../contract';
import type { Revision } from './params';

export interface GcUser {
  id: number;
  email: string;
  password: string;
  nickName: string;
  balanceFen: bigint;
  faceToken: string | null;
  session: string | null;
}

export interface PendingRegistration {
  email: string;
  password: string;
  nickName: string;
  code: string;
}

export interface OutboxMail {
  to: string;
  code: string;
  at: number;
}

export interface FriendRequest {
  id: string;
  from: number;
  to: number;
  confirmed: boolean;
}

export interface TransferOrder {
  id: string;
  from: number;
  to: number;
  valueFen: bigint;
  createdAt: number;
  receivedAt: number | null;
}

export type BalanceAs = 'string' | 'number' | 'alternate';

export interface GcState {
  revision: Revision;
  users: Map<number, GcUser>;
  pending: Map<string, PendingRegistration>;
  outbox: OutboxMail[];
  friends: Map<string, FriendRequest>;
  orders: Map<string, TransferOrder>;
  balanceAs: BalanceAs | undefined;
  /** Flips on every balance written while balanceAs is 'alternate'. */
  balanceFlip: number;
  /** Seed option grandchainMailFail: the mail server is down (502 on register/try and send). */
  mailFails: boolean;
}

export function freshState(revision: Revision = 'deployed'): GcState {
  const users = new Map<number, GcUser>();
  for (const u of DEMO.grandchain.users) {
    users.set(u.userId, {
      id: u.userId,
      email: u.email,
      password: u.password,
      nickName: u.nickName,
      balanceFen: BigInt(u.balanceFen),
      faceToken: u.faceToken,
      session: null,
    });
  }
  return {
    revision,
    users,
    pending: new Map(),
    outbox: [],
    friends: new Map(),
    orders: new Map(),
    balanceAs: undefined,
    balanceFlip: 0,
    mailFails: false,
  };
}

export function userByEmail(state: GcState, email: string): GcUser | undefined {
  for (const u of state.users.values()) if (u.email === email) return u;
  return undefined;
}

/** user_id as each revision writes it: the seed's string form, or the deployed numeric id. */
export function publicId(state: GcState, u: GcUser): string | number {
  return state.revision === 'seed' ? `user_${u.id}` : u.id;
}

/** The user a (checked) user_id names, in the revision's form. */
export function userById(state: GcState, id: string): GcUser | undefined {
  const m = state.revision === 'seed' ? /^user_(\d+)$/.exec(id) : /^(\d+)$/.exec(id);
  return m ? state.users.get(Number(m[1])) : undefined;
}

export function newToken(): string {
  return randomBytes(8).toString('hex');
}

export function newCode(): string {
  return String(randomInt(0, 10_000)).padStart(4, '0');
}

export function nextUserId(state: GcState): number {
  return Math.max(0, ...state.users.keys()) + 1;
}

/** `balance` as the revision/option writes it: the seed shows strings; deployed sends either. */
export function balanceOut(state: GcState, fen: bigint): string | number {
  const as = state.balanceAs ?? (state.revision === 'seed' ? 'string' : 'alternate');
  if (as === 'string') return fen.toString();
  if (as === 'number') return Number(fen);
  state.balanceFlip += 1;
  return state.balanceFlip % 2 === 1 ? fen.toString() : Number(fen);
}

/** `2018-10-15 23:07:40`, as the seed's time_stamp: China Standard Time (UTC+8), no zone marker. */
export function chinaTime(ms: number): string {
  return new Date(ms + 8 * 3600_000).toISOString().slice(0, 19).replace('T', ' ');
}
