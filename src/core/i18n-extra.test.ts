/** A page's own strings join the language tables it loads, and only that page's. */
import { describe, expect, it } from 'vitest';
import { addStrings, languageLoaded, loadLanguage, t } from './i18n';
import { optionsEn } from './i18n/options-en';
import { optionsZh } from './i18n/options-zh';

describe('addStrings', () => {
  it('adds the options strings to each language as it loads, beside the shared ones', async () => {
    await loadLanguage('en');
    expect(t('en', 'setup.title')).toBe('setup.title');
    addStrings((lang) => Promise.resolve(lang === 'zh-CN' ? optionsZh : optionsEn));
    // Added strings make a loaded language incomplete until it is loaded again.
    expect(languageLoaded('en')).toBe(false);
    await loadLanguage('en');
    await loadLanguage('zh-CN');
    expect(t('en', 'setup.title')).toBe('Set up CoinDock');
    expect(t('zh-CN', 'setup.title')).toBe('设置 CoinDock');
    expect(t('en', 'options.title')).toBe('CoinDock settings');
  });

  it('the options table has the same keys in both languages', () => {
    expect(Object.keys(optionsZh).sort()).toEqual(Object.keys(optionsEn).sort());
  });
});
