/**
 * valibot schemas of Grand Chain's replies (both revisions, docs/providers/grandchain.md). Replies
 * are `{code, msg, …}`; a field the server could not fill comes back as the string "NULL" and is
 * removed before validation (`dropNull`), so it reads as missing. Unknown extra fields are
 * tolerated.
 */
import * as v from 'valibot';
import { LosslessNumber } from '../../core/lossless-json';

/** Replace "NULL" fields by absence (docs/providers/grandchain.md, Errors). Top level only. */
export function dropNull(body: unknown): unknown {
  if (!body || typeof body !== 'object' || Array.isArray(body)) return body;
  return Object.fromEntries(Object.entries(body).filter(([, value]) => value !== 'NULL'));
}

/** The return code: a number in the seed; a digit string is tolerated. */
export const codeSchema = v.pipe(
  v.union([v.pipe(v.number(), v.integer()), v.pipe(v.string(), v.regex(/^-?\d{1,6}$/))]),
  v.transform((x) => Number(x)),
);

export const replySchema = v.object({
  code: codeSchema,
  msg: v.optional(v.nullable(v.unknown())),
});

/** An id the server may send as a string ("user_js123…") or a number (1). */
export const idSchema = v.union([
  v.pipe(v.string(), v.minLength(1), v.maxLength(256)),
  v.pipe(v.number(), v.safeInteger()),
]);

/**
 * Integer fen → BigInt, from a digit string, or from a JSON number read exactly from the reply's
 * text (requests.ts parses with `parseJsonExact`): a safe integer arrives as a number, anything
 * else as a LosslessNumber of its digits. So `1.0000000000000001`, `12.5`, `1e3` and negatives are
 * refused (`bad_response`) instead of being rounded to whole fen, and a balance beyond 2^53 keeps
 * every digit. A plain number is accepted only when it is a safe integer, the only kind the exact
 * parser makes.
 */
export const fenSchema = v.pipe(
  v.union([
    v.pipe(v.number(), v.safeInteger(), v.minValue(0)),
    v.pipe(v.string(), v.regex(/^\d{1,30}$/, 'a whole number of fen')),
    v.pipe(
      v.instance(LosslessNumber),
      v.transform((n) => n.source),
      v.regex(/^\d{1,30}$/, 'a whole number of fen'),
    ),
  ]),
  v.transform((x) => BigInt(x)),
);

export const sessionReplySchema = v.object({
  user_id: idSchema,
  session_token: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)),
});

export const inquireUserSchema = v.object({
  inquire_email: v.optional(v.string()),
  result: v.optional(idSchema),
});

export const friendSchema = v.object({
  add_user_id: v.optional(idSchema),
  add_user_nick_name: v.optional(v.string()),
});

export const balanceSchema = v.object({ balance: fenSchema });

export const transferSchema = v.object({ balance: fenSchema, order_id: v.optional(idSchema) });

export const faceTokenSchema = v.object({
  face_token: v.pipe(v.string(), v.minLength(1), v.maxLength(1024)),
});

const party = v.object({
  user_id: v.optional(idSchema),
  email: v.optional(v.string()),
  nick_name: v.optional(v.string()),
});

/** A seed record: who sent, who received (the seed spells it `receve_user`), how much. */
export const seedTradeSchema = v.object({
  time_stamp: v.string(),
  send_user: party,
  receve_user: v.optional(party),
  receive_user: v.optional(party),
  trade_value: fenSchema,
});

/** A deployed record: time, type 0 out / 1 in, value. */
export const deployedTradeSchema = v.object({
  time_stamp: v.string(),
  type: v.pipe(
    v.union([v.picklist([0, 1]), v.picklist(['0', '1'])]),
    v.transform((x) => Number(x) as 0 | 1),
  ),
  trade_value: fenSchema,
});

export const tradeListSchema = v.object({
  record: v.array(v.union([deployedTradeSchema, seedTradeSchema])),
});

export const unreadItemSchema = v.object({
  order_id: idSchema,
  sender_email: v.optional(v.string()),
  sender_nick_name: v.optional(v.string()),
  trade_value: fenSchema,
  create_time: v.optional(v.union([v.string(), v.pipe(v.number(), v.safeInteger())])),
});

export const unreadSchema = v.union([
  v.object({ unread: v.array(unreadItemSchema) }),
  // A server that reuses trade/inquire's key.
  v.object({ record: v.array(unreadItemSchema) }),
]);
