import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, memoryArea } from '../core/store';
import { KEYS } from '../core/storage-keys';
import { idbDatabases, wipeStorage } from '../ext/storage';
import { alarms } from './alarms';
import { AUTO_LOCK_ALARM, createVaultService } from './vault-service';
import { stubAlarms } from './transfers/test-kit';

// The vault arms its auto-lock alarm on unlock; the stand-in keeps what was armed.
let armed: ReturnType<typeof stubAlarms>['alarms'];
beforeEach(() => ({ alarms: armed } = stubAlarms()));
afterEach(() => vi.unstubAllGlobals());

const PASS = 'correct horse battery';

async function setup() {
  const session = memoryArea();
  const store = createStore({ local: memoryArea(), session, databases: idbDatabases });
  const vault = createVaultService(store);
  const flag = () => store.get(KEYS.vaultUnlocked);
  return { session, store, vault, flag };
}

describe('the public lock flag', () => {
  it('is set on create and unlock and cleared on lock, beside the key it never holds', async () => {
    const { session, vault, flag } = await setup();
    expect(await flag()).toBe(false);
    await vault.create(PASS);
    expect(await flag()).toBe(true);
    expect(session.dump().vaultUnlocked).toBe(true);
    expect(typeof session.dump().vaultKey).toBe('string');
    await vault.lock();
    expect(await flag()).toBe(false);
    expect(session.dump().vaultKey).toBeNull();
    await vault.unlock(PASS);
    expect(await flag()).toBe(true);
    // Only a boolean, whatever the state: nothing of the key is readable through it.
    expect(Object.values(session.dump()).filter((v) => typeof v === 'string')).toEqual([
      session.dump().vaultKey,
    ]);
  });

  it('is cleared by the auto-lock alarm, which the vault registered on the worker’s router', async () => {
    const { vault, flag } = await setup();
    await vault.create(PASS);
    expect(armed.has(AUTO_LOCK_ALARM)).toBe(true);
    await alarms.route(AUTO_LOCK_ALARM)?.();
    expect(await flag()).toBe(false);
    expect((await vault.status()).unlocked).toBe(false);
  });

  it('is cleared by a wipe ("forget everything"), and by destroying the vault', async () => {
    const a = await setup();
    await a.vault.create(PASS);
    await wipeStorage(a.store);
    expect(await a.flag()).toBe(false);
    const b = await setup();
    await b.vault.create(PASS);
    await b.vault.destroy();
    expect(await b.flag()).toBe(false);
  });
});
