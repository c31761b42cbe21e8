/**
 * HiCoin's authorize redirect (docs/providers/hicoin.md): `code` and `state`, or an RFC 6749
 * `error`. WeChat-style OAuth: a decline may come back with only `state`.
 *
 * Lean on purpose: the content script imports it, so nothing here reaches a client.
 */
import {
  decodeOAuth,
  unknown,
  type OAuthDecoded,
  type ReturnDecoder,
  type UnknownDecoded,
} from '../../core/return-decode';

export const hicoinReturnDecoder: ReturnDecoder<OAuthDecoded | UnknownDecoded> = {
  decode: (q) =>
    ['code', 'error', 'state'].some((n) => q.has(n)) ? decodeOAuth(q, 'hicoin') : unknown('hicoin'),
};

export default hicoinReturnDecoder;
