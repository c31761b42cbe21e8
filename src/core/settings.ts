/**
 * User settings that are not secrets: language, each platform's environment, and the return /
 * redirect URLs the user registered with each platform (the content script runs only there).
 * Secrets (keys, tokens) never live here: they belong to the vault.
 */
import * as v from 'valibot';
import { PLATFORMS, type Platform } from './platform';
import { isSecureEndpoint } from './transport';

export const LANGUAGES = ['auto', 'en', 'zh-CN'] as const;
export type LanguageSetting = (typeof LANGUAGES)[number];

export const ENVIRONMENTS = ['production', 'test', 'sandbox', 'custom'] as const;

const httpUrl = v.pipe(
  v.string(),
  v.url(),
  v.check((s) => /^https?:\/\//.test(s), 'must be an http(s) URL'),
);

/** The valibot message of a URL refused for being plain http: to another computer. */
export const INSECURE_URL = 'insecure_url';

/**
 * What a saved custom base URL or return URL must be: https:, or http: to this computer only
 * (docs/security.md, "Transport"). Checked when settings are saved; values stored before this
 * rule are refused at use (provider-context.ts, platformForReturnUrl).
 */
const secureUrl = v.pipe(
  httpUrl,
  v.check((s) => isSecureEndpoint(s), INSECURE_URL),
);

export const PlatformSettingsSchema = v.object({
  environment: v.picklist(ENVIRONMENTS),
  /** Used when environment is `custom`. */
  customBaseUrl: v.optional(httpUrl),
  /** The user's registered return / redirect URLs for this platform (pay returns, OAuth). */
  returnUrls: v.array(httpUrl),
  /** Credential fields that are not secret (client_id, redirect URI, account…). Secret fields
   * (client_secret, secretKey, private keys) live only in the vault. */
  config: v.record(v.string(), v.pipe(v.string(), v.maxLength(4096))),
});
export type PlatformSettings = v.InferOutput<typeof PlatformSettingsSchema>;

export const SettingsSchema = v.object({
  language: v.picklist(LANGUAGES),
  /** Where the local sandbox runs; the `sandbox` environment of every platform points here. */
  sandboxOrigin: httpUrl,
  platforms: v.object(
    Object.fromEntries(PLATFORMS.map((p) => [p, PlatformSettingsSchema])) as Record<
      Platform,
      typeof PlatformSettingsSchema
    >,
  ),
});
export type Settings = v.InferOutput<typeof SettingsSchema>;

export const DEFAULT_SANDBOX_ORIGIN = 'http://127.0.0.1:8787';

export function defaultSettings(): Settings {
  const platforms = Object.fromEntries(
    PLATFORMS.map((p) => [p, { environment: 'production', returnUrls: [], config: {} }]),
  ) as unknown as Settings['platforms'];
  return { language: 'auto', sandboxOrigin: DEFAULT_SANDBOX_ORIGIN, platforms };
}

/** A partial update as the options page sends it; validated as a whole after merging. */
export const SettingsPatchSchema = v.object({
  language: v.optional(v.picklist(LANGUAGES)),
  sandboxOrigin: v.optional(httpUrl),
  // `config` changes only through the credentials messages, which check it per platform.
  platforms: v.optional(
    v.record(
      v.picklist(PLATFORMS),
      v.partial(
        v.object({
          environment: v.picklist(ENVIRONMENTS),
          customBaseUrl: v.optional(secureUrl),
          returnUrls: v.array(secureUrl),
        }),
      ),
    ),
  ),
});
export type SettingsPatch = v.InferOutput<typeof SettingsPatchSchema>;

export function mergeSettings(base: Settings, patch: SettingsPatch): Settings {
  const platforms = { ...base.platforms };
  for (const [p, change] of Object.entries(patch.platforms ?? {}) as [
    Platform,
    Partial<PlatformSettings>,
  ][]) {
    platforms[p] = { ...platforms[p], ...change };
  }
  return {
    language: patch.language ?? base.language,
    sandboxOrigin: patch.sandboxOrigin ?? base.sandboxOrigin,
    platforms,
  };
}

/**
 * The URL patterns a content script is registered for: each configured return URL's origin and
 * path, any query. `https://shop.example/pay/return` → `https://shop.example/pay/return*`.
 */
export function returnUrlMatchPatterns(settings: Settings): string[] {
  const out = new Set<string>();
  for (const p of PLATFORMS) {
    for (const raw of settings.platforms[p].returnUrls) {
      // A return URL saved before https: was required carries tokens in clear: not watched.
      if (!isSecureEndpoint(raw)) continue;
      const u = new URL(raw);
      // Match patterns ignore the port; the background checks the full origin on every report.
      out.add(`${u.protocol}//${u.hostname}${u.pathname}*`);
    }
  }
  return [...out].sort();
}

/**
 * Host permissions the settings need: the return URLs (content script) and every custom base URL
 * (the worker calls it). Asked for in the click that saves them.
 */
export function requiredOrigins(settings: Settings): string[] {
  const out = new Set(returnUrlMatchPatterns(settings));
  for (const p of PLATFORMS) {
    const ps = settings.platforms[p];
    if (ps.environment === 'custom' && ps.customBaseUrl) {
      const u = new URL(ps.customBaseUrl);
      out.add(`${u.protocol}//${u.hostname}/*`);
    }
  }
  return [...out].sort();
}

/** Which platform a URL is a configured return URL of (full origin + path match), if any. */
export function platformForReturnUrl(settings: Settings, url: string): Platform | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  for (const p of PLATFORMS) {
    for (const raw of settings.platforms[p].returnUrls) {
      if (!isSecureEndpoint(raw)) continue;
      const r = new URL(raw);
      if (r.origin === u.origin && r.pathname === u.pathname) return p;
    }
  }
  return undefined;
}
