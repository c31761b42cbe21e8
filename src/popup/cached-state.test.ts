import { afterEach, describe, expect, it, vi } from 'vitest';
import { createVault } from '../core/vault';

/** A chrome.storage area holding `data`. */
function area(data: Record<string, unknown>) {
  return {
    get: (keys: string[]) =>
      Promise.resolve(Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]]))),
    set: (items: Record<string, unknown>) => Promise.resolve(void Object.assign(data, items)),
    remove: (key: string) => Promise.resolve(void delete data[key]),
    clear: () => Promise.resolve(),
  };
}

/** The popup's first read, in a fresh module graph (a fresh store) over these stored values. */
async function popupReads(local: Record<string, unknown>, session: Record<string, unknown>) {
  vi.resetModules();
  vi.stubGlobal('chrome', { storage: { local: area(local), session: area(session) } });
  const { readCachedState } = await import('./cached-state');
  return readCachedState();
}

afterEach(() => vi.unstubAllGlobals());

describe('popup lock state', () => {
  it('comes from the public flag the vault service writes, never from the vault key', async () => {
    const { sealed } = await createVault('correct horse battery');
    // The key alone does not make the popup think the vault is open: it does not read it.
    const keyOnly = await popupReads({ vault: sealed }, { vaultKey: 'raw key' });
    expect(keyOnly.vault).toMatchObject({ exists: true, unlocked: false });
    const flagged = await popupReads({ vault: sealed }, { vaultUnlocked: true });
    expect(flagged.vault).toMatchObject({ exists: true, unlocked: true });
    // No vault: nothing to unlock, whatever the flag says.
    expect((await popupReads({}, { vaultUnlocked: true })).vault.unlocked).toBe(false);
  });
});
