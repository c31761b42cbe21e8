import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { gowCanonicalContent, gowSign, gowSignedParams } from './sign';

const nodeHmac = (key: string, s: string) =>
  createHmac('sha512', Buffer.from(key, 'utf8')).update(s, 'utf8').digest('hex');

// An independent reading of the rule for the property tests: sort names by their UTF-16 code
// units, reverse, write name=value.
function reference(params: Record<string, string>): string {
  const names = Object.keys(params);
  names.sort();
  names.reverse();
  return names.map((n) => n + '=' + params[n]).join('&');
}

const name = fc.stringMatching(/^[A-Za-z][A-Za-z0-9_]{0,15}$/);
const value = fc.oneof(
  fc.string({ unit: 'grapheme' }),
  fc.constantFrom('a&b', 'x=y', '&=&', '中文', '\u{1F600}', '', ' spaced '),
);
const paramsArb = fc.dictionary(name, value, { maxKeys: 12 });

describe('GOW canonical content (docs/providers/gow.md, Signing)', () => {
  it('reproduces the seed example exactly', () => {
    const params = gowSignedParams('4565B83XXXXXXXXXXXXF123', '1566322200000', {
      orderId: 'E12345XXXXXXXX',
    });
    expect(gowCanonicalContent(params)).toBe(
      'timestamp=1566322200000&orderId=E12345XXXXXXXX&apiKey=4565B83XXXXXXXXXXXXF123',
    );
  });

  it('GET: only apiKey and timestamp, timestamp first', () => {
    expect(gowCanonicalContent(gowSignedParams('K', '1566322200000'))).toBe(
      'timestamp=1566322200000&apiKey=K',
    );
  });

  it('signs the seed example like the seed’s Java/PHP demo (HMAC-SHA512 hex)', async () => {
    const secret = 'XXXXXXXXXXXXXXXXXXXXXXX';
    const content = 'timestamp=1566322200000&orderId=E12345XXXXXXXX&apiKey=4565B83XXXXXXXXXXXXF123';
    const params = gowSignedParams('4565B83XXXXXXXXXXXXF123', '1566322200000', {
      orderId: 'E12345XXXXXXXX',
    });
    expect(await gowSign(secret, params)).toBe(nodeHmac(secret, content));
  });

  it('matches an independent implementation on random parameters', () => {
    fc.assert(
      fc.property(paramsArb, (p) => {
        expect(gowCanonicalContent(p)).toBe(reference(p));
      }),
    );
  });

  it('does not depend on the order the parameters were given in', () => {
    fc.assert(
      fc.property(
        paramsArb.chain((p) =>
          fc.tuple(
            fc.constant(p),
            fc.shuffledSubarray(Object.entries(p), {
              minLength: Object.keys(p).length,
              maxLength: Object.keys(p).length,
            }),
          ),
        ),
        ([p, shuffled]) => {
          expect(gowCanonicalContent(Object.fromEntries(shuffled))).toBe(gowCanonicalContent(p));
        },
      ),
    );
  });

  it('writes names in strictly descending ASCII order', () => {
    fc.assert(
      fc.property(fc.dictionary(name, fc.stringMatching(/^[A-Za-z0-9]*$/), { minKeys: 1 }), (p) => {
        const names = gowCanonicalContent(p)
          .split('&')
          .map((pair) => pair.slice(0, pair.indexOf('=')));
        for (let i = 1; i < names.length; i++) {
          expect(names[i - 1]! > names[i]!).toBe(true);
        }
        expect(new Set(names)).toEqual(new Set(Object.keys(p)));
      }),
    );
  });

  it('is stable: the same input always gives the same content and signature', async () => {
    await fc.assert(
      fc.asyncProperty(paramsArb, async (p) => {
        expect(gowCanonicalContent(p)).toBe(gowCanonicalContent({ ...p }));
        expect(await gowSign('secret-key', p)).toBe(await gowSign('secret-key', { ...p }));
      }),
      { numRuns: 30 },
    );
  });

  it('writes values verbatim: &, = and unicode are neither escaped nor encoded', async () => {
    await fc.assert(
      fc.asyncProperty(value, async (val) => {
        const p = gowSignedParams('K', '1', { note: val });
        const content = gowCanonicalContent(p);
        expect(content).toBe(`timestamp=1&note=${val}&apiKey=K`);
        expect(await gowSign('s3cret', p)).toBe(nodeHmac('s3cret', content));
      }),
      { numRuns: 40 },
    );
  });

  it('apiKey and timestamp cannot be overridden by body parameters', () => {
    const p = gowSignedParams('REAL', '2', { apiKey: 'FAKE', timestamp: '1', a: 'x' });
    expect(gowCanonicalContent(p)).toBe('timestamp=2&apiKey=REAL&a=x');
  });

  it('a different secret or content gives a different signature', async () => {
    const p = gowSignedParams('K', '1');
    expect(await gowSign('one', p)).not.toBe(await gowSign('two', p));
    expect(await gowSign('one', p)).not.toBe(await gowSign('one', gowSignedParams('K', '2')));
  });
});
