import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, memoryArea } from '../../core/store';
import { hasCode } from '../../core/errors';
import type { HandlerContext } from '../../core/message-protocol';
import { createVaultService } from '../vault-service';
import { vaultHandlers } from './vault';

beforeEach(() => {
  // The vault arms its auto-lock alarm on unlock.
  vi.stubGlobal('chrome', {
    alarms: { create: () => Promise.resolve(), clear: () => Promise.resolve(true) },
  });
});
afterEach(() => vi.unstubAllGlobals());

const PASS = 'correct horse battery';
const popup: HandlerContext = { kind: 'privileged', sender: { id: 'x' } };

async function setup(onUnlocked: () => Promise<unknown>) {
  const store = createStore({ local: memoryArea(), session: memoryArea(), idb: memoryArea() });
  const vault = createVaultService(store);
  await vault.create(PASS);
  await vault.lock();
  const h = vaultHandlers({
    vault,
    forgetEverything: async () => undefined,
    onUnlocked,
  });
  return { h, vault };
}

describe('vault/unlock', () => {
  it('starts the work that waited for the keys, without making the answer wait for it', async () => {
    let calls = 0;
    let keysThen: boolean | undefined;
    const env = await setup(async () => {
      calls++;
      // It runs with the vault already unlocked…
      keysThen = (await env.vault.status()).unlocked;
      // …and may take as long as the platforms do.
      await new Promise(() => undefined);
    });
    const status = await env.h['vault/unlock']({ passphrase: PASS }, popup);
    expect(status.unlocked).toBe(true);
    await vi.waitFor(() => expect(keysThen).toBe(true));
    expect(calls).toBe(1);
  });

  it('a wrong passphrase starts nothing', async () => {
    const onUnlocked = vi.fn(async () => undefined);
    const env = await setup(onUnlocked);
    const err = await env.h['vault/unlock']({ passphrase: 'wrong' }, popup).catch(
      (e: unknown) => e,
    );
    expect(hasCode(err, 'locked')).toBe(true);
    expect(onUnlocked).not.toHaveBeenCalled();
  });

  it('a failure of that work is not the unlock’s', async () => {
    const env = await setup(() => Promise.reject(new Error('platform down')));
    expect((await env.h['vault/unlock']({ passphrase: PASS }, popup)).unlocked).toBe(true);
  });

  it('changing the passphrase of a locked vault unlocks it and starts that work too', async () => {
    const onUnlocked = vi.fn(async () => undefined);
    const env = await setup(onUnlocked);
    const status = await env.h['vault/change-passphrase'](
      { oldPassphrase: PASS, newPassphrase: 'a new passphrase here' },
      popup,
    );
    expect(status.unlocked).toBe(true);
    expect(onUnlocked).toHaveBeenCalledTimes(1);
    // Changed again while unlocked: nothing waited for the keys, nothing starts.
    await env.h['vault/change-passphrase'](
      { oldPassphrase: 'a new passphrase here', newPassphrase: PASS },
      popup,
    );
    expect(onUnlocked).toHaveBeenCalledTimes(1);
  });
});
