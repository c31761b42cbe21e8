/**
 * What a return / redirect URL says, in words, for the in-page banner: a pure and total decoder
 * (it never throws, whatever the input) over each platform's own return decoder. GOW and Grand
 * Chain send nobody back to a page: they have none, and their returns are "unknown".
 *
 * The content script imports this module: it holds the decoders only (no client, no signing), so
 * its bundle stays lean. Each decoder is also its adapter's `decodeReturn` (registry.ts).
 */
import { isPlatform, type Platform } from '../core/platform';
import {
  decodeOAuth,
  unknown,
  word,
  type OAuthDecoded,
  type ReturnDecoder,
  type UnknownDecoded,
} from '../core/return-decode';
import type { FomoPayDecoded } from './fomo/return-decode';
import type { BiyongDecoded } from './biyong/return-decode';
import { somePlatforms } from './by-platform';

export type { FomoPayDecoded } from './fomo/return-decode';
export type { BiyongDecoded } from './biyong/return-decode';
export type {
  DecodedAmount,
  OAuthDecoded,
  ReturnOutcome,
  UnknownDecoded,
} from '../core/return-decode';
export { MAX_ECHO, OAUTH_RETURN_ERRORS } from '../core/return-decode';

export type DecodedReturn = FomoPayDecoded | OAuthDecoded | BiyongDecoded | UnknownDecoded;
export type ReturnKind = DecodedReturn['kind'];

/**
 * The platforms that send the browser back to a page, each with its decoder: each platform
 * folder's `return-decode.ts` (its default export), found by Vite (by-platform.ts). Order (that of
 * PLATFORMS) matters only without a platform: the first decoder that recognises the parameters
 * wins. A decoder whose result is a kind of its own adds that type to DecodedReturn below.
 */
export const RETURN_DECODERS: Readonly<Partial<Record<Platform, ReturnDecoder<DecodedReturn>>>> =
  somePlatforms(
    import.meta.glob<ReturnDecoder<DecodedReturn>>('./*/return-decode.ts', {
      eager: true,
      import: 'default',
    }),
    'return-decode.ts',
  );

function decodeQuery(q: URLSearchParams, platform: Platform | undefined): DecodedReturn {
  if (platform !== undefined) return RETURN_DECODERS[platform]?.decode(q) ?? unknown(platform);
  for (const d of Object.values(RETURN_DECODERS)) if (d.recognises?.(q)) return d.decode(q);
  // Any platform's authorize redirect: RFC 6749's `code` or `error`.
  return q.has('code') || q.has('error') ? decodeOAuth(q, undefined) : unknown(undefined);
}

function decode(url: string, platform: Platform | undefined): DecodedReturn {
  let q: URLSearchParams;
  try {
    // The fragment is never read: an implicit-grant token would sit there.
    q = new URL(url).searchParams;
  } catch {
    return unknown(platform, word('not_a_url', false, 'Not a valid address', '不是有效的地址'));
  }
  return decodeQuery(q, platform);
}

/**
 * Decode a return URL. `platform` is the one the background recognised the page for; without it
 * the kind is inferred from the parameters. Never throws.
 */
export function decodeReturn(url: string, platform?: Platform): DecodedReturn {
  const p = platform !== undefined && isPlatform(platform) ? platform : undefined;
  try {
    return decode(typeof url === 'string' ? url : '', p);
  } catch {
    // Nothing above is expected to throw; this keeps the promise of totality regardless.
    return unknown(p);
  }
}
