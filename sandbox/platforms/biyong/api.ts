/**
 * BiYong's merchant API endpoints (docs/providers/biyong.md, Endpoints), behind the frame and
 * signature checks of sim.ts. Each handler takes the parsed JSON parameters and returns the
 * envelope's `data`, or throws a BiyongFailure.
 */
import { randomBytes } from 'node:crypto';
import { AUTH_SCOPES, type AuthScope } from './consent-page';
import { RawNumber } from './raw-json';
import { BIYONG_STATUS, fail, grantKey, type BiyongState, type BiyongUser } from './state';
import { TOKEN_INFO } from './tokens';

export const PAGE_SIZE_MAX = 1000;

export interface ApiEnv {
  appId: string;
  now: number;
  state: BiyongState;
}

type Params = Record<string, unknown>;
export type ApiHandler = (p: Params, env: ApiEnv) => unknown;

function str(p: Params, name: string): string {
  const v = p[name];
  if (typeof v !== 'string' || v === '') fail(BIYONG_STATUS.business, `${name} is required`);
  return v;
}

/** The seed writes pageNo/pageSize/times as digit strings ("0"); plain JSON integers are accepted. */
function int(p: Params, name: string, required: boolean): number | undefined {
  const v = p[name];
  if (v === undefined || v === null || v === '') {
    if (required) fail(BIYONG_STATUS.business, `${name} is required`);
    return undefined;
  }
  const n = typeof v === 'string' && /^\d{1,16}$/.test(v) ? Number(v) : v;
  if (typeof n !== 'number' || !Number.isSafeInteger(n) || n < 0) {
    fail(BIYONG_STATUS.business, `${name} must be a non-negative integer`);
  }
  return n;
}

function page(p: Params): { pageNo: number; pageSize: number } {
  const pageNo = int(p, 'pageNo', true) ?? 0;
  const pageSize = int(p, 'pageSize', true) ?? 0;
  if (pageSize < 1 || pageSize > PAGE_SIZE_MAX) {
    fail(BIYONG_STATUS.business, `pageSize must be 1-${PAGE_SIZE_MAX}`);
  }
  return { pageNo, pageSize };
}

function user(p: Params, env: ApiEnv): BiyongUser {
  const openId = str(p, 'openId');
  const u = env.state.users.get(openId);
  if (!u) fail(BIYONG_STATUS.business, 'user not found');
  return u;
}

function grantsOf(u: BiyongUser, env: ApiEnv): Set<AuthScope> | undefined {
  return env.state.grants.get(grantKey(env.appId, u.openId));
}

export const API: Record<string, ApiHandler> = {
  /** §1.1: exchange the one-time biytoken for the openId and what the user granted. */
  '/biyong-user/auth': (p, env) => {
    const token = str(p, 'authToken');
    const pending = env.state.tokens.get(token);
    // One-time: the token is gone after the first attempt, whatever its outcome.
    env.state.tokens.delete(token);
    if (!pending || pending.appId !== env.appId || pending.expiresAt < env.now) {
      fail(BIYONG_STATUS.business, 'authToken invalid or expired');
    }
    env.state.grants.set(grantKey(env.appId, pending.openId), new Set(pending.scopes));
    return {
      authList: AUTH_SCOPES.filter((s) => pending.scopes.includes(s)),
      openId: pending.openId,
    };
  },

  /** §1.2: the merchant's own token for the user, 1–64 of [A-Za-z0-9_]. */
  '/biyong-user/update': (p, env) => {
    const u = user(p, env);
    if (!grantsOf(u, env))
      fail(BIYONG_STATUS.notAuthorized, 'user has not authorized this merchant');
    const token = p.token;
    if (token === undefined || token === null || token === '') {
      fail(BIYONG_STATUS.business, 'token is required');
    }
    if (typeof token !== 'string' || !/^[A-Za-z0-9_]{1,64}$/.test(token)) {
      fail(BIYONG_STATUS.business, 'token must be 1-64 letters, digits or underscores');
    }
    env.state.merchantTokens.set(grantKey(env.appId, u.openId), token);
    return null;
  },

  /** §1.3: fields present only as far as the grants allow; booleans as "true"/"false". */
  '/biyong-user/info': (p, env) => {
    const u = user(p, env);
    const g = grantsOf(u, env);
    const pub = g?.has('PUBLIC_INFO') ?? false;
    const phone = g?.has('PHONE') ?? false;
    const data: Record<string, string> = {
      auth: String(g !== undefined),
      pubInfoAuth: String(pub),
      phoneAuth: String(phone),
    };
    if (pub) {
      data.firstName = u.firstName;
      data.lastName = u.lastName;
      data.selfieUrl = u.selfieUrl;
      data.isKycPass = String(u.isKycPass);
    }
    if (phone) data.phone = u.phone;
    return data;
  },

  /** §1.4: the ledger, ascending by time, bounds inclusive (ledger.ts). */
  '/biyong-user/balance/page': (p, env) => {
    const u = user(p, env);
    if (!grantsOf(u, env)?.has('BALANCE')) {
      fail(BIYONG_STATUS.notAuthorized, 'user has not authorized BALANCE');
    }
    const { pageNo, pageSize } = page(p);
    const startTime = int(p, 'startTime', false);
    const endTime = int(p, 'endTime', false);
    if (startTime !== undefined && endTime !== undefined && startTime > endTime) {
      fail(BIYONG_STATUS.business, 'startTime is after endTime');
    }
    const { lo, hi } = env.state.ledger.range(startTime, endTime);
    const from = Math.min(hi, lo + pageNo * pageSize);
    const records = env.state.ledger.slice(from, Math.min(hi, from + pageSize));
    const asNumber = env.state.balanceAs === 'number';
    return {
      total: hi - lo,
      records: records.map((r) => ({
        tokenSymbol: r.tokenSymbol,
        balance: asNumber ? new RawNumber(r.balance) : r.balance,
        time: r.time,
      })),
    };
  },

  /** §2.1: the tokens BiYong supports. */
  '/common/token-info/page': (p) => {
    const { pageNo, pageSize } = page(p);
    const from = Math.min(TOKEN_INFO.length, pageNo * pageSize);
    return { total: TOKEN_INFO.length, records: TOKEN_INFO.slice(from, from + pageSize) };
  },
};

export function newBiytoken(): string {
  // Shaped like the seed's example (EuQkJ3mx4kinvHLFR3DPQ15SjVyh9): URL-safe letters and digits.
  return randomBytes(22).toString('base64url').replace(/[-_]/g, 'x');
}
