/**
 * What a content script saw on a return / redirect page, reduced to what CoinDock may keep:
 * the secret parameters (secret-params.ts: tokens, codes, state…) are dropped before anything is stored,
 * shown or logged.
 */
import * as v from 'valibot';
import { PLATFORMS } from './platform';
import { isSecretParam } from './secret-params';

/** At most this many parameters of at most this length are kept from one return. */
const MAX_PARAMS = 24;
const MAX_VALUE = 256;

export function publicParams(url: string): Record<string, string> {
  const out: Record<string, string> = {};
  let n = 0;
  for (const [k, val] of new URL(url).searchParams) {
    if (isSecretParam(k) || k in out) continue;
    if (++n > MAX_PARAMS) break;
    out[k.slice(0, 64)] = val.slice(0, MAX_VALUE);
  }
  return out;
}

/** The URL without its query and fragment: safe to store and show. */
export function pageOf(url: string): string {
  const u = new URL(url);
  return `${u.origin}${u.pathname}`;
}

export const ReturnRecordSchema = v.object({
  id: v.string(),
  platform: v.picklist(PLATFORMS),
  page: v.string(),
  params: v.record(v.string(), v.string()),
  /** Which secret parameters were present (names only), e.g. to know a code arrived. */
  had: v.array(v.string()),
  seenAt: v.number(),
  tabId: v.optional(v.number()),
});
export type ReturnRecord = v.InferOutput<typeof ReturnRecordSchema>;

export function secretParamNames(url: string): string[] {
  return [...new URL(url).searchParams.keys()].filter((k) => isSecretParam(k));
}
