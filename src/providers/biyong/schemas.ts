/**
 * valibot schemas of BiYong's answers (docs/providers/biyong.md, Endpoints). Bodies are parsed with
 * parseJsonLossless, so every JSON number arrives here as a LosslessNumber of its source text:
 * amounts stay exact, and integers (total, time) are checked to be safe before becoming numbers.
 * Unknown extra fields are tolerated (v.object ignores them).
 */
import * as v from 'valibot';
import { isDecimal } from '../../core/money';
import { LosslessNumber } from '../../core/lossless-json';

/** A string, or a JSON number as its exact source text. */
const numberOrString = v.pipe(
  v.union([v.string(), v.instance(LosslessNumber)]),
  v.transform((x) => (typeof x === 'string' ? x : x.source)),
);

/** `"0"` or `0` → "0": the seed shows strings, a lenient server may send numbers. */
const codeText = numberOrString;

export const envelopeSchema = v.object({
  status: codeText,
  message: v.optional(v.nullable(v.string())),
  timestamp: v.optional(v.nullable(codeText)),
  data: v.optional(v.unknown()),
});
export type BiyongEnvelope = v.InferOutput<typeof envelopeSchema>;

/** A non-negative integer sent as a digit string or a number, that fits a JS number exactly. */
const safeCount = v.pipe(
  numberOrString,
  v.regex(/^\d{1,16}$/, 'a non-negative integer'),
  v.transform((x) => Number(x)),
  v.check((n) => Number.isSafeInteger(n), 'a safe integer'),
);

/** "true"/"false" as the seed sends flags, or real booleans. */
const flag = v.pipe(
  v.union([v.picklist(['true', 'false']), v.boolean()]),
  v.transform((x) => x === true || x === 'true'),
);

/** A signed decimal amount, kept as the exact decimal string BiYong wrote (no exponent form). */
const signedAmount = v.pipe(
  numberOrString,
  v.check((s) => isDecimal(s), 'a plain decimal amount'),
);

export const authDataSchema = v.object({
  openId: v.pipe(v.string(), v.minLength(1)),
  authList: v.optional(v.nullable(v.array(v.string())), []),
});

export const infoDataSchema = v.object({
  auth: v.optional(flag, false),
  pubInfoAuth: v.optional(flag, false),
  phoneAuth: v.optional(flag, false),
  firstName: v.optional(v.nullable(v.string())),
  lastName: v.optional(v.nullable(v.string())),
  selfieUrl: v.optional(v.nullable(v.string())),
  isKycPass: v.optional(v.nullable(flag)),
  phone: v.optional(v.nullable(v.string())),
});

export const balanceRecordSchema = v.object({
  tokenSymbol: v.pipe(v.string(), v.minLength(1)),
  balance: signedAmount,
  time: safeCount,
});

export const balancePageSchema = v.object({
  total: safeCount,
  records: v.optional(v.nullable(v.array(balanceRecordSchema)), []),
});

export const tokenInfoSchema = v.object({
  symbol: v.pipe(v.string(), v.minLength(1)),
  name: v.optional(v.nullable(v.string())),
  projectName: v.optional(v.nullable(v.string())),
});

export const tokenInfoPageSchema = v.object({
  total: safeCount,
  records: v.optional(v.nullable(v.array(tokenInfoSchema)), []),
});
