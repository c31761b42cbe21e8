/**
 * Strings for people, in English and Simplified Chinese. `resolveLanguage` picks the browser's
 * language unless the user chose one; `t` fills `{name}` placeholders.
 *
 * Each language's table is a module of its own (i18n/en.ts, i18n/zh.ts). Pages load only the one
 * they show (`loadLanguage`, before they render; the popup's JavaScript budget counts); the
 * worker and the content script, which may speak either and cannot wait, take both at start
 * (i18n-both.ts).
 */
import type { LanguageSetting } from './settings';
import type { MessageKey as BaseKey } from './i18n/en';
import type { OptionsKey } from './i18n/options-en';

/** Every string's key: the shared table's, and the options page's own (loaded only there). */
export type MessageKey = BaseKey | OptionsKey;
export type Lang = 'en' | 'zh-CN';
type Table = Record<BaseKey, string> & Partial<Record<OptionsKey, string>>;

const tables: Partial<Record<Lang, Table>> = {};

/** More strings a page adds to every language it loads (see addStrings). */
type ExtraStrings = (lang: Lang) => Promise<Partial<Record<MessageKey, string>>>;
const extras: ExtraStrings[] = [];
const complete = new Set<Lang>();

/**
 * A page's own strings, kept out of the shared table so other pages do not load them: added to
 * each language as it is loaded (call before the first `loadLanguage`).
 */
export function addStrings(load: ExtraStrings): void {
  extras.push(load);
  complete.clear();
}

/** Tables imported statically by a context that needs them at once (see i18n-both.ts). */
export function provideTables(given: Partial<Record<Lang, Table>>): void {
  Object.assign(tables, given);
}

export function languageLoaded(lang: Lang): boolean {
  return tables[lang] !== undefined && (extras.length === 0 || complete.has(lang));
}

/** Load one language's table (its own chunk); resolved at once when it is already here. */
export async function loadLanguage(lang: Lang): Promise<void> {
  if (languageLoaded(lang)) return;
  const [base, ...more] = await Promise.all([
    tables[lang] ??
      (lang === 'zh-CN'
        ? import('./i18n/zh').then((m) => m.zh)
        : import('./i18n/en').then((m) => m.en)),
    ...extras.map((load) => load(lang)),
  ]);
  tables[lang] = Object.assign({ ...base }, ...more) as Table;
  complete.add(lang);
}

export function resolveLanguage(setting: LanguageSetting, browserLanguage: string): Lang {
  if (setting !== 'auto') return setting;
  return browserLanguage.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export function t(
  lang: Lang,
  key: MessageKey,
  params: Record<string, string | number> = {},
): string {
  // A table not loaded yet is a bug in the caller (load before rendering): say it, and speak
  // whatever language is here rather than nothing.
  const table = tables[lang] ?? missing(lang);
  return fill(table?.[key] ?? key, params);
}

/** `template` with its `{name}` placeholders replaced from `params` (unknown names kept). */
export function fill(template: string, params: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (m, name: string) =>
    name in params ? String(params[name]) : m,
  );
}

function missing(lang: Lang): Table | undefined {
  console.error(`CoinDock: the ${lang} strings were used before they were loaded`);
  return tables.en ?? tables['zh-CN'];
}

/** "updated 2 min ago" style freshness. */
export function timeAgo(lang: Lang, then: number, now: number): string {
  const s = Math.max(0, Math.round((now - then) / 1000));
  if (s < 45) return t(lang, 'time.justNow');
  const m = Math.round(s / 60);
  if (m < 60) return t(lang, 'time.minutesAgo', { n: m });
  const h = Math.round(m / 60);
  if (h < 48) return t(lang, 'time.hoursAgo', { n: h });
  return t(lang, 'time.daysAgo', { n: Math.round(h / 24) });
}

/** The language key for a CoinDockError's bilingual message. */
export function errorLang(lang: Lang): 'en' | 'zh' {
  return lang === 'zh-CN' ? 'zh' : 'en';
}
