/**
 * Everything the FOMO simulator remembers: the registered app, its redirect URIs, the demo user's
 * wallet, the merchant's wallet, codes, tokens, consent/pay sessions and transfers.
 */
import { randomBytes } from 'node:crypto';
import { DEMO, MERCHANT_PATHS } from '../../contract';
import type { SeedOptions } from '../../types';
import { formatAmount, parseAmount } from './amounts';

/** Seed 000 says nothing on lifetimes; these are the usual OAuth defaults (sandbox/README.md). */
export const CODE_TTL_MS = 10 * 60_000;
export const DEFAULT_TOKEN_TTL_S = 2 * 3600;
export const REFRESH_TTL_MS = 30 * 24 * 3_600_000;
/** How long a consent or pay page stays usable. */
export const SESSION_TTL_MS = 30 * 60_000;
/** What the demo merchant holds of each coin, so direction 2 (merchant pays the user) works. */
const MERCHANT_FLOAT = '1000000';

export type FomoScope = 'userinfo' | 'paytoken';
export const FOMO_SCOPES: readonly FomoScope[] = ['userinfo', 'paytoken'];

export interface FomoClient {
  clientId: string;
  clientSecret: string;
  name: string;
  redirectUris: string[];
}

export interface AuthCode {
  code: string;
  clientId: string;
  userId: string;
  redirectUri: string;
  scopes: FomoScope[];
  expiresAt: number;
  used: boolean;
  /** PKCE S256 challenge the authorize request carried, if any. */
  codeChallenge?: string;
}

export interface AccessToken {
  token: string;
  clientId: string;
  userId: string;
  scopes: FomoScope[];
  expiresAt: number;
  /** The code it came from, so a replayed code can revoke it (RFC 6749 §4.1.2). */
  fromCode?: string;
  revoked: boolean;
}

export interface RefreshToken {
  token: string;
  clientId: string;
  userId: string;
  scopes: FomoScope[];
  expiresAt: number;
  fromCode?: string;
  revoked: boolean;
}

export interface CallbackAttempt {
  /** Platform clock ms. */
  at: number;
  /** HTTP status the merchant answered; 0 when it could not be reached. */
  status: number;
}

export interface Transfer {
  transferId: string;
  clientId: string;
  userId: string;
  tradeId: string;
  coinId: string;
  amount: string;
  cutAmount: string;
  direction: 1 | 2;
  serverUri: string;
  at: number;
  callbacks: CallbackAttempt[];
  /** True once the merchant answered 200, or when the retries ran out. */
  callbackDone: boolean;
}

export function randomToken(prefix: string): string {
  return `${prefix}_${randomBytes(20).toString('hex')}`;
}

export class FomoState {
  clients = new Map<string, FomoClient>();
  /** userId → coinId → units. */
  wallets = new Map<string, Map<string, bigint>>();
  /** clientId → coinId → units. */
  merchantWallets = new Map<string, Map<string, bigint>>();
  codes = new Map<string, AuthCode>();
  accessTokens = new Map<string, AccessToken>();
  refreshTokens = new Map<string, RefreshToken>();
  /** Consent and pay page sessions by id: what the page's form will confirm. */
  sessions = new Map<string, { kind: 'consent' | 'pay'; expiresAt: number; data: unknown }>();
  transfers: Transfer[] = [];
  /** clientId → trade ids already paid (seed 附录: a repeated trade_id is 201). */
  tradeIds = new Map<string, Set<string>>();
  tokenTtlSeconds = DEFAULT_TOKEN_TTL_S;
  private nextTransfer = 1;

  constructor(private readonly origin: string) {
    const d = DEMO.fomo;
    this.clients.set(d.clientId, {
      clientId: d.clientId,
      clientSecret: d.clientSecret,
      name: 'CoinDock Demo',
      redirectUris: [origin + MERCHANT_PATHS.fomoReturn, origin + MERCHANT_PATHS.fomoFront],
    });
    const wallet = new Map<string, bigint>();
    for (const [coin, bal] of Object.entries(d.balances)) wallet.set(coin, mustParse(bal));
    this.wallets.set(d.user.userId, wallet);
    const float = new Map<string, bigint>();
    for (const coin of Object.keys(d.coins)) float.set(coin, mustParse(MERCHANT_FLOAT));
    this.merchantWallets.set(d.clientId, float);
  }

  /** Seed options: fomoRedirectUris (added), fomoTokenTtlSeconds. Throws on bad input. */
  seed(opts: SeedOptions): void {
    const uris = opts.fomoRedirectUris;
    if (uris !== undefined) {
      if (!Array.isArray(uris) || !uris.every((u) => typeof u === 'string' && isAbsoluteUrl(u))) {
        throw new Error('fomoRedirectUris must be an array of absolute URLs');
      }
      const client = this.clients.get(DEMO.fomo.clientId);
      for (const u of uris)
        if (client && !client.redirectUris.includes(u)) client.redirectUris.push(u);
    }
    const ttl = opts.fomoTokenTtlSeconds;
    if (ttl !== undefined) {
      if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 1 || ttl > 365 * 86_400) {
        throw new Error('fomoTokenTtlSeconds must be a whole number of seconds from 1 to one year');
      }
      this.tokenTtlSeconds = ttl;
    }
  }

  newTransferId(): string {
    return String(880_000 + this.nextTransfer++);
  }

  newSession(kind: 'consent' | 'pay', now: number, data: unknown): string {
    for (const [id, s] of this.sessions) if (s.expiresAt < now) this.sessions.delete(id);
    const id = randomBytes(16).toString('hex');
    this.sessions.set(id, { kind, expiresAt: now + SESSION_TTL_MS, data });
    return id;
  }

  /** One-time: a session's form can be submitted once. */
  takeSession(id: string, kind: 'consent' | 'pay', now: number): unknown {
    const s = this.sessions.get(id);
    if (!s || s.kind !== kind) return undefined;
    this.sessions.delete(id);
    return s.expiresAt >= now ? s.data : undefined;
  }

  snapshot(): unknown {
    const wallets = (m: Map<string, Map<string, bigint>>) =>
      Object.fromEntries(
        [...m].map(([k, w]) => [
          k,
          Object.fromEntries([...w].map(([c, u]) => [c, formatAmount(u)])),
        ]),
      );
    return {
      clients: [...this.clients.values()].map((c) => ({
        clientId: c.clientId,
        name: c.name,
        redirectUris: c.redirectUris,
      })),
      tokenTtlSeconds: this.tokenTtlSeconds,
      wallets: wallets(this.wallets),
      merchantWallets: wallets(this.merchantWallets),
      codes: [...this.codes.values()],
      accessTokens: [...this.accessTokens.values()],
      refreshTokens: [...this.refreshTokens.values()],
      transfers: this.transfers.map((t) => ({ ...t, callbacks: [...t.callbacks] })),
    };
  }
}

function mustParse(text: string): bigint {
  const v = parseAmount(text);
  if (v === undefined) throw new Error(`bad demo amount ${text}`);
  return v;
}

export function isAbsoluteUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
