/**
 * Access tokens: kept encrypted in the vault (`token.<platform>`), refreshed ahead of expiry by a
 * chrome.alarms alarm and on an auth-expired answer, single-flight per platform, so 50 concurrent
 * calls on an expired token cause exactly one refresh request. A refresh that fails with the
 * platform's own "no" marks the account "needs reconnecting"; a network failure leaves it as is.
 */
import * as v from 'valibot';
import { TokenSetSchema, type TokenSet } from '../../core/accounts';
import { errors, hasCode, toCoinDockError } from '../../core/errors';
import type { Platform } from '../../core/platform';
import type { VaultService } from '../vault-service';
import { alarms, clearAlarm, setAlarm } from '../alarms';
import type { AccountStore } from './account-store';

export const REFRESH_ALARM_PREFIX = 'token-refresh:';
/** Refresh this long before the platform's expiry. */
const AHEAD_MS = 5 * 60 * 1000;
/** A token this close to expiry is refreshed before use. */
const SKEW_MS = 30 * 1000;

export type Refresher = (refreshToken: string) => Promise<TokenSet>;

const tokenKey = (p: Platform) => `token.${p}`;

export function createTokenService(deps: {
  vault: VaultService;
  accounts: AccountStore;
  /** How each OAuth platform refreshes (built with the platform's client and stored keys). */
  refresher: (platform: Platform) => Promise<Refresher>;
  now?: () => number;
}) {
  const now = deps.now ?? Date.now;
  const inflight = new Map<Platform, Promise<TokenSet>>();

  async function read(platform: Platform): Promise<TokenSet | undefined> {
    const raw = await deps.vault.get(tokenKey(platform));
    if (!raw) return undefined;
    const parsed = v.safeParse(TokenSetSchema, JSON.parse(raw));
    return parsed.success ? parsed.output : undefined;
  }

  async function schedule(platform: Platform, t: TokenSet): Promise<void> {
    const name = REFRESH_ALARM_PREFIX + platform;
    await clearAlarm(name);
    if (t.expiresAt && t.refreshToken) {
      await setAlarm(name, { when: Math.max(now() + 30_000, t.expiresAt - AHEAD_MS) });
    }
  }

  const service = {
    read,
    async save(platform: Platform, t: TokenSet): Promise<void> {
      await deps.vault.write({ [tokenKey(platform)]: JSON.stringify(t) });
      await deps.accounts.patch(platform, { tokenExpiresAt: t.expiresAt });
      await schedule(platform, t);
    },
    async forget(platform: Platform): Promise<void> {
      await deps.vault.write({ [tokenKey(platform)]: undefined });
      await clearAlarm(REFRESH_ALARM_PREFIX + platform);
    },

    /**
     * Refresh; concurrent callers share one request. `stale` is the access token the caller found
     * unusable: if the stored one differs, someone already refreshed and no request is made.
     */
    refresh(platform: Platform, stale?: string): Promise<TokenSet> {
      const running = inflight.get(platform);
      if (running) return running;
      const p = (async () => {
        const current = await read(platform);
        if (current && stale !== undefined && current.accessToken !== stale) return current;
        if (!current?.refreshToken) {
          const e = errors.auth_expired(
            { en: 'Sign-in expired: reconnect this account', zh: '登录已过期：请重新连接此账户' },
            { platform },
          );
          await deps.accounts.markError(platform, 'needs_reconnect', e);
          throw e;
        }
        try {
          const next = await (await deps.refresher(platform))(current.refreshToken);
          // Some platforms do not rotate the refresh token: keep the old one then; likewise the
          // scope when the refresh says nothing of it.
          const merged = {
            ...next,
            refreshToken: next.refreshToken ?? current.refreshToken,
            scope: next.scope ?? current.scope,
          };
          await service.save(platform, merged);
          await deps.accounts.patch(platform, { state: 'connected', lastError: undefined });
          return merged;
        } catch (e) {
          const err = toCoinDockError(e, { platform });
          // The platform refused the refresh token: only reconnecting helps. Transport trouble
          // (network, timeout, 5xx, garbage) may pass: keep the account and its tokens.
          if (
            ['auth_expired', 'permission', 'signature', 'invalid_input', 'platform'].includes(
              err.code,
            )
          ) {
            await deps.accounts.markError(platform, 'needs_reconnect', err);
          } else {
            await deps.accounts.markError(platform, 'error', err);
          }
          throw err;
        }
      })().finally(() => inflight.delete(platform));
      inflight.set(platform, p);
      return p;
    },

    /** A usable access token: refreshed first if it is about to expire. */
    async accessToken(platform: Platform): Promise<string> {
      const inProgress = inflight.get(platform);
      const t = inProgress ? await inProgress : await read(platform);
      if (!t) {
        throw errors.not_configured({ en: 'Not connected', zh: '尚未连接' }, { platform });
      }
      if (t.expiresAt !== undefined && t.expiresAt - SKEW_MS <= now()) {
        return (await service.refresh(platform, t.accessToken)).accessToken;
      }
      return t.accessToken;
    },

    /** Run a call with the token; on an auth-expired answer refresh once and try again. */
    async withToken<T>(platform: Platform, call: (accessToken: string) => Promise<T>): Promise<T> {
      const token = await service.accessToken(platform);
      try {
        return await call(token);
      } catch (e) {
        if (!hasCode(e, 'auth_expired')) throw e;
        return call((await service.refresh(platform, token)).accessToken);
      }
    },
  };
  // One alarm per platform, found again by its name's suffix when it fires in a later worker.
  alarms.onPrefix(REFRESH_ALARM_PREFIX, (platform) => service.refresh(platform as Platform));
  return service;
}

export type TokenService = ReturnType<typeof createTokenService>;
