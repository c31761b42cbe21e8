/** Processing any FOMO JSON reply: envelope checks first, then the payload's schema. */
import type * as v from 'valibot';
import { validate, type HttpResponse } from '../../core/http';
import { parseJsonReply } from '../../core/json-reply';
import { FOMO_SUCCESS_STATUS } from './error-table';
import { fomoCodeError, fomoOAuthError } from './errors';
import { replySchema } from './schemas';

function isPlainObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

export function processFomoReply<S extends v.GenericSchema>(
  res: HttpResponse,
  endpoint: string,
  schema: S,
): v.InferOutput<S> {
  const where = { platform: 'fomo' as const, endpoint, status: res.status };
  const { reply, ok, statusError } = parseJsonReply(res, where, 'FOMO', replySchema);
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
