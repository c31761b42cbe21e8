/**
 * Every platform's capabilities, by id: what the popup, the options page and the content script
 * show (name, colour) and decide the UI from. The same objects as each description's `capabilities`
 * (src/providers/descriptions.ts), imported apart so a page's first paint carries none of the
 * descriptions' tables (the popup's budget: bench/popup-size.ts).
 */
import type { Lang } from '../core/i18n';
import { PLATFORMS, type Platform } from '../core/platform';
import type { PlatformCapabilities } from './types';
import { everyPlatform } from './by-platform';

/** Each platform folder's `capabilities.ts` (its default export), found by Vite: by-platform.ts. */
export const CAPABILITIES: Readonly<Record<Platform, PlatformCapabilities>> = everyPlatform(
  import.meta.glob<PlatformCapabilities>('./*/capabilities.ts', {
    eager: true,
    import: 'default',
  }),
  'capabilities.ts',
);

/** Every platform's name, by the pages' language. */
export const PLATFORM_NAMES: Readonly<Record<Platform, Readonly<Record<Lang, string>>>> =
  Object.fromEntries(
    PLATFORMS.map((p) => {
      const { en, zh } = CAPABILITIES[p].name;
      return [p, { en, 'zh-CN': zh }];
    }),
  ) as Record<Platform, Record<Lang, string>>;
