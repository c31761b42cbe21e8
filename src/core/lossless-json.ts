/**
 * JSON parsing that keeps every number exactly as it was written.
 *
 * Platforms send amounts as JSON numbers (BiYong's ledger `"balance":10.32`, docs/providers/biyong.md;
 * Grand Chain's `balance` in fen, docs/providers/grandchain.md; GOW's fees and rates,
 * docs/providers/gow.md). `JSON.parse` would turn them into doubles and lose digits beyond ~15
 * significant figures — `1.0000000000000001` becomes 1 — and money must never pass through a
 * float. So before parsing we rewrite each number token into a marked string holding its exact
 * source text, and a reviver turns those into `LosslessNumber`s. Schemas can then accept 10.32 and
 * "10.32" alike as amounts while a number where a string belongs is still refused, and refuse
 * what an amount cannot be exactly. Node 20 has no `JSON.parse` source-text access, hence this
 * small scanner.
 */

/** A JSON number, exactly as written in the source text. */
export class LosslessNumber {
  constructor(readonly source: string) {}
  toString(): string {
    return this.source;
  }
}

/** The mark of a rewritten number: a NUL cannot appear unescaped in a JSON string, and a string
 * a server writes as "\u0000#…" at worst becomes a number, which schemas judge like any other. */
const MARK = '\\u0000#'; // the six-character JSON escape, decoded to NUL by JSON.parse

/** The JSON number grammar (RFC 8259 §6). */
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

const DECODED_MARK = '\u0000#';

export class LosslessJsonError extends Error {
  override name = 'LosslessJsonError';
}

/** An integer written as one (no fraction, no exponent), the only numbers `safeIntegers` converts. */
const INTEGER = /^-?(?:0|[1-9]\d*)$/;

export interface LosslessOptions {
  /**
   * Numbers written as integers that a double holds exactly (|n| ≤ 2^53 − 1, and not "-0")
   * become plain numbers, so codes, ids and times validate as before; every other number (a fraction, an
   * exponent, a larger integer) stays a LosslessNumber. No number is ever rounded either way.
   */
  safeIntegers?: boolean;
}

/**
 * Parse JSON text; every number becomes a LosslessNumber of its source text (`10.30` → "10.30"),
 * or with `safeIntegers` a plain number when it is an integer a double holds exactly.
 * Throws `LosslessJsonError` (for a malformed number) or `SyntaxError` (anything else malformed).
 */
export function parseJsonLossless(text: string, opts: LosslessOptions = {}): unknown {
  let out = '';
  let i = 0;
  let last = 0;
  const n = text.length;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      // Skip a string literal, honouring backslash escapes; an unterminated one is left for
      // JSON.parse to reject.
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (d === 0x5c /* \ */) i += 2;
        else if (d === 0x22) {
          i++;
          break;
        } else i++;
      }
      continue;
    }
    if (c === 0x2d /* - */ || (c >= 0x30 && c <= 0x39)) {
      const start = i;
      while (i < n && /[0-9eE.+-]/.test(text.charAt(i))) i++;
      const token = text.slice(start, i);
      if (!NUMBER.test(token)) throw new LosslessJsonError('Malformed number');
      out += text.slice(last, start) + '"' + MARK + token + '"';
      last = i;
      continue;
    }
    i++;
  }
  out += text.slice(last);
  return JSON.parse(out, (_key, value: unknown) => {
    if (typeof value !== 'string' || !value.startsWith(DECODED_MARK)) return value;
    const source = value.slice(DECODED_MARK.length);
    if (opts.safeIntegers && INTEGER.test(source)) {
      const n = Number(source);
      // `String(n) === source` also keeps "-0" as written (the number would print as "0").
      if (Number.isSafeInteger(n) && String(n) === source) return n;
    }
    return new LosslessNumber(source);
  }) as unknown;
}
