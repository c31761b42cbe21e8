/**
 * Properties of the return decoder over arbitrary input: it never throws, never lets a secret
 * parameter's value into its output, and echoes `status` as a string (or not at all).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { decodeReturn, MAX_ECHO, type DecodedReturn } from './returns';
import { isDecimal } from '../core/money';
import { PLATFORMS } from '../core/platform';

const KINDS = ['fomo_pay', 'oauth', 'biyong', 'unknown'];
/** The words CoinDock uses as an outcome code when the code is not the URL's. */
const OWN_CODES = [
  'authorised',
  'no_status',
  'no_code',
  'no_token',
  'malformed_token',
  'unknown',
  'not_a_url',
];
const SECRET_NAMES = ['access_token', 'code', 'biytoken', 'token', 'refresh_token'];
const PUBLIC_NAMES = [
  'status',
  'trade_id',
  'amount',
  'coin_id',
  'httpcode',
  'transfer_id',
  'state',
  'error',
  'biyerror',
  'user_id',
];

const platform = fc.constantFrom(...PLATFORMS, undefined);

/** A secret value: a marker no generated public value can hold (they are filtered). */
const MARK = 'zqSECRET';
const secretValue = fc.stringMatching(/^[A-Za-z0-9_-]{4,40}$/).map((s) => MARK + s);
const publicValue = fc
  .oneof(
    fc.string({ unit: 'grapheme', maxLength: 40 }),
    fc.string({ unit: 'binary', maxLength: 300 }),
    fc.constantFrom('1', '7', '8', '24', '54', '201', 'access_denied', '12.50', '1e3', ''),
  )
  .filter((s) => !s.includes(MARK));
const paramName = fc.oneof(
  fc.constantFrom(...PUBLIC_NAMES),
  fc.string({ maxLength: 12 }).filter((n) => !SECRET_NAMES.includes(n.toLowerCase())),
);
const publicParam = fc.tuple(paramName, publicValue);
const secretParam = fc.tuple(
  fc.constantFrom(...SECRET_NAMES, ...SECRET_NAMES.map((n) => n.toUpperCase())),
  secretValue,
);

const returnUrl = fc
  .record({
    base: fc.webUrl({ withQueryParameters: false, withFragments: false }),
    params: fc.array(fc.oneof(publicParam, secretParam), { maxLength: 14 }),
    hashSecret: fc.option(secretValue, { nil: undefined }),
  })
  .map(({ base, params, hashSecret }) => {
    const u = new URL(base);
    for (const [k, v] of params) u.searchParams.append(k, v);
    const secrets = params.filter(([, v]) => v.startsWith(MARK)).map(([, v]) => v);
    if (hashSecret) secrets.push(hashSecret);
    return {
      url: u.toString() + (hashSecret ? `#access_token=${hashSecret}` : ''),
      query: u.searchParams,
      secrets,
    };
  });

function checkShape(d: DecodedReturn): void {
  expect(KINDS).toContain(d.kind);
  const { outcome } = d;
  expect(typeof outcome.code).toBe('string');
  expect(typeof outcome.ok).toBe('boolean');
  expect(outcome.en.length).toBeGreaterThan(0);
  expect(outcome.zh.length).toBeGreaterThan(0);
  if (!outcome.fromUrl) expect(OWN_CODES).toContain(outcome.code);
  if ('status' in d) expect(typeof d.status).toBe('string');
  if (d.kind === 'fomo_pay' && d.amount?.valid) {
    expect(typeof d.amount.value).toBe('string');
    expect(isDecimal(d.amount.value)).toBe(true);
  }
}

describe('decodeReturn properties', () => {
  it('never throws on arbitrary strings, and always answers a well-formed description', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 400 }), fc.webUrl()),
        platform,
        (s, p) => checkShape(decodeReturn(s, p)),
      ),
      { numRuns: 1000 },
    );
  });

  it('never throws on a URL with arbitrary raw query text', () => {
    fc.assert(
      fc.property(fc.webUrl(), fc.string({ unit: 'binary', maxLength: 300 }), platform, (b, q, p) =>
        checkShape(decodeReturn(`${b}?${q}`, p)),
      ),
      { numRuns: 500 },
    );
  });

  it('never includes the value of a secret parameter, and echoes status as a string or not at all', () => {
    fc.assert(
      fc.property(returnUrl, platform, ({ url, query, secrets }, p) => {
        const d = decodeReturn(url, p);
        checkShape(d);
        const json = JSON.stringify(d);
        for (const s of secrets) expect(json).not.toContain(s);

        const raw = query.get('status');
        if (d.kind === 'fomo_pay') {
          if (raw === null || raw === '') {
            expect('status' in d).toBe(false);
          } else if (raw.length <= MAX_ECHO) {
            expect(d.status).toBe(raw);
            expect(d.outcome.code).toBe(raw);
          } else {
            expect(d.status?.endsWith('…')).toBe(true);
          }
          // A pay return, when FOMO's or unattributed, is what a status makes.
        } else if (raw !== null && (p === undefined || p === 'fomo')) {
          expect.unreachable('a URL with a status decodes as a FOMO pay return');
        }
        if (d.kind === 'fomo_pay' && d.amount?.valid)
          expect(d.amount.value).toBe(query.get('amount'));
      }),
      { numRuns: 1000 },
    );
  });
});
