/** Processing any FOMO JSON reply: envelope checks first, then the payload's schema. */
import type * as v from 'valibot';
import { errors, type ErrorCode } from '../../core/errors';
import { parseJson, validate, type HttpResponse } from '../../core/http';
import { FOMO_SUCCESS_STATUS } from './error-table';
import { fomoCodeError, fomoOAuthError } from './errors';
import { replySchema } from './schemas';

const STATUS_KIND: Record<number, ErrorCode> = {
  400: 'invalid_input',
  401: 'auth_expired',
  403: 'permission',
  404: 'not_found',
};

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function processFomoReply<S extends v.GenericSchema>(
  res: HttpResponse,
  endpoint: string,
  schema: S,
): v.InferOutput<S> {
  const where = { platform: 'fomo' as const, endpoint, status: res.status };
  if (res.redirected) {
    throw errors.bad_response(
      { en: 'FOMO answered with a redirect', zh: 'FOMO 返回了重定向' },
      where,
    );
  }
  const ok = res.status >= 200 && res.status < 300;
  const statusError = () =>
    errors[STATUS_KIND[res.status] ?? (res.status >= 500 ? 'platform' : 'bad_response')](
      { en: `FOMO answered HTTP ${res.status}`, zh: `FOMO 返回 HTTP ${res.status}` },
      where,
    );
  let reply: v.InferOutput<typeof replySchema>;
  try {
    reply = parseJson(res.text(), replySchema, where);
  } catch (e) {
    if (!ok) throw statusError();
    throw e;
  }
  if (reply.error) throw fomoOAuthError(reply.error, { endpoint, status: res.status });
  const code = reply.status ?? reply.code;
  if (code !== undefined && code !== String(FOMO_SUCCESS_STATUS)) {
    const said =
      typeof reply.msg === 'string'
        ? reply.msg
        : typeof reply.message === 'string'
          ? reply.message
          : undefined;
    throw fomoCodeError(code, { endpoint, status: res.status }, 'api', said);
  }
  if (!ok) throw statusError();
  const payload: unknown = isPlainObject(reply.data) ? reply.data : reply;
  return validate(payload, schema, where);
}
