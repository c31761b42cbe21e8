import { beforeAll, describe, expect, it } from 'vitest';
import { SkewClock, type FetchLike } from '../../core/http';
import type { ProviderContext } from '../types';
import { createBiyongClient, type BiyongCredentials } from './client';
import {
  envelope,
  nodeParseRequest,
  nodeResponseFrame,
  nodeVerify,
  testKeys,
  type NodeKeyPair,
  type ParsedRequest,
} from './test-kit';

let keys: { merchant: NodeKeyPair; platform: NodeKeyPair; rogue: NodeKeyPair };
beforeAll(() => {
  const k = testKeys();
  keys = { ...k, rogue: testKeys().platform };
});

type Reply = (req: ParsedRequest, n: number) => Response | Promise<Response>;

/** A fake BiYong: checks every request the way BiYong would, then answers with `reply`. */
function fakeBiyong(reply: Reply) {
  const seen: { url: string; headers: Headers; req: ParsedRequest }[] = [];
  const fetch: FetchLike = async (url, init) => {
    const body = init?.body as Uint8Array;
    const req = nodeParseRequest(body);
    const headers = new Headers(init?.headers);
    expect(nodeVerify(keys.merchant.publicKeyB64, req.raw, req.signature)).toBe(true);
    seen.push({ url, headers, req });
    return reply(req, seen.length);
  };
  return { fetch, seen };
}

function ok(req: ParsedRequest, data: unknown, init: ResponseInit = {}): Response {
  return new Response(
    nodeResponseFrame(keys.platform.privateKeyB64, req.messageId, envelope(data)),
    init,
  );
}
function status(req: ParsedRequest, code: string, message = '', init: ResponseInit = {}): Response {
  return new Response(
    nodeResponseFrame(keys.platform.privateKeyB64, req.messageId, envelope(null, code, message)),
    init,
  );
}

function setup(reply: Reply, clockMs = 1_700_000_000_000, extra: Partial<ProviderContext> = {}) {
  const server = fakeBiyong(reply);
  const clock = new SkewClock({ now: () => clockMs });
  const ctx: ProviderContext = {
    fetch: server.fetch,
    clock,
    baseUrl: 'https://by.test/',
    ...extra,
  };
  const creds: BiyongCredentials = {
    appId: 'app_x',
    merchantPrivateKey: keys.merchant.privateKeyB64,
    platformPublicKey: keys.platform.publicKeyB64,
  };
  return { client: createBiyongClient(ctx, creds), server, clock };
}

describe('endpoints', () => {
  it('auth sends {authToken} and returns openId and authList', async () => {
    const { client, server } = setup((req) =>
      ok(req, { authList: ['PUBLIC_INFO', 'BALANCE'], openId: '9bd0' }),
    );
    await expect(client.auth('EuQk')).resolves.toEqual({
      openId: '9bd0',
      authList: ['PUBLIC_INFO', 'BALANCE'],
    });
    expect(server.seen[0]?.url).toBe('https://by.test/biyong-user/auth');
    expect(server.seen[0]?.req.params).toEqual({ authToken: 'EuQk' });
    expect(server.seen[0]?.headers.get('AppId')).toBe('app_x');
    expect(server.seen[0]?.headers.get('RsaSignHashMode')).toBe('SHA256');
    expect(server.seen[0]?.headers.get('Content-Type')).toBe('application/json');
  });

  it('update validates the token before sending and accepts data null', async () => {
    const { client, server } = setup((req) => ok(req, null));
    await expect(client.updateToken('o1', 'abc_DEF_123')).resolves.toBeUndefined();
    expect(server.seen[0]?.req.params).toEqual({ openId: 'o1', token: 'abc_DEF_123' });
    for (const bad of ['', 'has space', 'x'.repeat(65), 'dash-no', '中文']) {
      await expect(client.updateToken('o1', bad)).rejects.toMatchObject({ code: 'invalid_input' });
    }
    expect(server.seen).toHaveLength(1);
  });

  it('info keeps fields only where the permission flags allow', async () => {
    const { client } = setup((req) =>
      ok(req, {
        auth: 'true',
        pubInfoAuth: 'true',
        firstName: 'John',
        lastName: 'Due',
        isKycPass: 'false',
        phoneAuth: 'false',
        phone: '86-1330', // sent although phoneAuth is false: dropped
      }),
    );
    await expect(client.info('o1')).resolves.toEqual({
      auth: true,
      pubInfoAuth: true,
      phoneAuth: false,
      firstName: 'John',
      lastName: 'Due',
      isKycPass: false,
    });
  });

  it('balance page: amounts stay the exact decimals BiYong wrote, numbers or strings', async () => {
    const { client, server } = setup(
      (req) =>
        new Response(
          nodeResponseFrame(
            keys.platform.privateKeyB64,
            req.messageId,
            '{"status":"0","data":{"total":3,"records":[' +
              '{"tokenSymbol":"ACT","balance":10.32,"time":1525335516797},' +
              '{"tokenSymbol":"BTC","balance":-0.123456789012345678,"time":"1525335516798"},' +
              '{"tokenSymbol":"ETH","balance":"-5","time":1525335516799}]}}',
          ),
        ),
    );
    const page = await client.balancePage({
      openId: 'o1',
      pageNo: 0,
      pageSize: 100,
      startTime: 1,
      endTime: 2,
    });
    expect(page).toEqual({
      total: 3,
      records: [
        { tokenSymbol: 'ACT', balance: '10.32', time: 1525335516797 },
        { tokenSymbol: 'BTC', balance: '-0.123456789012345678', time: 1525335516798 },
        { tokenSymbol: 'ETH', balance: '-5', time: 1525335516799 },
      ],
    });
    expect(server.seen[0]?.req.params).toEqual({
      openId: 'o1',
      pageNo: '0',
      pageSize: '100',
      startTime: '1',
      endTime: '2',
    });
  });

  it('balance page inputs are checked before sending', async () => {
    const { client, server } = setup((req) => ok(req, { total: 0, records: [] }));
    const q = { openId: 'o', pageNo: 0, pageSize: 10 };
    for (const bad of [
      { ...q, pageSize: 1001 },
      { ...q, pageSize: 0 },
      { ...q, pageNo: -1 },
      { ...q, pageNo: 1.5 },
      { ...q, openId: '' },
      { ...q, startTime: 5, endTime: 4 },
      { ...q, startTime: -1 },
    ]) {
      await expect(client.balancePage(bad)).rejects.toMatchObject({ code: 'invalid_input' });
    }
    expect(server.seen).toHaveLength(0);
  });

  it('an amount in exponent form or a time beyond 2^53 is a bad_response', async () => {
    for (const rec of [
      '{"tokenSymbol":"A","balance":1e-7,"time":1}',
      '{"tokenSymbol":"A","balance":"1","time":90071992547409930}',
      '{"tokenSymbol":"A","balance":true,"time":1}',
      '{"tokenSymbol":"A","time":1}',
    ]) {
      const { client } = setup(
        (req) =>
          new Response(
            nodeResponseFrame(
              keys.platform.privateKeyB64,
              req.messageId,
              `{"status":"0","data":{"total":1,"records":[${rec}]}}`,
            ),
          ),
      );
      await expect(
        client.balancePage({ openId: 'o', pageNo: 0, pageSize: 1 }),
        rec,
      ).rejects.toMatchObject({ code: 'bad_response', endpoint: '/biyong-user/balance/page' });
    }
  });

  it('the pager walks pages from 0 until total and stops on a short page', async () => {
    const all = Array.from({ length: 7 }, (_, i) => ({
      tokenSymbol: 'T',
      balance: `${i}.5`,
      time: 1000 + i,
    }));
    const { client, server } = setup((req) => {
      const no = Number(req.params.pageNo);
      const size = Number(req.params.pageSize);
      return ok(req, { total: all.length, records: all.slice(no * size, no * size + size) });
    });
    const got = [];
    for await (const page of client.balancePages({ openId: 'o' }, { pageSize: 3 })) {
      got.push(...page.records);
    }
    expect(got).toEqual(all);
    expect(server.seen.map((s) => s.req.params.pageNo)).toEqual(['0', '1', '2']);
  });

  it('the pager stops at maxPages when total lies upward', async () => {
    const { client, server } = setup((req) =>
      ok(req, { total: 1_000_000, records: [{ tokenSymbol: 'T', balance: '1', time: 1 }] }),
    );
    let n = 0;
    for await (const _ of client.balancePages({ openId: 'o' }, { pageSize: 1, maxPages: 4 })) n++;
    expect(n).toBe(4);
    expect(server.seen).toHaveLength(4);
  });

  it('token info pages', async () => {
    const { client } = setup((req) =>
      ok(req, {
        total: 1,
        records: [{ symbol: 'ACT', name: 'ACT', projectName: 'Achain', extra: 1 }],
      }),
    );
    const pages = [];
    for await (const p of client.tokenInfoPages()) pages.push(p);
    expect(pages).toEqual([
      { total: 1, records: [{ symbol: 'ACT', name: 'ACT', projectName: 'Achain' }] },
    ]);
  });
});

describe('keys', () => {
  it('a key that does not import fails the call as invalid_input before anything is sent', async () => {
    const server = fakeBiyong((req) => ok(req, {}));
    const c = createBiyongClient(
      { fetch: server.fetch, clock: new SkewClock(), baseUrl: 'https://by.test' },
      {
        appId: 'a',
        merchantPrivateKey: 'bm90IGEga2V5',
        platformPublicKey: keys.platform.publicKeyB64,
      },
    );
    await expect(c.auth('t')).rejects.toMatchObject({ code: 'invalid_input', platform: 'biyong' });
    await expect(c.auth('t')).rejects.toMatchObject({ code: 'invalid_input' });
    expect(server.seen).toHaveLength(0);
  });
});

describe('status codes', () => {
  const cases: [string, string][] = [
    ['100000', 'platform'],
    ['100100', 'platform'],
    ['100101', 'permission'],
    ['100102', 'permission'],
    ['100401', 'signature'],
    ['999999', 'platform'],
  ];
  for (const [code, kind] of cases) {
    it(`${code} → ${kind}`, async () => {
      const { client } = setup((req) => status(req, code, 'order frozen'));
      const e = await client.info('o').catch((x: unknown) => x);
      expect(e).toMatchObject({ code: kind, platform: 'biyong', platformCode: code });
      if (code === '100000') expect((e as Error).message).toContain('order frozen');
    });
  }

  it('100400: resynchronises from Date and retries once with a new messageId and timestamp', async () => {
    const local = 1_700_000_000_000;
    const serverTime = local + 3_600_000;
    const { client, server, clock } = setup((req, n) =>
      n === 1
        ? status(req, '100400', 'timestamp', {
            headers: { date: new Date(serverTime).toUTCString() },
          })
        : ok(req, { openId: 'o2', authList: [] }),
    );
    await expect(client.auth('tok')).resolves.toEqual({ openId: 'o2', authList: [] });
    expect(server.seen).toHaveLength(2);
    const [a, b] = server.seen;
    expect(a?.req.messageId.equals(b!.req.messageId)).toBe(false);
    expect(a?.req.timestampMs).toBe(local);
    expect(Math.abs(b!.req.timestampMs - serverTime)).toBeLessThanOrEqual(1000);
    expect(clock.offsetMs).toBe(b!.req.timestampMs - local);
  });

  it('100400 twice: the second is reported, no third attempt', async () => {
    const { client, server } = setup((req) =>
      status(req, '100400', '', { headers: { date: new Date().toUTCString() } }),
    );
    await expect(client.auth('t')).rejects.toMatchObject({ code: 'timestamp_skew' });
    expect(server.seen).toHaveLength(2);
  });

  it('100400 without a usable Date header is reported without retrying', async () => {
    const { client, server } = setup((req) => status(req, '100400'));
    await expect(client.auth('t')).rejects.toMatchObject({ code: 'timestamp_skew' });
    expect(server.seen).toHaveLength(1);
  });
});

describe('hostile answers', () => {
  const id = (req: ParsedRequest) => req.messageId;
  const frameWith = (json: string | Uint8Array) => (req: ParsedRequest) =>
    new Response(nodeResponseFrame(keys.platform.privateKeyB64, id(req), json));
  const cases: [string, Reply, string][] = [
    [
      'signed with another key',
      (req) =>
        new Response(nodeResponseFrame(keys.rogue.privateKeyB64, req.messageId, envelope({}))),
      'signature',
    ],
    [
      'a messageId that is not ours',
      () =>
        new Response(
          nodeResponseFrame(keys.platform.privateKeyB64, Buffer.alloc(16, 9), envelope({})),
        ),
      'signature',
    ],
    [
      'a bit flipped in the JSON after signing',
      (req) => {
        const f = nodeResponseFrame(keys.platform.privateKeyB64, req.messageId, envelope({}));
        f[f.length - 2] = (f[f.length - 2] ?? 0) ^ 1;
        return new Response(f);
      },
      'signature',
    ],
    [
      'truncated in the middle of the signature',
      (req) =>
        new Response(
          nodeResponseFrame(keys.platform.privateKeyB64, req.messageId, envelope({})).subarray(
            0,
            100,
          ),
        ),
      'bad_response',
    ],
    ['an empty body', () => new Response(new Uint8Array(0)), 'bad_response'],
    ['an HTML page', () => new Response('<html><body>502</body></html>'), 'bad_response'],
    ['an HTML page with 502', () => new Response('<html></html>', { status: 502 }), 'platform'],
    ['plain-text error', () => new Response('AppId not registered'), 'platform'],
    ['plain-text JSON cut short', () => new Response('{"status":1,"data":{"acc'), 'bad_response'],
    ['an unsigned success envelope', () => new Response(envelope({ openId: 'x' })), 'bad_response'],
    [
      'plain-text envelope carrying 100401',
      () => new Response('{"status":"100401","message":"sign"}'),
      'signature',
    ],
    ['JSON that is not UTF-8', frameWith(Uint8Array.from([0x7b, 0xff, 0x7d])), 'bad_response'],
    ['JSON cut short', frameWith('{"status":"0","da'), 'bad_response'],
    ['an empty JSON', frameWith(''), 'bad_response'],
    ['status of the wrong type', frameWith('{"status":true,"data":{}}'), 'bad_response'],
    ['no status', frameWith('{"data":{"openId":"x"}}'), 'bad_response'],
    ['data missing openId', frameWith(envelope({ authList: [] })), 'bad_response'],
    ['openId of the wrong type', frameWith(envelope({ openId: 5 })), 'bad_response'],
    ['a JSON array', frameWith('[1,2]'), 'bad_response'],
    [
      'a redirect',
      () => new Response(null, { status: 302, headers: { location: 'https://evil.test/' } }),
      'bad_response',
    ],
  ];
  for (const [name, reply, kind] of cases) {
    it(`${name} → ${kind}`, async () => {
      const { client } = setup(reply);
      await expect(client.auth('tok')).rejects.toMatchObject({
        code: kind,
        platform: 'biyong',
        endpoint: '/biyong-user/auth',
      });
    });
  }

  it('a replayed answer (the previous request’s frame) is refused', async () => {
    let previous: Uint8Array<ArrayBuffer> | undefined;
    const { client } = setup((req) => {
      const frame =
        previous ??
        nodeResponseFrame(
          keys.platform.privateKeyB64,
          req.messageId,
          envelope({ openId: 'a', authList: [] }),
        );
      previous = frame;
      return new Response(frame);
    });
    await expect(client.auth('t1')).resolves.toMatchObject({ openId: 'a' });
    await expect(client.auth('t2')).rejects.toMatchObject({ code: 'signature' });
  });

  it('a huge answer is cut off at maxBytes as bad_response', async () => {
    const { client } = setup(() => new Response(new Uint8Array(2048)), undefined, {
      maxBytes: 1024,
    });
    await expect(client.auth('t')).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('no error message carries the auth token or key material', async () => {
    const secret = 'SECRET_biytoken_value_123';
    const { client } = setup((req) => status(req, '100102', 'user did not authorise'));
    const e = (await client.auth(secret).then(
      () => new Error('resolved'),
      (x: unknown) => x,
    )) as Error;
    expect(e).toMatchObject({ code: 'permission' });
    expect(JSON.stringify(e) + e.message).not.toContain(secret);
    expect(e.message).not.toContain(keys.merchant.privateKeyB64.slice(40, 80));
  });
});
