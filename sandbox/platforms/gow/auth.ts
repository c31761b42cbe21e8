/**
 * GOW request authentication (docs/providers/gow.md, Signing), recomputed with node:crypto.
 *
 * - Headers `timestamp` (ms), `apiKey`, `sign` on every API call.
 * - content = `name=value` pairs sorted by name in DESCENDING ASCII order, joined with `&`.
 *   GET signs only apiKey and timestamp (query parameters are not signed); POST signs apiKey,
 *   timestamp and every body parameter.
 * - sign = lowercase hex HMAC-SHA512(secretKey, content).
 *
 * Decisions where the seed is silent (documented in sandbox/README.md):
 * - The timestamp must be within ±5 minutes of GOW's clock, else 000003.
 * - Body values must be JSON strings (the seed types every parameter `string`): a number,
 *   boolean, null, object or array is answered 000001 before any signature check, because such a
 *   value has no single canonical text to sign.
 * - An empty string is a present parameter and is signed as `name=`.
 * - Values are signed verbatim (no URL encoding), as the seed's Java/PHP demos concatenate them.
 * - The header values of apiKey/timestamp are the signed ones; a body key of the same name is
 *   overridden by them.
 * - The signature comparison is case-sensitive: the seed's demos produce lowercase hex.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { fail, GOW_CODE } from './codes';

export const GOW_TIMESTAMP_WINDOW_MS = 5 * 60 * 1000;

/** Canonical content: pairs sorted by name, descending ASCII, joined with `&`. */
export function gowContent(params: Readonly<Record<string, string>>): string {
  return Object.keys(params)
    .sort((a, b) => (a < b ? 1 : a > b ? -1 : 0))
    .map((name) => `${name}=${params[name]}`)
    .join('&');
}

export function gowSignature(secretKey: string, content: string): string {
  return createHmac('sha512', Buffer.from(secretKey, 'utf8'))
    .update(Buffer.from(content, 'utf8'))
    .digest('hex');
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name.toLowerCase()];
  return Array.isArray(v) ? v[0] : v;
}

export interface GowAuthInput {
  headers: IncomingHttpHeaders;
  /** POST body parameters (already checked to be strings); undefined for GET. */
  body: Readonly<Record<string, string>> | undefined;
  now: number;
  /** apiKey → secretKey of the merchants GOW knows. */
  keys: ReadonlyMap<string, string>;
}

/** Throws a GowFailure with GOW's code when the request is not authentic; returns the apiKey. */
export function verifyGowRequest(input: GowAuthInput): string {
  const apiKey = header(input.headers, 'apiKey');
  if (!apiKey) fail(GOW_CODE.badApiKey, 'apiKey header missing');
  const secretKey = input.keys.get(apiKey);
  if (secretKey === undefined) fail(GOW_CODE.badApiKey, 'apiKey invalid');

  const timestamp = header(input.headers, 'timestamp');
  if (!timestamp || !/^\d{1,16}$/.test(timestamp)) {
    fail(GOW_CODE.badTimestamp, 'timestamp header missing or not milliseconds');
  }
  if (Math.abs(Number(timestamp) - input.now) > GOW_TIMESTAMP_WINDOW_MS) {
    fail(GOW_CODE.badTimestamp, 'timestamp expired');
  }

  const sign = header(input.headers, 'sign');
  if (!sign) fail(GOW_CODE.badSign, 'sign header missing');
  const expected = gowSignature(
    secretKey,
    gowContent({ ...(input.body ?? {}), apiKey, timestamp }),
  );
  const a = Buffer.from(sign, 'utf8');
  const b = Buffer.from(expected, 'utf8');
  if (a.length !== b.length || !timingSafeEqual(a, b)) fail(GOW_CODE.badSign, 'sign error');
  return apiKey;
}

/** Parse a POST body into string parameters (see the decisions above). */
export function parseGowBody(body: Buffer): Record<string, string> {
  let parsed: unknown;
  try {
    parsed = body.length === 0 ? {} : JSON.parse(body.toString('utf8'));
  } catch {
    fail(GOW_CODE.badParam, 'request body is not JSON');
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    fail(GOW_CODE.badParam, 'request body must be a JSON object');
  }
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(parsed)) {
    if (typeof value !== 'string') fail(GOW_CODE.badParam, `parameter ${name} must be a string`);
    out[name] = value;
  }
  return out;
}
