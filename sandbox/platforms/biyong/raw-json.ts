/**
 * JSON with verbatim number literals. BiYong's seed shows ledger amounts as JSON numbers
 * (`"balance":10.32`); the sandbox can answer that way (seed option `biyongBalanceAs: 'number'`)
 * without ever holding the amount as a float, by splicing the decimal text into the output.
 */
export class RawNumber {
  constructor(readonly literal: string) {
    if (!/^-?(0|[1-9]\d*)(\.\d+)?$/.test(literal))
      throw new RangeError('not a JSON number literal');
  }
}

const MARK = '\u0000raw:';

export function stringifyWithRaw(value: unknown): string {
  const raws: string[] = [];
  const text = JSON.stringify(value, (_key, v: unknown) => {
    if (v instanceof RawNumber) {
      raws.push(v.literal);
      return `${MARK}${raws.length - 1}`;
    }
    return v;
  });
  if (raws.length === 0) return text;
  // JSON.stringify writes U+0000 as \u0000; no string the simulator serialises contains U+0000,
  // so only the markers match.
  return text.replace(/"\\u0000raw:(\d+)"/g, (_m, i: string) => raws[Number(i)] ?? 'null');
}
