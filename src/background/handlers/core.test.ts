import { describe, expect, it } from 'vitest';
import { createStore, memoryArea } from '../../core/store';
import { KEYS } from '../../core/storage-keys';
import { toCoinDockError } from '../../core/errors';
import { returnUrlMatchPatterns, platformForReturnUrl, defaultSettings } from '../../core/settings';
import { dispatchTo } from '../../core/message-test-kit';
import { coreHandlers } from './core';

/** The settings handlers behind the real dispatcher, as the options page reaches them. */
function setup() {
  const store = createStore({ local: memoryArea(), session: memoryArea(), idb: memoryArea() });
  const h = coreHandlers({
    store,
    startedAt: 0,
    version: 't',
    onSettingsChanged: async () => undefined,
  });
  return { store, send: dispatchTo(h).send };
}

describe('settings/update: addresses that carry secrets or money', () => {
  it('refuses a plain http: custom base URL, in words, and keeps what was stored', async () => {
    const { store, send } = setup();
    const patch = {
      platforms: {
        grandchain: { environment: 'custom' as const, customBaseUrl: 'http://www.vaskka.com/' },
      },
    };
    const e = toCoinDockError(await send('settings/update', patch).catch((x: unknown) => x));
    expect(e.code).toBe('insecure_transport');
    expect(e.messages.en).toContain('http://www.vaskka.com/ is plain http:');
    expect(e.messages.zh).toContain('未加密');
    expect((await store.get(KEYS.settings)).platforms.grandchain.environment).toBe('production');
  });

  it('refuses a plain http: return URL', async () => {
    const { send } = setup();
    const patch = { platforms: { fomo: { returnUrls: ['http://shop.example/pay/return'] } } };
    const e = toCoinDockError(await send('settings/update', patch).catch((x: unknown) => x));
    expect(e.code).toBe('insecure_transport');
  });

  it('accepts https: and http: to this computer', async () => {
    const { send } = setup();
    const saved = await send('settings/update', {
      platforms: {
        fomo: {
          returnUrls: ['https://shop.example/pay/return', 'http://127.0.0.1:8787/r'],
        },
        gow: { environment: 'custom', customBaseUrl: 'http://localhost:9000/gow' },
      },
    });
    expect(saved.platforms.fomo.returnUrls).toHaveLength(2);
    expect(saved.platforms.gow.customBaseUrl).toBe('http://localhost:9000/gow');
  });

  it('does not watch an http: return URL stored before the rule', () => {
    const s = defaultSettings();
    s.platforms.fomo.returnUrls = ['http://shop.example/pay/return', 'https://shop.example/ok'];
    expect(returnUrlMatchPatterns(s)).toEqual(['https://shop.example/ok*']);
    expect(platformForReturnUrl(s, 'http://shop.example/pay/return?status=1')).toBeUndefined();
    expect(platformForReturnUrl(s, 'https://shop.example/ok?status=1')).toBe('fomo');
  });
});
