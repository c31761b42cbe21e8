import { afterEach, describe, expect, it, vi } from 'vitest';
import { keepSessionFromContentScripts } from './session-access';

afterEach(() => vi.unstubAllGlobals());

describe('keepSessionFromContentScripts', () => {
  it('sets the session area to trusted contexts where the browser can open it (Chrome)', async () => {
    const setAccessLevel = vi.fn(() => Promise.resolve());
    vi.stubGlobal('chrome', { storage: { session: { setAccessLevel } } });
    await keepSessionFromContentScripts();
    expect(setAccessLevel).toHaveBeenCalledWith({ accessLevel: 'TRUSTED_CONTEXTS' });
  });

  it('has nothing to set where the area has no access levels (Firefox), and does not fail', async () => {
    vi.stubGlobal('chrome', { storage: { session: {} } });
    await expect(keepSessionFromContentScripts()).resolves.toBeUndefined();
  });
});
