/**
 * JSON parsing that keeps every number exactly as it was written.
 *
 * BiYong's ledger sends amounts as JSON numbers (seed 002 §1.4: `"balance":10.32`). `JSON.parse`
 * would turn them into doubles and lose digits beyond ~15 significant figures, and money must never
 * pass through a float. So before parsing we rewrite each number token into a string holding its
 * exact source text; schemas then accept "10.32" whether BiYong sent a string or a number.
 * Node 20 has no `JSON.parse` source-text access, hence this small scanner.
 */

/** The JSON number grammar (RFC 8259 §6). */
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

export class LosslessJsonError extends Error {
  override name = 'LosslessJsonError';
}

/**
 * Parse JSON text; every number becomes the string of its source text (`10.30` → `"10.30"`).
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
      out += text.slice(last, start) + '"' + token + '"';
      last = i;
      continue;
    }
    i++;
  }
  out += text.slice(last);
  return JSON.parse(out) as unknown;
}
