/** What the HiCoin simulator remembers: the app, its redirect URIs, codes, tokens and sessions. */
import { randomBytes } from 'node:crypto';
import { DEMO, MERCHANT_PATHS } from '../../contract';
import type { SeedOptions } from '../../types';
import type { ReplyStyle } from './codes';

/** Seed 004 gives no lifetimes; WeChat's: codes 5 minutes, access 7200 s, refresh 30 days. */
export const CODE_TTL_MS = 5 * 60_000;
export const DEFAULT_TOKEN_TTL_S = 7200;
export const REFRESH_TTL_MS = 30 * 24 * 3_600_000;
const SESSION_TTL_MS = 30 * 60_000;

export type HicoinScope = 'snsapi_base' | 'snsapi_userinfo';

export interface HicoinApp {
  appId: string;
  secret: string;
  name: string;
  redirectUris: string[];
}

export interface Grant {
  appId: string;
  openid: string;
  scope: HicoinScope;
}

export interface CodeRecord extends Grant {
  code: string;
  expiresAt: number;
  used: boolean;
  /** PKCE S256 challenge the authorize request carried, if any. */
  codeChallenge?: string;
}

export interface TokenRecord extends Grant {
  token: string;
  expiresAt: number;
}

export interface ConsentSession {
  appId: string;
  redirectUri: string;
  state: string | null;
  codeChallenge?: string;
}

export function randomToken(prefix: string): string {
  return `${prefix}_${randomBytes(20).toString('hex')}`;
}

export class HicoinState {
  apps = new Map<string, HicoinApp>();
  codes = new Map<string, CodeRecord>();
  accessTokens = new Map<string, TokenRecord>();
  refreshTokens = new Map<string, TokenRecord>();
  sessions = new Map<string, { expiresAt: number; data: ConsentSession }>();
  replyStyle: ReplyStyle = 'bare';
  tokenTtlSeconds = DEFAULT_TOKEN_TTL_S;

  constructor(origin: string) {
    const d = DEMO.hicoin;
    this.apps.set(d.appId, {
      appId: d.appId,
      secret: d.secret,
      name: 'CoinDock Demo',
      redirectUris: [origin + MERCHANT_PATHS.hicoinReturn],
    });
  }

  /** Seed options: hicoinRedirectUris (added), hicoinReplyStyle, hicoinTokenTtlSeconds. */
  seed(opts: SeedOptions): void {
    const uris = opts.hicoinRedirectUris;
    if (uris !== undefined) {
      if (!Array.isArray(uris) || !uris.every((u) => typeof u === 'string' && isHttpUrl(u))) {
        throw new Error('hicoinRedirectUris must be an array of absolute URLs');
      }
      const app = this.apps.get(DEMO.hicoin.appId);
      for (const u of uris) if (app && !app.redirectUris.includes(u)) app.redirectUris.push(u);
    }
    const style = opts.hicoinReplyStyle;
    if (style !== undefined) {
      if (style !== 'bare' && style !== 'wrapped')
        throw new Error("hicoinReplyStyle must be 'bare' or 'wrapped'");
      this.replyStyle = style;
    }
    const ttl = opts.hicoinTokenTtlSeconds;
    if (ttl !== undefined) {
      if (typeof ttl !== 'number' || !Number.isInteger(ttl) || ttl < 1 || ttl > 365 * 86_400) {
        throw new Error(
          'hicoinTokenTtlSeconds must be a whole number of seconds from 1 to one year',
        );
      }
      this.tokenTtlSeconds = ttl;
    }
  }

  newSession(now: number, data: ConsentSession): string {
    for (const [id, s] of this.sessions) if (s.expiresAt < now) this.sessions.delete(id);
    const id = randomBytes(16).toString('hex');
    this.sessions.set(id, { expiresAt: now + SESSION_TTL_MS, data });
    return id;
  }

  takeSession(id: string, now: number): ConsentSession | undefined {
    const s = this.sessions.get(id);
    this.sessions.delete(id);
    return s && s.expiresAt >= now ? s.data : undefined;
  }

  snapshot(): unknown {
    return {
      apps: [...this.apps.values()].map((a) => ({
        appId: a.appId,
        name: a.name,
        redirectUris: a.redirectUris,
      })),
      replyStyle: this.replyStyle,
      tokenTtlSeconds: this.tokenTtlSeconds,
      codes: [...this.codes.values()],
      accessTokens: [...this.accessTokens.values()],
      refreshTokens: [...this.refreshTokens.values()],
    };
  }
}

export function isHttpUrl(text: string): boolean {
  try {
    const u = new URL(text);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
