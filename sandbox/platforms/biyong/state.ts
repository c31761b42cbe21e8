/**
 * What the BiYong simulator remembers: registered merchants, the demo user and the grants each
 * merchant holds, one-time biytokens, the ledger and the messageIds already seen.
 */
import type { KeyObject } from 'node:crypto';
import { DEMO } from '../../contract';
import type { AuthScope } from './consent-page';
import { Ledger, LEDGER_DEFAULT } from './ledger';
import { publicKeyFromBase64 } from './wire';

/** BiYong's status codes (docs/providers/biyong.md, Errors). */
export const BIYONG_STATUS = {
  ok: '0',
  business: '100000',
  callError: '100100',
  apiForbidden: '100101',
  notAuthorized: '100102',
  timestamp: '100400',
  signature: '100401',
} as const;

/** A failure inside an API handler, answered as a signed envelope. */
export class BiyongFailure extends Error {
  constructor(
    readonly status: string,
    message: string,
  ) {
    super(message);
    this.name = 'BiyongFailure';
  }
}

export function fail(status: string, message: string): never {
  throw new BiyongFailure(status, message);
}

export interface Merchant {
  publicKey: KeyObject;
  /** API paths this merchant may not call (seed option `biyongDeniedApis`) → 100101. */
  denied: Set<string>;
}

export interface BiyongUser {
  openId: string;
  nickname: string;
  firstName: string;
  lastName: string;
  /** Seed 002 §1.3 writes phones as `86-13300000000`. */
  phone: string;
  selfieUrl: string;
  isKycPass: boolean;
}

export interface PendingToken {
  appId: string;
  openId: string;
  scopes: AuthScope[];
  expiresAt: number;
}

export interface BiyongState {
  merchants: Map<string, Merchant>;
  users: Map<string, BiyongUser>;
  /** `${appId} ${openId}` → scopes granted; absent = never authorized. */
  grants: Map<string, Set<AuthScope>>;
  /** `${appId} ${openId}` → the merchant's own token from /biyong-user/update. */
  merchantTokens: Map<string, string>;
  tokens: Map<string, PendingToken>;
  ledger: Ledger;
  /** messageId (hex) → the request timestamp, for replay detection inside the window. */
  seen: Map<string, number>;
  lastMessageId: Buffer | undefined;
  balanceAs: 'string' | 'number';
}

/** `+8613800000001` → `86-13800000001`. */
function seedPhone(e164: string): string {
  const m = /^\+(86)(\d+)$/.exec(e164);
  return m ? `${m[1]}-${m[2]}` : e164.replace(/^\+/, '');
}

export function freshState(ledgerSize = LEDGER_DEFAULT): BiyongState {
  const u = DEMO.biyong.user;
  return {
    merchants: new Map([
      [
        DEMO.biyong.appId,
        { publicKey: publicKeyFromBase64(DEMO.biyong.merchantPublicKey), denied: new Set() },
      ],
    ]),
    users: new Map([
      [
        u.openId,
        {
          openId: u.openId,
          nickname: u.nickname,
          firstName: 'Alice',
          lastName: 'Chen',
          phone: seedPhone(u.phone),
          selfieUrl: 'https://static.biyong.example/avatar/alice.png',
          isKycPass: true,
        },
      ],
    ]),
    grants: new Map(),
    merchantTokens: new Map(),
    tokens: new Map(),
    ledger: new Ledger(ledgerSize),
    seen: new Map(),
    lastMessageId: undefined,
    balanceAs: 'string',
  };
}

export function grantKey(appId: string, openId: string): string {
  return `${appId} ${openId}`;
}
