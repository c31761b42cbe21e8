import { describe, expect, it } from 'vitest';
import { httpRequest, SkewClock, type HttpResponse } from '../../core/http';
import { grandchainDescription } from './description';
import { ENDPOINT_CODES } from './error-table';
import { buildGrandchainRequest, processGrandchainResponse } from './requests';
import { BODY_KEYS, ENDPOINTS, pathFor } from './revisions';
import { balanceSchema, replySchema } from './schemas';

async function respond(
  body: BodyInit | null,
  init: ResponseInit = {},
  maxBytes?: number,
): Promise<HttpResponse> {
  return httpRequest(
    {
      fetch: async () => new Response(body, init),
      clock: new SkewClock(),
      ...(maxBytes ? { maxBytes } : {}),
    },
    { platform: 'grandchain', endpoint: 'x', url: 'http://gc.test/x', method: 'POST' },
  );
}

const transfer = { endpoint: 'trade/transfer' as const, path: 'trade/transfer/' };

describe('building', () => {
  it('every endpoint: seed paths as the seed writes them, deployed with a trailing slash', () => {
    expect(ENDPOINTS.map((e) => pathFor(e, 'seed'))).toEqual([
      'register/try/',
      'register/verify/',
      'register/send/',
      'register/face/insert',
      'login/',
      'logout/',
      'user/inquire/',
      'user/add/friend',
      'user/confirm/friend',
      'trade/transfer',
      'trade/receive',
      'trade/inquire',
      undefined,
      undefined,
      undefined,
    ]);
    for (const e of ENDPOINTS) expect(pathFor(e, 'deployed')).toBe(`${e}/`);
  });

  it('a body with a key the revision does not document is refused before sending', () => {
    const keys = BODY_KEYS['trade/transfer'].seed ?? [];
    const body = Object.fromEntries(keys.map((k) => [k, 'v']));
    expect(() => buildGrandchainRequest('http://b/', 'seed', 'trade/transfer', body)).not.toThrow();
    expect(() => buildGrandchainRequest('http://b/', 'deployed', 'trade/transfer', body)).toThrow(
      expect.objectContaining({ code: 'internal' }),
    );
    expect(() =>
      buildGrandchainRequest('http://b/', 'seed', 'trade/transfer', { ...body, face_token: 'f' }),
    ).toThrow(expect.objectContaining({ code: 'internal' }));
  });

  it('joins the base URL with or without its slash', () => {
    const a = buildGrandchainRequest('http://h/grand/chain', 'deployed', 'login', {
      email: 'e',
      password: 'p',
    });
    const b = buildGrandchainRequest('http://h/grand/chain/', 'deployed', 'login', {
      email: 'e',
      password: 'p',
    });
    expect(a.request.url).toBe('http://h/grand/chain/login/');
    expect(b.request.url).toBe(a.request.url);
    expect(a.request.headers).toEqual({ 'Content-Type': 'application/json' });
  });
});

describe('processing', () => {
  it('per-endpoint meanings of 501–505 (docs/providers/grandchain.md, Errors)', async () => {
    const cases: [string, string, number, string][] = [
      ['register/try', 'register/try/', 501, 'duplicate'],
      ['register/verify', 'register/verify/', 501, 'not_found'],
      ['register/face/insert', 'register/face/insert', 502, 'duplicate'],
      ['login', 'login/', 502, 'invalid_input'],
      ['trade/transfer', 'trade/transfer', 502, 'insufficient_funds'],
      ['trade/transfer', 'trade/transfer', 501, 'not_found'],
      ['trade/receive', 'trade/receive', 501, 'not_found'],
      ['trade/inquire', 'trade/inquire', 504, 'auth_expired'],
      ['user/add/friend', 'user/add/friend', 503, 'auth_expired'],
      ['trade/transfer', 'trade/transfer/', 505, 'permission'],
      ['login', 'login/', 401, 'invalid_input'],
      ['login', 'login/', 402, 'platform'],
      ['login', 'login/', 403, 'invalid_input'],
      ['login', 'login/', 500, 'platform'],
      ['login', 'login/', 777, 'platform'],
      ['logout', 'logout/', 201, 'platform'],
    ];
    for (const [endpoint, path, code, kind] of cases) {
      const res = await respond(JSON.stringify({ code, msg: 'server says hi' }));
      expect(
        () => processGrandchainResponse(res, { endpoint: endpoint as 'login', path }, replySchema),
        `${endpoint} ${code}`,
      ).toThrow(
        expect.objectContaining({ code: kind, platformCode: String(code), endpoint: path }),
      );
    }
  });

  it('an undocumented code shows the server text, cut short, on one line', async () => {
    const res = await respond(JSON.stringify({ code: 599, msg: 'boom\n' + 'x'.repeat(500) }));
    try {
      processGrandchainResponse(res, transfer, balanceSchema);
      throw new Error('no throw');
    } catch (e) {
      const err = e as { messages: { en: string } };
      expect(err.messages.en.startsWith('Grand Chain error 599: boom x')).toBe(true);
      expect(err.messages.en.length).toBeLessThan(260);
    }
  });

  it('every documented entry of the description has both languages', () => {
    for (const [key, entry] of Object.entries(grandchainDescription.errorCodes)) {
      expect(entry.en, key).not.toBe('');
      expect(entry.zh, key).not.toBe('');
    }
    expect(Object.keys(ENDPOINT_CODES).sort()).toEqual([...ENDPOINTS].sort());
    expect(grandchainDescription.errorCodes['trade/transfer#502']?.kind).toBe('insufficient_funds');
  });

  const hostile: [string, () => Promise<HttpResponse>, string][] = [
    ['HTML', () => respond('<html>502 Bad Gateway</html>'), 'bad_response'],
    ['empty', () => respond(''), 'bad_response'],
    ['truncated', () => respond('{"code":0,"msg":"ok","bala'), 'bad_response'],
    ['code missing', () => respond('{"msg":"ok","balance":"1"}'), 'bad_response'],
    ['code of the wrong type', () => respond('{"code":"zero","balance":"1"}'), 'bad_response'],
    ['code as a float', () => respond('{"code":0.5,"balance":"1"}'), 'bad_response'],
    ['balance missing', () => respond('{"code":0,"msg":"ok"}'), 'bad_response'],
    ['balance "NULL" on success', () => respond('{"code":0,"balance":"NULL"}'), 'bad_response'],
    ['a JSON array', () => respond('[0]'), 'bad_response'],
    ['HTTP 500', () => respond('oops', { status: 500 }), 'platform'],
    ['HTTP 404', () => respond('<h1>Not Found</h1>', { status: 404 }), 'platform'],
    ['HTTP 400', () => respond('{"code":0}', { status: 400 }), 'bad_response'],
    [
      'a redirect',
      () => respond(null, { status: 302, headers: { location: 'http://gc.test/x/' } }),
      'bad_response',
    ],
  ];
  for (const [name, make, kind] of hostile) {
    it(`${name} → ${kind}`, async () => {
      const res = await make();
      expect(() => processGrandchainResponse(res, transfer, balanceSchema)).toThrow(
        expect.objectContaining({
          code: kind,
          platform: 'grandchain',
          endpoint: 'trade/transfer/',
        }),
      );
    });
  }

  it('a huge answer is cut off as bad_response', async () => {
    await expect(
      respond(JSON.stringify({ code: 0, pad: 'x'.repeat(5000) }), {}, 1024),
    ).rejects.toMatchObject({
      code: 'bad_response',
    });
  });

  it('extra fields are tolerated', async () => {
    const res = await respond(
      JSON.stringify({ code: 0, msg: 'ok', balance: '7', extra: { a: 1 } }),
    );
    expect(processGrandchainResponse(res, transfer, balanceSchema)).toEqual({
      code: 0,
      data: { balance: 7n },
    });
  });
});
