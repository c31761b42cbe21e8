/**
 * Reply shapes of FOMO's JSON endpoints. The seed shows none of them, so the schemas accept the
 * two natural forms and tolerate extra fields:
 * - bare: `{ access_token, refresh_token, expires_in?, … }`, optionally with `status: 1`;
 * - wrapped: `{ status, msg?, data: { … } }`, where `status` is an appendix code (1 = success).
 * An OAuth-style `{ error, error_description }` is recognised too.
 */
import * as v from 'valibot';

/** An appendix code as a number or a digit string. */
export const statusCode = v.pipe(
  v.union([v.number(), v.string()]),
  v.check(
    (x) => (typeof x === 'number' ? Number.isSafeInteger(x) : /^-?\d{1,9}$/.test(x)),
    'an integer status',
  ),
  v.transform((x) => String(Number(x))),
);

/** What every FOMO reply may carry around its payload. */
export const replySchema = v.looseObject({
  status: v.optional(statusCode),
  code: v.optional(statusCode),
  msg: v.optional(v.unknown()),
  message: v.optional(v.unknown()),
  error: v.optional(v.string()),
  data: v.optional(v.unknown()),
});

const idLike = v.pipe(
  v.union([v.string(), v.number()]),
  v.check((x) => (typeof x === 'string' ? x.length > 0 : Number.isSafeInteger(x)), 'an id'),
  v.transform((x) => String(x)),
);

const seconds = v.pipe(
  v.union([v.number(), v.string()]),
  v.check(
    (x) => (typeof x === 'number' ? Number.isSafeInteger(x) && x >= 0 : /^\d{1,10}$/.test(x)),
    'a whole number of seconds',
  ),
  v.transform((x) => Number(x)),
);

export const tokenSchema = v.looseObject({
  access_token: v.pipe(v.string(), v.minLength(1)),
  refresh_token: v.optional(v.pipe(v.string(), v.minLength(1))),
  // Tolerated missing (docs/providers/fomo.md, Replies and errors): the token then counts as valid
  // until FOMO says 2 or 3.
  expires_in: v.optional(v.nullable(seconds)),
  scope: v.optional(v.nullable(v.string())),
  token_type: v.optional(v.nullable(v.string())),
});

export const userInfoSchema = v.looseObject({
  user_id: idLike,
  nickname: v.optional(v.nullable(v.string())),
  username: v.optional(v.nullable(v.string())),
  avatar: v.optional(v.nullable(v.string())),
});
