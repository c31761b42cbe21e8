import { describe, expect, it } from 'vitest';
import { createStore, memoryArea } from './store';
import { KEYS, MIGRATIONS } from './storage-keys';
import { PLATFORMS } from './platform';

describe('stored data migrations', () => {
  it('bring a version-1 store (settings without config) to the current shape, keeping the user’s choices', async () => {
    const local = memoryArea();
    const v1Platforms = Object.fromEntries(
      PLATFORMS.map((p) => [
        p,
        { environment: p === 'gow' ? 'test' : 'production', returnUrls: [] },
      ]),
    );
    await local.set('schemaVersion', 1);
    await local.set('settings', {
      language: 'zh-CN',
      sandboxOrigin: 'http://127.0.0.1:8787',
      platforms: v1Platforms,
    });
    const store = createStore({ local, session: memoryArea() }, (k) => {
      throw new Error(`invalid stored ${k}`);
    });
    expect(await store.migrate(MIGRATIONS)).toEqual(
      MIGRATIONS.filter((m) => m.version > 1).map((m) => m.version),
    );
    const s = await store.get(KEYS.settings);
    expect(s.language).toBe('zh-CN');
    expect(s.platforms.gow).toEqual({ environment: 'test', returnUrls: [], config: {} });
  });

  it('start a new store at the latest version with defaults', async () => {
    const store = createStore({ local: memoryArea(), session: memoryArea() });
    const applied = await store.migrate(MIGRATIONS);
    expect(applied.at(-1)).toBe(Math.max(...MIGRATIONS.map((m) => m.version)));
    expect((await store.get(KEYS.settings)).platforms.fomo.config).toEqual({});
  });
});
