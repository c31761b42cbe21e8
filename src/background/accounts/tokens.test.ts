import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, memoryArea } from '../../core/store';
import { errors, hasCode } from '../../core/errors';
import type { TokenSet } from '../../core/accounts';
import { createVaultService } from '../vault-service';
import { createAccountStore } from './account-store';
import { createTokenService } from './tokens';

// The token service arms chrome.alarms; a minimal stand-in records what it was asked.
const alarms = new Map<string, { when?: number }>();
beforeEach(() => {
  alarms.clear();
  vi.stubGlobal('chrome', {
    alarms: {
      create: (name: string, info: { when?: number }) => (
        alarms.set(name, info),
        Promise.resolve()
      ),
      clear: (name: string) => Promise.resolve(alarms.delete(name)),
    },
  });
});
afterEach(() => vi.unstubAllGlobals());

async function setup(refresh: (rt: string) => Promise<TokenSet>) {
  const store = createStore({ local: memoryArea(), session: memoryArea() });
  const vault = createVaultService(store);
  await vault.create('correct horse battery');
  const accounts = createAccountStore(store);
  await accounts.put({
    platform: 'fomo',
    state: 'connected',
    label: 'Alice',
    details: {},
    connectedAt: 1,
    updatedAt: 1,
  });
  let now = 1_000_000;
  const tokens = createTokenService({
    vault,
    accounts,
    refresher: async () => refresh,
    now: () => now,
  });
  return { tokens, accounts, vault, advance: (ms: number) => (now += ms), now: () => now };
}

describe('token service', () => {
  it('50 concurrent callers on an expired token share exactly one refresh', async () => {
    let calls = 0;
    const env = await setup(async (rt) => {
      calls++;
      await new Promise((r) => setTimeout(r, 20));
      return { accessToken: `at-${calls}`, refreshToken: rt, expiresAt: env.now() + 3_600_000 };
    });
    await env.tokens.save('fomo', {
      accessToken: 'at-0',
      refreshToken: 'rt',
      expiresAt: env.now() + 1000,
    });
    env.advance(5000);
    const got = await Promise.all(Array.from({ length: 50 }, () => env.tokens.accessToken('fomo')));
    expect(calls).toBe(1);
    expect(new Set(got)).toEqual(new Set(['at-1']));
    // The next refresh is armed ahead of the new expiry.
    expect(alarms.get('token-refresh:fomo')?.when).toBe(env.now() + 3_600_000 - 5 * 60_000);
  });

  it('an auth-expired answer refreshes once and retries; a caller with a stale token does not refresh again', async () => {
    let calls = 0;
    const env = await setup(async () => ({ accessToken: `new-${++calls}`, refreshToken: 'rt2' }));
    await env.tokens.save('fomo', { accessToken: 'old', refreshToken: 'rt' });
    const seen: string[] = [];
    const result = await env.tokens.withToken('fomo', async (at) => {
      seen.push(at);
      if (at === 'old') throw errors.auth_expired(undefined, { platform: 'fomo' });
      return 'ok';
    });
    expect(result).toBe('ok');
    expect(seen).toEqual(['old', 'new-1']);
    // Someone else still holding "old" asks again: the stored token is newer, no new request.
    expect((await env.tokens.refresh('fomo', 'old')).accessToken).toBe('new-1');
    expect(calls).toBe(1);
  });

  it('a refused refresh marks the account “needs reconnecting”; a network failure marks it “error”; neither removes it', async () => {
    let fail: Error = errors.auth_expired(undefined, { platform: 'fomo' });
    const env = await setup(async () => {
      throw fail;
    });
    await env.tokens.save('fomo', { accessToken: 'at', refreshToken: 'rt' });
    await expect(env.tokens.refresh('fomo', 'at')).rejects.toSatisfy((e) =>
      hasCode(e, 'auth_expired'),
    );
    expect(await env.accounts.get('fomo')).toMatchObject({
      state: 'needs_reconnect',
      label: 'Alice',
    });
    fail = errors.network(undefined, { platform: 'fomo' });
    await expect(env.tokens.refresh('fomo', 'at')).rejects.toSatisfy((e) => hasCode(e, 'network'));
    expect(await env.accounts.get('fomo')).toMatchObject({ state: 'error' });
    expect(await env.tokens.read('fomo')).toMatchObject({ accessToken: 'at' });
  });

  it('keeps tokens only in the vault and forgets them on disconnect', async () => {
    const env = await setup(async () => ({ accessToken: 'x' }));
    await env.tokens.save('fomo', {
      accessToken: 'secret-at',
      refreshToken: 'secret-rt',
      expiresAt: env.now() + 10 * 60_000,
    });
    expect((await env.vault.status()).secretNames).toEqual(['token.fomo']);
    await env.tokens.forget('fomo');
    expect(await env.tokens.read('fomo')).toBeUndefined();
    expect(alarms.has('token-refresh:fomo')).toBe(false);
  });

  it('a refresh keeps what the token may do unless the platform says anew (FOMO: profile only)', async () => {
    const scopes = [undefined, 'userinfo'];
    const env = await setup(async (rt) => ({
      accessToken: 'at-new',
      refreshToken: rt,
      expiresAt: env.now() + 3_600_000,
      scope: scopes.shift(),
    }));
    await env.tokens.save('fomo', {
      accessToken: 'at-0',
      refreshToken: 'rt',
      expiresAt: env.now() + 1000,
      scope: 'userinfo paytoken',
    });
    await env.tokens.refresh('fomo');
    expect((await env.tokens.read('fomo'))?.scope).toBe('userinfo paytoken');
    await env.tokens.refresh('fomo');
    expect((await env.tokens.read('fomo'))?.scope).toBe('userinfo');
  });
});
