/**
 * Grand Chain request checking (docs/providers/grandchain.md, Errors): 402 missing or extra keys,
 * 403 a value of the wrong JSON type, 401 a value of the right type in the wrong format. Both
 * revisions refuse extra keys, because the seed says so plainly (402: 参数个数缺失或过多); what differs is
 * the types:
 *
 * - `deployed`: amounts and codes (trade_value, verify_code) must be strings of
 *   digits (a JSON number is 403); user_id is the numeric id, sent as a number or a digit string.
 * - `seed`: amounts and codes may be digit strings (as the examples show) or JSON integers;
 *   user_id is the string id the seed shows (`user_…`).
 */
export type Revision = 'seed' | 'deployed';

export type Kind = 'email' | 'password' | 'nick' | 'userId' | 'token' | 'digits' | 'code';

export interface Failure {
  code: number;
  msg: string;
}

export class GrandchainFailure extends Error {
  constructor(
    readonly code: number,
    msg: string,
  ) {
    super(msg);
    this.name = 'GrandchainFailure';
  }
}

export function fail(code: number, msg: string): never {
  throw new GrandchainFailure(code, msg);
}

const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[A-Za-z]{2,}$/;

/** The checked parameters: text as strings, amounts as BigInt fen, user ids normalised. */
export type Checked = Record<string, string | bigint>;

export function checkParams(
  body: unknown,
  spec: Readonly<Record<string, Kind>>,
  revision: Revision,
): Checked {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    fail(401, '参数格式错误: body must be a JSON object');
  }
  const given = Object.keys(body);
  const wanted = Object.keys(spec);
  const missing = wanted.filter((k) => !given.includes(k));
  const extra = given.filter((k) => !wanted.includes(k));
  if (missing.length > 0 || extra.length > 0) {
    fail(402, `参数个数缺失或过多: missing [${missing.join(', ')}], extra [${extra.join(', ')}]`);
  }
  const out: Checked = {};
  const values = body as Record<string, unknown>;
  for (const [name, kind] of Object.entries(spec)) {
    out[name] = checkValue(name, values[name], kind, revision);
  }
  return out;
}

function checkValue(name: string, v: unknown, kind: Kind, revision: Revision): string | bigint {
  const typeError = (): never => fail(403, `参数类型错误: ${name}`);
  const formatError = (): never => fail(401, `参数格式错误: ${name}`);
  switch (kind) {
    case 'digits':
    case 'code': {
      let text: string;
      if (typeof v === 'string') text = v;
      else if (revision === 'seed' && typeof v === 'number' && Number.isSafeInteger(v) && v >= 0) {
        text = String(v);
      } else return typeError();
      const ok = kind === 'code' ? /^\d{4,8}$/.test(text) : /^\d{1,15}$/.test(text);
      if (!ok) return formatError();
      return kind === 'code' ? text : BigInt(text);
    }
    case 'userId': {
      if (revision === 'deployed') {
        if (typeof v === 'number') {
          if (!Number.isSafeInteger(v) || v < 1) return formatError();
          return String(v);
        }
        if (typeof v !== 'string') return typeError();
        if (!/^[1-9]\d{0,15}$/.test(v)) return formatError();
        return v;
      }
      if (typeof v !== 'string') return typeError();
      if (!/^user_\w{1,40}$/.test(v)) return formatError();
      return v;
    }
    default: {
      if (typeof v !== 'string') return typeError();
      const ok =
        kind === 'email'
          ? EMAIL.test(v) && v.length <= 254
          : kind === 'nick'
            ? v.trim().length >= 1 && v.length <= 32
            : v.length >= 1 && v.length <= 128;
      if (!ok) return formatError();
      return v;
    }
  }
}
