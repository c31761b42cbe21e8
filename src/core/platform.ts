/**
 * The platforms CoinDock connects, by stable id. The id is stored (accounts, settings, transfers)
 * and crosses every message, so it never changes; what each platform *does* is its adapter in
 * `src/providers/registry.ts`.
 */
export const PLATFORMS = ['fomo', 'gow', 'biyong', 'grandchain', 'hicoin'] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Whether a string read from outside (a message, a stored key, an alarm name) is a platform id. */
export function isPlatform(value: unknown): value is Platform {
  return typeof value === 'string' && (PLATFORMS as readonly string[]).includes(value);
}
