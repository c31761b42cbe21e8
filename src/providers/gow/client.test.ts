import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { SkewClock, type FetchLike } from '../../core/http';
import type { CoinDockError } from '../../core/errors';
import { createGowClient, gowKycPageUrl } from './client';
import type { GowDepositInput, GowWithdrawalInput } from './inputs';
import type { ProviderContext } from '../types';

const BASE = 'https://gow.example/api';
const CREDS = { apiKey: 'APIKEY123456', secretKey: 'sekret-gow-key', account: 'alice@example.com' };
const NOW = 1_700_000_000_123;

interface Seen {
  url: URL;
  method: string;
  headers: Headers;
  body: string | undefined;
}

function ctxWith(answer: (req: Seen, n: number) => Response | Promise<Response>) {
  const seen: Seen[] = [];
  const fetch: FetchLike = async (input, init) => {
    const req: Seen = {
      url: new URL(input),
      method: init?.method ?? 'GET',
      headers: new Headers(init?.headers),
      body: typeof init?.body === 'string' ? init.body : undefined,
    };
    seen.push(req);
    return answer(req, seen.length);
  };
  const clock = new SkewClock({ now: () => NOW });
  const ctx: ProviderContext = { fetch, clock, baseUrl: BASE, timeoutMs: 2000 };
  return { ctx, seen, client: createGowClient(ctx, CREDS) };
}

const json = (body: unknown, init: ResponseInit = {}) =>
  new Response(JSON.stringify(body), {
    status: 200,
    headers: { 'content-type': 'application/json' },
    ...init,
  });
const ok = (data: unknown) => json({ code: '000000', data, description: '成功' });

// The signature the platform would compute, written independently of src/ (docs/providers/gow.md,
// Signing).
function expectedSign(params: Record<string, string>): string {
  const content = Object.keys(params)
    .sort()
    .reverse()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
  return createHmac('sha512', CREDS.secretKey).update(content, 'utf8').digest('hex');
}

async function caught(p: Promise<unknown>): Promise<CoinDockError> {
  try {
    await p;
  } catch (e) {
    return e as CoinDockError;
  }
  throw new Error('expected a rejection');
}

const deposit: GowDepositInput = {
  orderNo: 'CD-ORDER-0001',
  legalAmount: '1500.50',
  countryCode: 'ph',
  firstName: 'Alice',
  middleName: '',
  lastName: 'Chen',
  birthDate: '1990-02-28',
  noteCode: 'NOTE42',
};

const withdrawal: GowWithdrawalInput = {
  orderNo: 'CD-ORDER-0002',
  currencyAmount: '25.5',
  receiveAccount: '888888888',
  receiveName: 'Alice Chen',
  receiveFirstName: 'Alice',
  receiveMiddleName: 'M',
  receiveLastName: 'Chen',
  receiveBirthDate: '1990-02-28',
  receiveCountry: 'PH',
  receiveAddr: '1 Main St',
  receiveBankName: 'Smith & Co Bank',
  receiveBankAddress: 'Makati',
  bankCountryCode: 'PH',
  bankProvince: 'Metro Manila',
  bankCity: 'Makati',
  branchName: 'Ayala',
  bankSwiftCode: 'UA125',
};

describe('GOW requests', () => {
  it('GET carries the four headers; only apiKey+timestamp are signed, the query is not', async () => {
    const { client, seen } = ctxWith(() => ok({ cardStatus: '1' }));
    await client.authStatus();
    const req = seen[0]!;
    expect(req.method).toBe('GET');
    expect(req.url.origin + req.url.pathname).toBe(`${BASE}/user/findUserAuthStatus`);
    expect(req.url.searchParams.get('account')).toBe(CREDS.account);
    expect(req.url.searchParams.get('source')).toBe('binance');
    expect(req.headers.get('content-type')).toBe('application/json');
    expect(req.headers.get('timestamp')).toBe(String(NOW));
    expect(req.headers.get('apiKey')).toBe(CREDS.apiKey);
    expect(req.headers.get('sign')).toBe(
      expectedSign({ apiKey: CREDS.apiKey, timestamp: String(NOW) }),
    );
    expect(req.body).toBeUndefined();
  });

  it('POST signs apiKey, timestamp and every body parameter; body is JSON of strings', async () => {
    const { client, seen } = ctxWith(() => ok({}));
    const ack = await client.addDepositOrder(deposit);
    expect(ack.orderNo).toBe(deposit.orderNo);
    const req = seen[0]!;
    expect(req.method).toBe('POST');
    expect(req.url.pathname).toBe('/api/transaction/addChangeApplyOrder');
    expect(req.url.search).toBe('');
    const body = JSON.parse(req.body!) as Record<string, string>;
    expect(body).toEqual({
      orderNo: 'CD-ORDER-0001',
      account: CREDS.account,
      source: 'binance',
      legalAmount: '1500.50',
      fiatCurrency: 'php',
      countryCode: 'PH',
      firstName: 'Alice',
      middleName: '',
      lastName: 'Chen',
      birthDate: '1990-02-28',
      noteCode: 'NOTE42',
    });
    expect(req.headers.get('sign')).toBe(
      expectedSign({ ...body, apiKey: CREDS.apiKey, timestamp: String(NOW) }),
    );
  });

  it('withdrawal: bank details signed verbatim (a name with &), optional fields left out', async () => {
    const { client, seen } = ctxWith(() => ok(null));
    await client.addWithdrawalOrder(withdrawal);
    const req = seen[0]!;
    expect(req.url.pathname).toBe('/api/transaction/addChangeApplySale');
    const body = JSON.parse(req.body!) as Record<string, string>;
    expect(body.receiveBankName).toBe('Smith & Co Bank');
    expect(body.fiatCurrency).toBe('php');
    expect('receiveProvince' in body).toBe(false);
    expect('receiveCity' in body).toBe(false);
    expect(req.headers.get('sign')).toBe(
      expectedSign({ ...body, apiKey: CREDS.apiKey, timestamp: String(NOW) }),
    );
    await client.addWithdrawalOrder({ ...withdrawal, receiveCity: 'Makati' });
    expect((JSON.parse(seen[1]!.body!) as Record<string, string>).receiveCity).toBe('Makati');
  });

  it('receive-account info and order detail use GET with source (and orderNo) in the query', async () => {
    const { client, seen } = ctxWith((req) =>
      req.url.pathname.endsWith('getReceiveAccountInfo')
        ? ok({ receiveBankName: 'UNINE Bank ', receiveAccount: '888888888', extra: 1 })
        : ok({ orderNo: 'CD-1', applyStatus: '3', applyType: '1', legalAmount: '100.00' }),
    );
    const info = await client.receiveAccountInfo();
    expect(info.receiveAccount).toBe('888888888');
    expect(seen[0]!.url.searchParams.get('source')).toBe('binance');
    await client.orderDetail('CD-1');
    expect(seen[1]!.url.searchParams.get('orderNo')).toBe('CD-1');
    expect(seen[1]!.url.searchParams.get('source')).toBe('binance');
  });

  it('the KYC page URL is built, not fetched, and carries account and source', () => {
    const { client, seen } = ctxWith(() => ok({}));
    const url = new URL(client.kycPageUrl());
    expect(url.pathname).toBe('/api/user/userKyc.html');
    expect(url.searchParams.get('account')).toBe(CREDS.account);
    expect(url.searchParams.get('source')).toBe('binance');
    expect(seen).toHaveLength(0);
    expect(gowKycPageUrl(`${BASE}/`, 'a+b@example.com')).toBe(
      `${BASE}/user/userKyc.html?account=a%2Bb%40example.com&source=binance`,
    );
  });
});

describe('GOW input validation happens before sending', () => {
  it.each([
    ['orderNo over 40', { orderNo: 'x'.repeat(41) }, 'orderNo'],
    ['empty orderNo', { orderNo: '' }, 'orderNo'],
    ['orderNo with a space', { orderNo: 'a b' }, 'orderNo'],
    ['negative amount', { legalAmount: '-1' }, 'legalAmount'],
    ['zero amount', { legalAmount: '0.00' }, 'legalAmount'],
    ['float-looking exponent', { legalAmount: '1e3' }, 'legalAmount'],
    ['bad country', { countryCode: 'PHL' }, 'countryCode'],
    ['bad date', { birthDate: '1990-02-30' }, 'birthDate'],
    ['missing first name', { firstName: '  ' }, 'firstName'],
  ])('%s', async (_label, patch, field) => {
    const { client, seen } = ctxWith(() => ok({}));
    const e = await caught(client.addDepositOrder({ ...deposit, ...patch }));
    expect(e.code).toBe('invalid_input');
    expect(e.text('en')).toContain(field);
    expect(seen).toHaveLength(0);
  });

  it('accepts exactly 40 characters', async () => {
    const { client, seen } = ctxWith(() => ok({}));
    await client.addDepositOrder({ ...deposit, orderNo: 'y'.repeat(40) });
    expect(seen).toHaveLength(1);
  });

  it('withdrawal amount and orderNo of order detail are checked too', async () => {
    const { client, seen } = ctxWith(() => ok({}));
    expect(
      (await caught(client.addWithdrawalOrder({ ...withdrawal, currencyAmount: 'abc' }))).code,
    ).toBe('invalid_input');
    expect((await caught(client.orderDetail('z'.repeat(41)))).code).toBe('invalid_input');
    expect(seen).toHaveLength(0);
  });
});

describe('GOW response processing', () => {
  it('decodes cardStatus into words, from a string or a number', async () => {
    for (const [raw, en, zh] of [
      ['0', 'Awaiting submission', '待提交'],
      [1, 'Approved', '审核通过'],
      ['2', 'Rejected', '审核不通过'],
      [3, 'Under review', '待审核'],
      ['4', 'Not verified', '未认证'],
    ] as const) {
      const { client } = ctxWith(() => ok({ cardStatus: raw }));
      const s = await client.authStatus();
      expect(s.value).toBe(Number(raw));
      expect(s.label).toEqual({ en, zh });
    }
  });

  it('decodes applyStatus / applyType and keeps amounts as exact decimal strings', async () => {
    const { client } = ctxWith(() =>
      ok({
        orderNo: 'CD-1',
        applyStatus: '4',
        applyType: 2,
        legalAmount: 1500.5,
        currencyAmount: '27.123456789012345678',
        fee: 0.1,
        dateCreate: 1700000000000,
        buyType: '3',
      }),
    );
    const d = await client.orderDetail('CD-1');
    expect(d.applyStatus).toEqual({
      value: 4,
      label: { en: 'Awaiting coin release', zh: '待放币' },
    });
    expect(d.applyType).toEqual({ value: 2, label: { en: 'Withdrawal', zh: '出金' } });
    expect(d.buyType?.label.en).toBe('Bank card');
    expect(d.legalAmount).toBe('1500.5');
    expect(d.currencyAmount).toBe('27.123456789012345678');
    expect(d.fee).toBe('0.1');
    expect(d.dateCreate).toBe(1700000000000);
  });

  it('an unknown applyStatus is labelled, not guessed', async () => {
    const { client } = ctxWith(() => ok({ applyStatus: '9', applyType: '1' }));
    expect((await client.orderDetail('CD-1')).applyStatus.label.en).toBe('Unknown status 9');
  });

  it.each([
    ['an amount with an exponent', { applyStatus: '1', applyType: '1', legalAmount: 1e21 }],
    ['an amount as a word', { applyStatus: '1', applyType: '1', legalAmount: 'ten' }],
    ['missing applyStatus', { applyType: '1' }],
    ['applyType of the wrong type', { applyStatus: '1', applyType: true }],
  ])('%s → bad_response naming the field', async (_l, data) => {
    const { client } = ctxWith(() => ok(data));
    const e = await caught(client.orderDetail('CD-1'));
    expect(e.code).toBe('bad_response');
    expect(e.platform).toBe('gow');
    expect(e.endpoint).toBe('/transaction/getOrderDetail');
  });

  it('amounts sent as JSON numbers keep the digits written, however many', async () => {
    // JSON.parse made 1 of the first, and "1.23" of the last, losing what GOW sent.
    const raw =
      '{"code":"000000","data":{"applyStatus":1,"applyType":1,"legalAmount":1.0000000000000001,' +
      '"currencyAmount":123456789012345678901,"fee":0.30000000000000004,"exchRate":1.2300000000000000001}}';
    const { client } = ctxWith(() => new Response(raw, { status: 200 }));
    const d = await client.orderDetail('CD-1');
    expect(d).toMatchObject({
      legalAmount: '1.0000000000000001',
      currencyAmount: '123456789012345678901',
      fee: '0.30000000000000004',
      exchRate: '1.2300000000000000001',
    });
  });

  it.each([
    ['HTML from a proxy', () => new Response('<html><body>502</body></html>', { status: 200 })],
    ['truncated JSON', () => new Response('{"code":"000000","data":{"cardSta', { status: 200 })],
    ['empty body', () => new Response('', { status: 200 })],
    ['wrong envelope type', () => json({ code: null, data: {} })],
    ['array instead of object', () => json([1, 2])],
    ['cardStatus out of range', () => ok({ cardStatus: '7' })],
    ['missing data', () => json({ code: '000000', description: 'ok' })],
  ])('%s → bad_response', async (_l, answer) => {
    const { client } = ctxWith(answer);
    const e = await caught(client.authStatus());
    expect(e.code).toBe('bad_response');
    expect(e.endpoint).toBe('/user/findUserAuthStatus');
  });

  it('a huge body is refused with bad_response', async () => {
    const { ctx } = ctxWith(() => ok({ cardStatus: '1', pad: 'x'.repeat(5000) }));
    const client = createGowClient({ ...ctx, maxBytes: 1024 }, CREDS);
    expect((await caught(client.authStatus())).code).toBe('bad_response');
  });

  it('maps documented codes to kinds with bilingual text and the platform code', async () => {
    for (const [code, kind] of [
      ['000002', 'signature'],
      ['000005', 'not_found'],
      ['000007', 'duplicate'],
    ] as const) {
      const { client } = ctxWith(() => json({ code, data: null, description: 'x' }));
      const e = await caught(client.authStatus());
      expect(e.code).toBe(kind);
      expect(e.platformCode).toBe(code);
      expect(e.text('zh')).not.toBe(e.text('en'));
    }
  });

  it('an unknown code is a platform error that shows GOW’s description', async () => {
    const { client } = ctxWith(() => json({ code: '123456', data: null, description: '渠道关闭' }));
    const e = await caught(client.authStatus());
    expect(e.code).toBe('platform');
    expect(e.platformCode).toBe('123456');
    expect(e.text('zh')).toContain('渠道关闭');
  });

  it.each([
    [401, 'signature'],
    [403, 'permission'],
    [404, 'not_found'],
    [500, 'platform'],
    [503, 'platform'],
  ] as const)('HTTP %i without an envelope → %s', async (status, kind) => {
    const { client } = ctxWith(() => new Response('Forbidden', { status }));
    const e = await caught(client.authStatus());
    expect(e.code).toBe(kind);
    expect(e.status).toBe(status);
  });

  it('429 → rate_limited with the Retry-After delay', async () => {
    const { client } = ctxWith(
      () => new Response('', { status: 429, headers: { 'retry-after': '7' } }),
    );
    const e = await caught(client.authStatus());
    expect(e.code).toBe('rate_limited');
    expect(e.retryAfterMs).toBe(7000);
  });

  it('a redirect is not followed and is a bad_response', async () => {
    const { client } = ctxWith(
      () => new Response(null, { status: 302, headers: { location: 'https://evil.example/' } }),
    );
    expect((await caught(client.authStatus())).code).toBe('bad_response');
  });

  it('a network failure is typed, and no secret appears in any error text', async () => {
    const { ctx } = ctxWith(() => {
      throw new TypeError('fetch failed');
    });
    const e = await caught(createGowClient(ctx, CREDS).authStatus());
    expect(e.code).toBe('network');
    expect(JSON.stringify(e.toJSON()) + e.message).not.toContain(CREDS.secretKey);
  });
});

describe('GOW clock skew', () => {
  it('on a timestamp error: resync from Date, retry once with a fresh timestamp and sign', async () => {
    const serverTime = NOW + 3_600_000;
    const { client, seen, ctx } = ctxWith((_req, n) =>
      n === 1
        ? json(
            { code: '000003', data: null, description: '时间戳过期' },
            { headers: { date: new Date(serverTime).toUTCString() } },
          )
        : ok({ cardStatus: '1' }),
    );
    expect((await client.authStatus()).value).toBe(1);
    expect(seen).toHaveLength(2);
    const ts2 = Number(seen[1]!.headers.get('timestamp'));
    expect(Math.abs(ts2 - serverTime)).toBeLessThan(1500);
    expect(seen[1]!.headers.get('sign')).toBe(
      expectedSign({ apiKey: CREDS.apiKey, timestamp: String(ts2) }),
    );
    expect(ctx.clock.offsetMs).toBe(ts2 - NOW);
  });

  it('retries only once, and not at all without a usable Date header', async () => {
    const skew = () =>
      json(
        { code: '000003', data: null, description: '' },
        { headers: { date: new Date(NOW + 1e6).toUTCString() } },
      );
    const a = ctxWith(skew);
    expect((await caught(a.client.authStatus())).code).toBe('timestamp_skew');
    expect(a.seen).toHaveLength(2);
    const b = ctxWith(() => json({ code: '000003', data: null, description: '' }));
    expect((await caught(b.client.authStatus())).code).toBe('timestamp_skew');
    expect(b.seen).toHaveLength(1);
  });
});
