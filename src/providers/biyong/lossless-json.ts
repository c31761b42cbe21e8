/**
 * JSON parsing that keeps every number exactly as it was written.
 *
 * BiYong's ledger sends amounts as JSON numbers (seed 002 §1.4: `"balance":10.32`). `JSON.parse`
 * would turn them into doubles and lose digits beyond ~15 significant figures, and money must never
 * pass through a float. So before parsing we rewrite each number token into a marked string
 * holding its exact source text, and a reviver turns those into `LosslessNumber`s. Schemas can
 * then accept 10.32 and "10.32" alike as amounts while a number where a string belongs is still
 * refused. Node 20 has no `JSON.parse` source-text access, hence this small scanner.
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

/**
 * Parse JSON text; every number becomes a LosslessNumber of its source text (`10.30` → "10.30").
 * Throws `LosslessJsonError` (for a malformed number) or `SyntaxError` (anything else malformed).
 */
export function parseJsonLossless(text: string): unknown {
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
  return JSON.parse(out, (_key, value: unknown) =>
    typeof value === 'string' && value.startsWith(DECODED_MARK)
      ? new LosslessNumber(value.slice(DECODED_MARK.length))
      : value,
  ) as unknown;
}
