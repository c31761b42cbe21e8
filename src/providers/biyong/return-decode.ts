/**
 * BiYong's consent return (docs/providers/biyong.md): `biytoken`, or the sandbox's `biyerror`
 * (RFC 6749's error words), with the `state` CoinDock added to the return URL.
 *
 * Lean on purpose: the content script imports it, so nothing here reaches a client or signing.
 */
import {
  AUTHORISED,
  param,
  refusal,
  word,
  type DecodedBase,
  type ReturnDecoder,
} from '../../core/return-decode';

export interface BiyongDecoded extends DecodedBase {
  kind: 'biyong';
  platform: 'biyong';
  biytokenPresent: boolean;
  biyerror?: string;
  state?: string;
}

/** What parseBiyongReturn accepts (src/providers/biyong/consent.ts): printable ASCII, ≤ 1024. */
const BIYTOKEN = /^[\x21-\x7e]{1,1024}$/;

function decodeBiyong(q: URLSearchParams): BiyongDecoded {
  const biyerror = param(q, 'biyerror');
  const tokens = q.getAll('biytoken');
  const biytokenPresent = tokens.some((t) => t !== '');
  const wellFormed = tokens.length === 1 && BIYTOKEN.test(tokens[0] ?? '');
  const outcome =
    biyerror !== undefined
      ? refusal(biyerror, 'BiYong refused the authorisation', '币用拒绝了授权')
      : !biytokenPresent
        ? word('no_token', false, 'BiYong returned no authorisation token', '币用未返回授权令牌')
        : wellFormed
          ? AUTHORISED
          : word(
              'malformed_token',
              false,
              'The biytoken in the return is malformed',
              '返回中的 biytoken 格式不正确',
            );
  const out: BiyongDecoded = { kind: 'biyong', platform: 'biyong', outcome, biytokenPresent };
  if (biyerror !== undefined) out.biyerror = biyerror;
  const state = param(q, 'state');
  if (state !== undefined) out.state = state;
  return out;
}

export const biyongReturnDecoder: ReturnDecoder<BiyongDecoded> = {
  decode: decodeBiyong,
  recognises: (q) => q.has('biytoken') || q.has('biyerror'),
};

export default biyongReturnDecoder;
