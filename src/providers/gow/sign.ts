/**
 * GOW request signing (docs/providers/gow.md, Signing).
 *
 * content = every signed parameter written `name=value`, sorted by parameter NAME in descending
 * ASCII order, joined with `&`; sign = lowercase hex HMAC-SHA512(secretKey, content).
 * - GET signs only `apiKey` and `timestamp`: query parameters are not signed (签名内容, GET请求).
 * - POST signs `apiKey`, `timestamp` and every body parameter (签名内容, POST请求).
 *
 * How values are written (the seed is silent beyond its examples): verbatim, with no URL encoding
 * or escaping, exactly as the seed's Java and PHP demos concatenate them, because that is what the
 * platform recomputes. A consequence worth knowing: a value containing `&` or `=` makes the content
 * ambiguous (`{b: "x&a=1"}` and `{a: "1", b: "x"}` both give `b=x&a=1`); we still send such values
 * unchanged (bank names like "Smith & Co" are real) and rely on TLS for integrity.
 * Names are compared by UTF-16 code unit, which for the ASCII names GOW uses is ASCII order.
 * Every body value is a string (the seed types all of them `string`); a parameter that is absent is
 * not signed, an empty string is signed as `name=`.
 */
import { hmacSha512Hex } from '../../core/hash';

export type GowSignedParams = Readonly<Record<string, string>>;

/** The canonical content string the seed signs. */
export function gowCanonicalContent(params: GowSignedParams): string {
  return Object.keys(params)
    .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
    .map((name) => `${name}=${params[name] ?? ''}`)
    .join('&');
}

/** The parameters a request signs: apiKey and timestamp, plus the body for a POST. */
export function gowSignedParams(
  apiKey: string,
  timestamp: string,
  body?: GowSignedParams,
): GowSignedParams {
  // Body parameters come first so that apiKey/timestamp always win: a body may not smuggle its
  // own `timestamp` into the signature.
  return { ...(body ?? {}), apiKey, timestamp };
}

/** Lowercase hex HMAC-SHA512 of the canonical content under the secret key. */
export function gowSign(secretKey: string, params: GowSignedParams): Promise<string> {
  return hmacSha512Hex(secretKey, gowCanonicalContent(params));
}
