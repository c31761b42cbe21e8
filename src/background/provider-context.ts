/**
 * Building what a provider client needs from the user's settings and vault: the base URL of the
 * chosen environment, `fetch`, and one SkewClock per platform (a resynchronised offset is kept
 * for later calls of this worker; a new worker resynchronises on the next skew answer).
 */
import { errors } from '../core/errors';
import type { Platform } from '../core/platform';
import { SkewClock } from '../core/http';
import { isSecureEndpoint, insecureTransport } from '../core/transport';
import { KEYS } from '../core/storage-keys';
import type { Store } from '../core/store';
import { DESCRIPTIONS, resolveBaseUrl } from '../providers/descriptions';
import type { ProviderContext } from '../providers/types';
import { secretName, type VaultService } from './vault-service';

const clocks = new Map<Platform, SkewClock>();

export function clockFor(platform: Platform): SkewClock {
  let c = clocks.get(platform);
  if (!c) clocks.set(platform, (c = new SkewClock()));
  return c;
}

export async function providerContext(store: Store, platform: Platform): Promise<ProviderContext> {
  const settings = await store.get(KEYS.settings);
  const baseUrl = resolveBaseUrl(
    DESCRIPTIONS[platform],
    settings.platforms[platform],
    settings.sandboxOrigin,
  );
  if (!baseUrl) {
    throw errors.not_configured(
      {
        en: 'Choose an environment with an address, or set a custom base URL',
        zh: '请选择有地址的环境，或填写自定义接口地址',
      },
      { platform },
    );
  }
  // Every call of every platform carries a credential, a token or money (docs/security.md,
  // "Transport"): none leaves over plain http: to another computer, whatever the environment says
  // (Grand Chain's documented gateway and FOMO's test address are http:). Checked for the base
  // and again for each request, so no path built from it can slip past.
  const name = DESCRIPTIONS[platform].capabilities.name;
  if (!isSecureEndpoint(baseUrl)) throw insecureTransport(platform, name);
  return {
    baseUrl,
    fetch: (url, init) =>
      isSecureEndpoint(url) ? fetch(url, init) : Promise.reject(insecureTransport(platform, name)),
    clock: clockFor(platform),
  };
}

/**
 * A platform's credentials as one record: public fields from settings and secret ones from the
 * vault. Missing required fields are a `not_configured` error in words.
 */
export async function credentialsOf(
  store: Store,
  vault: VaultService,
  platform: Platform,
): Promise<Record<string, string>> {
  const settings = await store.get(KEYS.settings);
  const fields = DESCRIPTIONS[platform].credentials;
  const values: Record<string, string> = { ...settings.platforms[platform].config };
  if (fields.some((f) => f.secret)) {
    const secrets = await vault.readAll();
    for (const f of fields.filter((f) => f.secret)) {
      const v = secrets[secretName(platform, f.key)];
      if (v !== undefined) values[f.key] = v;
    }
  }
  const missing = fields.filter((f) => f.required && !values[f.key]);
  if (missing.length) {
    throw errors.not_configured(
      {
        en: `Missing: ${missing.map((f) => f.label.en).join(', ')}`,
        zh: `缺少：${missing.map((f) => f.label.zh).join('、')}`,
      },
      { platform },
    );
  }
  return values;
}
