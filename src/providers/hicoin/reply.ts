/**
 * Any HiCoin JSON reply. Seed 004 shows bare replies (`{access_token, …}`); HiCoin's wider
 * documentation wraps them as `{code, msg, data}`; error replies may also come WeChat-style as
 * `{errcode, errmsg}`. All three are accepted on every endpoint (docs/providers/hicoin.md, Replies
 * and errors). Success codes: 0 (and 200, which some HiCoin gateways use), as number or string.
 */
import * as v from 'valibot';
import { errors } from '../../core/errors';
import { validate, type HttpResponse } from '../../core/http';
import { parseJsonReply } from '../../core/json-reply';
import { hicoinDescription } from './description';

const code = v.pipe(
  v.union([v.number(), v.string()]),
  v.check(
    (x) => (typeof x === 'number' ? Number.isSafeInteger(x) : /^-?\d{1,9}$/.test(x)),
    'an integer code',
  ),
  v.transform((x) => String(Number(x))),
);

const replySchema = v.looseObject({
  code: v.optional(code),
  msg: v.optional(v.nullable(v.string())),
  data: v.optional(v.unknown()),
  errcode: v.optional(code),
  errmsg: v.optional(v.nullable(v.string())),
});

const SUCCESS = new Set(['0', '200']);

export function hicoinCodeError(
  codeText: string,
  said: string | null | undefined,
  where: { endpoint: string; status?: number },
) {
  const details = { platform: 'hicoin' as const, platformCode: codeText, ...where };
  const entry = hicoinDescription.errorCodes[codeText];
  if (entry) return errors[entry.kind]({ en: entry.en, zh: entry.zh }, details);
  const text = said?.trim().slice(0, 200);
  return errors.platform(
    {
      en: `HiCoin error ${codeText}${text ? `: ${text}` : ''}`,
      zh: `HiCoin 错误 ${codeText}${text ? `：${text}` : ''}`,
    },
    details,
  );
}

export function processHicoinReply<S extends v.GenericSchema>(
  res: HttpResponse,
  endpoint: string,
  schema: S,
): v.InferOutput<S> {
  const where = { platform: 'hicoin' as const, endpoint, status: res.status };
  const { reply, ok, statusError } = parseJsonReply(res, where, 'HiCoin', replySchema);
  if (reply.errcode !== undefined && reply.errcode !== '0') {
    throw hicoinCodeError(reply.errcode, reply.errmsg, { endpoint, status: res.status });
  }
  const wrapped = reply.code !== undefined;
  if (wrapped && !SUCCESS.has(reply.code!)) {
    throw hicoinCodeError(reply.code!, reply.msg, { endpoint, status: res.status });
  }
  if (!ok) throw statusError();
  return validate(wrapped ? reply.data : reply, schema, where);
}
