/**
 * Every platform's adapter, by id: the one place the background finds what a platform does
 * (connect, refresh, profile, connection test, return decoding, activity, disconnect). The
 * background loops over or looks up adapters; it never switches on a platform's name.
 *
 * Worker code only: adapters pull in clients and signing. Pages import descriptions.ts, and the
 * content script returns.ts.
 */
import type { Platform } from '../core/platform';
import type { Adapter, RedirectConnect, StoredCredentials } from './adapter';
import { everyPlatform } from './by-platform';

/** Each platform folder's `adapter.ts` (its default export), found by Vite: by-platform.ts. */
export const ADAPTERS: Readonly<Record<Platform, Adapter>> = everyPlatform(
  import.meta.glob<Adapter>('./*/adapter.ts', { eager: true, import: 'default' }),
  'adapter.ts',
);

/** The adapters that have a capability, each with it (a loop skips the others). */
export function adaptersWith<K extends keyof Adapter>(
  capability: K,
): (Adapter & Required<Pick<Adapter, K>>)[] {
  return Object.values(ADAPTERS).filter(
    (a): a is Adapter & Required<Pick<Adapter, K>> => a[capability] !== undefined,
  );
}

/** A platform's browser-tab connector, when it connects in a browser tab. */
export function redirectConnector(p: Platform): RedirectConnect<StoredCredentials> | undefined {
  const connect = ADAPTERS[p].connect;
  return connect?.by === 'redirect' ? connect : undefined;
}
