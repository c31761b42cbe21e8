import { describe, expect, it, vi } from 'vitest';
import { createStore, memoryArea } from '../core/store';
import { KEYS } from '../core/storage-keys';
import { defaultSettings, mergeSettings, type SettingsPatch } from '../core/settings';
import { hasCode, toCoinDockError } from '../core/errors';
import { httpRequest } from '../core/http';
import { providerContext } from './provider-context';

async function storeWith(patch: SettingsPatch) {
  const store = createStore({ local: memoryArea(), session: memoryArea() });
  await store.set(KEYS.settings, mergeSettings(defaultSettings(), patch));
  return store;
}

describe('transport: no secret or money over plain http: to another computer', () => {
  it('refuses Grand Chain’s documented production gateway (http://www.vaskka.com), in words', async () => {
    const store = await storeWith({});
    const e = toCoinDockError(await providerContext(store, 'grandchain').catch((x: unknown) => x));
    expect(e.code).toBe('insecure_transport');
    expect(e.messages.en).toMatch(/Grand Chain.*http:.*password.*https:/);
    expect(e.messages.zh).toMatch(/大链.*http:.*密码.*https:/);
  });

  it('refuses FOMO’s http: test address, and a custom http: base stored before the rule', async () => {
    const fomo = await storeWith({ platforms: { fomo: { environment: 'test' } } });
    expect(
      hasCode(await providerContext(fomo, 'fomo').catch((x: unknown) => x), 'insecure_transport'),
    ).toBe(true);
    const custom = await storeWith({
      platforms: { gow: { environment: 'custom', customBaseUrl: 'http://gow.example/api' } },
    });
    expect(
      hasCode(await providerContext(custom, 'gow').catch((x: unknown) => x), 'insecure_transport'),
    ).toBe(true);
  });

  it('accepts https: and the loopback sandbox (127.0.0.0/8, ::1, localhost)', async () => {
    for (const base of [
      'https://www.vaskka.com/grand/chain/',
      'http://127.0.0.1:9/grandchain/',
      'http://127.8.9.10/g/',
      'http://[::1]:8787/g/',
      'http://localhost:8787/g/',
    ]) {
      const store = await storeWith({
        platforms: { grandchain: { environment: 'custom', customBaseUrl: base } },
      });
      expect((await providerContext(store, 'grandchain')).baseUrl).toBe(base);
    }
    const sandbox = await storeWith({ platforms: { grandchain: { environment: 'sandbox' } } });
    expect((await providerContext(sandbox, 'grandchain')).baseUrl).toMatch(
      /^http:\/\/127\.0\.0\.1/,
    );
  });

  it('checks every request too: an http: URL built from an https: base is not fetched', async () => {
    const store = await storeWith({
      platforms: {
        grandchain: { environment: 'custom', customBaseUrl: 'https://gc.example/grand/chain/' },
      },
    });
    const spy = vi.fn(() => Promise.resolve(new Response('{}')));
    vi.stubGlobal('fetch', spy);
    try {
      const ctx = await providerContext(store, 'grandchain');
      const e = await httpRequest(ctx, {
        platform: 'grandchain',
        endpoint: 'login',
        url: 'http://gc.example/grand/chain/login/',
        method: 'POST',
        body: 'password=secret',
      }).catch((x: unknown) => x);
      expect(hasCode(e, 'insecure_transport')).toBe(true);
      expect(spy).not.toHaveBeenCalled();
    } finally {
      vi.unstubAllGlobals();
    }
  });
});
