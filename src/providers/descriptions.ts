/**
 * Every platform's description, by id: data only (names, environments, credential fields, error
 * tables), so the options page and popup import it without pulling any client or signing code.
 * What each platform *does* is its adapter in registry.ts.
 */
import type { Platform } from '../core/platform';
import type { ProviderDescription, PresetEnvironment } from './types';
import { everyPlatform } from './by-platform';

/** Each platform folder's `description.ts` (its default export), found by Vite: by-platform.ts. */
export const DESCRIPTIONS: Readonly<Record<Platform, ProviderDescription>> = everyPlatform(
  import.meta.glob<ProviderDescription>('./*/description.ts', { eager: true, import: 'default' }),
  'description.ts',
);

export interface EnvironmentChoice {
  environment: PresetEnvironment | 'custom';
  customBaseUrl?: string | undefined;
}

/**
 * The base URL a platform is reached at. `sandbox` keeps the description's path on the
 * configured sandbox origin (the sandbox's port may differ from the default).
 */
export function resolveBaseUrl(
  description: ProviderDescription,
  choice: EnvironmentChoice,
  sandboxOrigin: string,
): string | undefined {
  if (choice.environment === 'custom') return choice.customBaseUrl;
  const preset = description.environments[choice.environment];
  if (!preset) return undefined;
  if (choice.environment !== 'sandbox') return preset;
  const u = new URL(preset);
  return new URL(u.pathname + u.search, sandboxOrigin).toString();
}
