import { describe, expect, it, vi } from 'vitest';

/** A fresh copy of the i18n module: no tables loaded (the test setup loads both into its own). */
async function freshI18n() {
  vi.resetModules();
  return import('./i18n');
}

describe('language tables', () => {
  it('loads one language at a time, on demand', async () => {
    const i18n = await freshI18n();
    expect(i18n.languageLoaded('en')).toBe(false);
    expect(i18n.languageLoaded('zh-CN')).toBe(false);
    await i18n.loadLanguage('zh-CN');
    expect(i18n.languageLoaded('zh-CN')).toBe(true);
    expect(i18n.languageLoaded('en')).toBe(false);
    expect(i18n.t('zh-CN', 'account.connect')).toBe('连接');
    expect(i18n.t('zh-CN', 'time.minutesAgo', { n: 3 })).toBe('3 分钟前');
  });

  it('speaks a loaded language, and says so, when asked for one not loaded', async () => {
    const i18n = await freshI18n();
    const error = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    // Nothing loaded at all: the key, never a crash.
    expect(i18n.t('en', 'account.connect')).toBe('account.connect');
    await i18n.loadLanguage('en');
    expect(i18n.t('zh-CN', 'account.connect')).toBe('Connect');
    expect(error).toHaveBeenCalledTimes(2);
    expect(String(error.mock.calls[1]![0])).toContain('zh-CN');
    error.mockRestore();
  });

  it('the tables have the same keys and the same placeholders', async () => {
    const { en } = await import('./i18n/en');
    const { zh } = await import('./i18n/zh');
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
    }
  });
});
