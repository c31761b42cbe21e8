/**
 * Test-only: arbitrary amount tokens as a platform could write them in a JSON reply, for the
 * property tests of the amount parsers (Grand Chain fen, GOW decimals). Imported by *.test.ts only.
 */
import fc from 'fast-check';
import type { HttpResponse } from './http';

const digits = (max: number) => fc.stringMatching(new RegExp(`^\\d{1,${max}}$`));

/** Numbers per the JSON grammar: any sign, integer part, fraction and exponent, up to 30 digits. */
const jsonNumber = fc
  .tuple(
    fc.constantFrom('', '-'),
    fc.oneof(fc.constant('0'), fc.stringMatching(/^[1-9]\d{0,29}$/)),
    fc.option(
      digits(30).map((f) => `.${f}`),
      { nil: '' },
    ),
    fc.option(
      fc
        .tuple(fc.constantFrom('e', 'E'), fc.constantFrom('', '+', '-'), digits(3))
        .map((t) => t.join('')),
      { nil: '' },
    ),
  )
  .map((parts) => parts.join(''));

/**
 * What a reply may hold where an amount belongs: JSON numbers (the ones a double rounds above
 * all: `1.0000000000000001`, 2^53 + 1), digit strings, shortest forms of doubles, and junk that
 * is not a JSON number at all (`01`, `1.`, `--1`).
 */
export const amountToken: fc.Arbitrary<string> = fc.oneof(
  { weight: 4, arbitrary: jsonNumber },
  {
    weight: 2,
    arbitrary: fc.constantFrom(
      '1.0000000000000001',
      '0.30000000000000004',
      '9007199254740993',
      '9007199254740992',
      '23333.0',
      '1e3',
      '-0',
      '0',
      '1E+2',
    ),
  },
  { weight: 1, arbitrary: fc.double({ noNaN: true, noDefaultInfinity: true }).map(String) },
  {
    weight: 2,
    arbitrary: fc.oneof(jsonNumber, digits(30), fc.string()).map((s) => JSON.stringify(s)),
  },
  { weight: 1, arbitrary: fc.stringMatching(/^[0-9.eE+-]{1,20}$/) },
  { weight: 1, arbitrary: fc.constantFrom('null', 'true', '"NULL"', '[]', '{}', '"', '') },
);

/** A 200 reply with `text` as its body. */
export function replyOf(text: string): HttpResponse {
  const bytes = new TextEncoder().encode(text);
  return {
    status: 200,
    headers: new Headers({ 'content-type': 'application/json' }),
    redirected: false,
    location: null,
    bytes,
    text: () => text,
  };
}
