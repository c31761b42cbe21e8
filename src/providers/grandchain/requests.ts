/**
 * Build a Grand Chain request for a revision, then process the reply (oauth4webapi style). Both
 * halves are pure apart from the fetch in between; the revision logic that joins them lives in
 * client.ts.
 */
import * as v from 'valibot';
import { errors } from '../../core/errors';
import { parseJsonExact, validate, type HttpRequest, type HttpResponse } from '../../core/http';
import { errorEntry, OK_CODES } from './error-table';
import { BODY_KEYS, pathFor, type GrandchainEndpoint, type GrandchainRevision } from './revisions';
import { dropNull, replySchema } from './schemas';

export type GrandchainBody = Record<string, string | number>;

export interface GrandchainPrepared {
  request: HttpRequest;
  endpoint: GrandchainEndpoint;
  revision: GrandchainRevision;
  /** The path as sent, relative to the base URL (e.g. `trade/transfer`). */
  path: string;
}

export function grandchainUrl(baseUrl: string, path: string): string {
  return (baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`) + path;
}

export function buildGrandchainRequest(
  baseUrl: string,
  revision: GrandchainRevision,
  endpoint: GrandchainEndpoint,
  body: GrandchainBody,
): GrandchainPrepared {
  const path = pathFor(endpoint, revision);
  const keys = BODY_KEYS[endpoint][revision];
  if (path === undefined || keys === undefined) {
    throw errors.platform(
      {
        en: `This Grand Chain server (seed revision) has no ${endpoint} endpoint`,
        zh: `该 Grand Chain 服务器（文档版本）没有 ${endpoint} 接口`,
      },
      { platform: 'grandchain', endpoint },
    );
  }
  // Exactly the documented keys, in the documented order: the deployed server answers 402 to an
  // extra key, and a missing one is our bug, not the user's.
  const given = Object.keys(body).sort().join();
  if (given !== [...keys].sort().join()) {
    throw errors.internal(
      { en: `Body keys for ${endpoint} do not match the ${revision} revision` },
      { platform: 'grandchain', endpoint },
    );
  }
  const ordered: GrandchainBody = {};
  for (const k of keys) ordered[k] = body[k] as string | number;
  return {
    endpoint,
    revision,
    path,
    request: {
      platform: 'grandchain',
      endpoint: path,
      url: grandchainUrl(baseUrl, path),
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(ordered),
    },
  };
}

/**
 * True when the answer is the deployed server's 301 from a route without its trailing slash to
 * the same route with it. Such a redirect comes from the router before any view runs, so nothing
 * was done and POSTing the same call to the slash route is safe. Any other redirect is not.
 * In a browser, `redirect: 'manual'` yields an opaque redirect without a Location; from a route
 * lacking its slash that can only be this one (the seed API documents no other), so it counts.
 */
export function isSlashRedirect(res: HttpResponse, prepared: GrandchainPrepared): boolean {
  if (!res.redirected || prepared.path.endsWith('/')) return false;
  if (res.location === null) return res.status === 0;
  let target: URL;
  try {
    target = new URL(res.location, prepared.request.url);
  } catch {
    return false;
  }
  const sent = new URL(prepared.request.url);
  return target.origin === sent.origin && target.pathname === `${sent.pathname}/`;
}

export interface GrandchainResult<T> {
  code: number;
  data: T;
}

export function processGrandchainResponse<S extends v.GenericSchema>(
  res: HttpResponse,
  prepared: Pick<GrandchainPrepared, 'endpoint' | 'path'>,
  schema: S,
): GrandchainResult<v.InferOutput<S>> {
  const where = { platform: 'grandchain' as const, endpoint: prepared.path, status: res.status };
  if (res.redirected) {
    throw errors.bad_response(
      {
        en: 'Grand Chain answered with a redirect (not followed)',
        zh: 'Grand Chain 返回了重定向（未跟随）',
      },
      where,
    );
  }
  if (res.status !== 200) {
    if (res.status >= 500) {
      throw errors.platform(
        {
          en: `Grand Chain answered HTTP ${res.status}`,
          zh: `Grand Chain 返回 HTTP ${res.status}`,
        },
        where,
      );
    }
    if (res.status === 404) {
      throw errors.platform(
        {
          en: 'Grand Chain has no such route (wrong base URL or API revision?)',
          zh: 'Grand Chain 没有该接口（基础地址或接口版本不对？）',
        },
        where,
      );
    }
    throw errors.bad_response(
      { en: `Grand Chain answered HTTP ${res.status}`, zh: `Grand Chain 返回 HTTP ${res.status}` },
      where,
    );
  }
  // parseJsonExact turns HTML, empty and truncated bodies into bad_response; "NULL" fields then go.
  const body = dropNull(parseJsonExact(res.text(), v.unknown(), where));
  const { code, msg } = validate(body, replySchema, where);
  const okCodes = OK_CODES[prepared.endpoint] ?? [0];
  if (!okCodes.includes(code)) throw codeError(prepared.endpoint, code, msg, where);
  return { code, data: validate(body, schema, where) };
}

function codeError(
  endpoint: GrandchainEndpoint,
  code: number,
  msg: unknown,
  where: { platform: 'grandchain'; endpoint: string; status: number },
) {
  const details = { ...where, platformCode: String(code) };
  // The server's text, cut short and on one line.
  const said =
    typeof msg === 'string'
      ? msg
          // eslint-disable-next-line no-control-regex
          .replace(/[\u0000-\u001f\u007f]+/g, ' ')
          .trim()
          .slice(0, 200)
      : '';
  // The deployed server answers a receive of a missing or already received order with 504, the
  // code of a bad session ("order not exist" against "identity error"): only the message tells
  // them apart, and signing in again would not help the first.
  if (endpoint === 'trade/receive' && code === 504 && /order|订单/i.test(said)) {
    return errors.not_found(
      {
        en: 'Grand Chain has no such transfer waiting to be received (already received?)',
        zh: 'Grand Chain 没有待收的这笔转账（可能已收款）',
      },
      details,
    );
  }
  // 500 is the server's own failure; its message (an exception text) is all there is to go on.
  if (code === 500 && said) {
    return errors.platform(
      { en: `Grand Chain server error: ${said}`, zh: `Grand Chain 服务器错误：${said}` },
      details,
    );
  }
  const entry = errorEntry(endpoint, code);
  if (entry) return errors[entry.kind]({ en: entry.en, zh: entry.zh }, details);
  // An undocumented code: show the server's text.
  return errors.platform(
    {
      en: said ? `Grand Chain error ${code}: ${said}` : `Grand Chain error ${code}`,
      zh: said ? `Grand Chain 错误 ${code}：${said}` : `Grand Chain 错误 ${code}`,
    },
    details,
  );
}
