import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LosslessNumber, parseJsonLossless } from './lossless-json';

const n = (s: string) => new LosslessNumber(s);

describe('parseJsonLossless', () => {
  it('keeps every number as its exact source text', () => {
    expect(
      parseJsonLossless('{"a":10.30,"b":-0.123456789012345678901,"c":[1,2e5,0],"d":"7"}'),
    ).toEqual({
      a: n('10.30'),
      b: n('-0.123456789012345678901'),
      c: [n('1'), n('2e5'), n('0')],
      d: '7',
    });
  });

  it('leaves digits inside strings, escapes and keys alone', () => {
    expect(parseJsonLossless('{"k1":"a\\"1,2","9":"\\\\","x":"\\u00301"}')).toEqual({
      k1: 'a"1,2',
      '9': '\\',
      x: '01',
    });
  });

  it('a string a server writes with the mark is at worst a number', () => {
    expect(parseJsonLossless('"\\u0000#5"')).toEqual(n('5'));
  });

  it('rejects malformed numbers and malformed JSON', () => {
    for (const bad of [
      '01',
      '1.',
      '-',
      '1e',
      '+1',
      '.5',
      '1..2',
      '{"a":1',
      '{"a":"x}',
      '[1,]',
      'NaN',
    ]) {
      expect(() => parseJsonLossless(bad), bad).toThrow();
    }
  });

  it('agrees with JSON.parse on any JSON value, numbers aside', () => {
    const plain = (x: unknown): unknown =>
      x instanceof LosslessNumber
        ? Number(x.source)
        : Array.isArray(x)
          ? x.map(plain)
          : x && typeof x === 'object'
            ? Object.fromEntries(Object.entries(x).map(([k, v]) => [k, plain(v)]))
            : x;
    fc.assert(
      fc.property(fc.json(), (text) => {
        expect(plain(parseJsonLossless(text))).toEqual(JSON.parse(text));
      }),
      { numRuns: 500 },
    );
  });

  it('with safeIntegers, only integers a double holds exactly become numbers', () => {
    expect(
      parseJsonLossless(
        '[0,7,-12,9007199254740991,9007199254740992,-0,1.0000000000000001,1e3,2.50]',
        { safeIntegers: true },
      ),
    ).toEqual([
      0,
      7,
      -12,
      9007199254740991,
      n('9007199254740992'),
      n('-0'),
      n('1.0000000000000001'),
      n('1e3'),
      n('2.50'),
    ]);
  });
});
