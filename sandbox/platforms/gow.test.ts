/**
 * GOW simulator, called directly through sim.handle with a hand-made SimContext. Signatures are
 * computed here with node:crypto from the seed's rules (docs/providers/gow.md, Signing),
 * independently of the simulator's own code.
 */
import { createHmac } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../contract';
import type { PlatformSim, SimContext, SimRequest, SimResponse } from '../types';
import {
  createGowSim,
  gowContent,
  GOW_TIMESTAMP_WINDOW_MS,
  KYC_REVIEW_MS,
  ORDER_TIMING,
} from './gow';

const T0 = Date.UTC(2026, 0, 15, 8, 0, 0);

/** A SimContext with a settable clock and a timer wheel that advance() runs in time order. */
function fakeContext() {
  let now = T0;
  const timers: { at: number; seq: number; fn: () => void | Promise<void> }[] = [];
  let seq = 0;
  const counts = new Map<string, number>();
  const ctx: SimContext = {
    origin: 'http://127.0.0.1:9',
    now: () => now,
    count: (name) => counts.set(name, (counts.get(name) ?? 0) + 1),
    schedule: (delayMs, fn) => void timers.push({ at: now + delayMs, seq: seq++, fn }),
    log: () => undefined,
    fault: () => false,
  };
  return {
    ctx,
    counts,
    setNow: (t: number) => void (now = t),
    async advance(ms: number) {
      const end = now + ms;
      for (;;) {
        timers.sort((a, b) => a.at - b.at || a.seq - b.seq);
        const next = timers[0];
        if (!next || next.at > end) break;
        timers.shift();
        now = next.at;
        await next.fn();
      }
      now = end;
    },
  };
}

/** Independent signer: names sorted ascending then reversed (descending ASCII), `name=value`, `&`. */
function sign(secret: string, params: Record<string, string>): string {
  const content = Object.keys(params)
    .sort()
    .reverse()
    .map((k) => `${k}=${params[k]}`)
    .join('&');
  return createHmac('sha512', secret).update(content).digest('hex');
}

type Fake = ReturnType<typeof fakeContext>;

function request(
  method: 'GET' | 'POST',
  path: string,
  opts: { query?: Record<string, string>; body?: unknown; headers?: Record<string, string> } = {},
): SimRequest {
  const url = new URL(`http://127.0.0.1:9/gow${path}`);
  for (const [k, v] of Object.entries(opts.query ?? {})) url.searchParams.set(k, v);
  const raw =
    opts.body === undefined
      ? ''
      : typeof opts.body === 'string'
        ? opts.body
        : JSON.stringify(opts.body);
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(opts.headers ?? {})) headers[k.toLowerCase()] = v;
  return { method, path, query: url.searchParams, headers, body: Buffer.from(raw, 'utf8'), url };
}

interface Envelope {
  code: string;
  data: Record<string, unknown> | null;
  description: string;
}

async function call(sim: PlatformSim, f: Fake, req: SimRequest): Promise<Envelope> {
  const res = (await sim.handle(req, f.ctx)) as SimResponse;
  expect(res).toBeDefined();
  expect(res.status ?? 200).toBe(200);
  return res.body as Envelope;
}

/** A correctly signed call, as a careful client would make it. */
function signed(
  f: Fake,
  method: 'GET' | 'POST',
  path: string,
  args: Record<string, string> = {},
  over: { apiKey?: string; secret?: string; timestamp?: string } = {},
): SimRequest {
  const apiKey = over.apiKey ?? DEMO.gow.apiKey;
  const timestamp = over.timestamp ?? String(f.ctx.now());
  const params = method === 'POST' ? { ...args, apiKey, timestamp } : { apiKey, timestamp };
  const headers = {
    'content-type': 'application/json',
    timestamp,
    apiKey,
    sign: sign(over.secret ?? DEMO.gow.secretKey, params),
  };
  return method === 'GET'
    ? request('GET', path, { query: args, headers })
    : request('POST', path, { body: args, headers });
}

function deposit(orderNo: string, over: Record<string, string> = {}): Record<string, string> {
  return {
    orderNo,
    account: 'alice@example.com',
    source: 'binance',
    legalAmount: '5625.00',
    fiatCurrency: 'php',
    countryCode: 'PH',
    firstName: 'Alice',
    middleName: '',
    lastName: 'Chen',
    birthDate: '1990-04-01',
    noteCode: 'NC12345',
    ...over,
  };
}

function withdrawal(orderNo: string, over: Record<string, string> = {}): Record<string, string> {
  return {
    orderNo,
    account: 'alice@example.com',
    source: 'binance',
    currencyAmount: '100',
    fiatCurrency: 'php',
    receiveAccount: '001234567890',
    receiveName: 'Alice Chen',
    receiveFirstName: 'Alice',
    receiveMiddleName: '',
    receiveLastName: 'Chen',
    receiveBirthDate: '1990-04-01',
    receiveCountry: 'PH',
    receiveAddr: '1 Rizal St, Manila',
    receiveBankName: 'BDO Unibank',
    receiveBankAddress: 'Makati City',
    bankCountryCode: 'PH',
    bankProvince: 'Metro Manila',
    bankCity: 'Makati',
    branchName: 'Ayala',
    bankSwiftCode: 'BNORPHMM',
    ...over,
  };
}

let sim: PlatformSim;
let f: Fake;
beforeEach(() => {
  f = fakeContext();
  sim = createGowSim();
  sim.reset(f.ctx);
});

describe('GOW signature (docs/providers/gow.md, Signing)', () => {
  it('builds exactly the seed example content string', () => {
    const content = gowContent({
      apiKey: '4565B83XXXXXXXXXXXXF123',
      orderId: 'E12345XXXXXXXX',
      timestamp: '1566322200000',
    });
    expect(content).toBe(
      'timestamp=1566322200000&orderId=E12345XXXXXXXX&apiKey=4565B83XXXXXXXXXXXXF123',
    );
  });

  it('accepts a GET signed over the seed-style string computed by hand', async () => {
    const timestamp = String(f.ctx.now());
    const literal = `timestamp=${timestamp}&apiKey=${DEMO.gow.apiKey}`;
    const sig = createHmac('sha512', DEMO.gow.secretKey).update(literal).digest('hex');
    const env = await call(
      sim,
      f,
      request('GET', '/user/findUserAuthStatus', {
        query: { account: 'alice@example.com', source: 'binance' },
        headers: { timestamp, apiKey: DEMO.gow.apiKey, sign: sig },
      }),
    );
    expect(env).toEqual({ code: '000000', data: { cardStatus: '1' }, description: '成功' });
  });

  it('does not sign GET query parameters', async () => {
    const req = signed(f, 'GET', '/user/findUserAuthStatus', {
      account: 'bob@example.com',
      source: 'binance',
    });
    req.url.searchParams.set('account', 'carol@example.com'); // same headers, other query
    expect((await call(sim, f, req)).data).toEqual({ cardStatus: '4' });
  });

  it('rejects a wrong, tampered or upper-case signature with 000002', async () => {
    const bad = signed(
      f,
      'GET',
      '/transaction/getReceiveAccountInfo',
      { source: 'binance' },
      { secret: 'not-the-secret' },
    );
    expect((await call(sim, f, bad)).code).toBe('000002');

    const req = signed(f, 'POST', '/transaction/addChangeApplyOrder', deposit('T-1'));
    const tampered = { ...deposit('T-1'), legalAmount: '9999.00' };
    const forged = request('POST', req.path, {
      body: tampered,
      headers: req.headers as Record<string, string>,
    });
    expect((await call(sim, f, forged)).code).toBe('000002');

    const upper = signed(f, 'GET', '/transaction/getReceiveAccountInfo', { source: 'binance' });
    upper.headers.sign = String(upper.headers.sign).toUpperCase();
    expect((await call(sim, f, upper)).code).toBe('000002');

    const missing = signed(f, 'GET', '/transaction/getReceiveAccountInfo', { source: 'binance' });
    delete missing.headers.sign;
    expect((await call(sim, f, missing)).code).toBe('000002');
  });

  it('rejects an unknown or missing apiKey with 000004', async () => {
    const req = signed(
      f,
      'GET',
      '/transaction/getReceiveAccountInfo',
      { source: 'binance' },
      { apiKey: 'NOPE00000000' },
    );
    expect((await call(sim, f, req)).code).toBe('000004');
    const none = signed(f, 'GET', '/transaction/getReceiveAccountInfo', { source: 'binance' });
    delete none.headers.apikey;
    expect((await call(sim, f, none)).code).toBe('000004');
  });

  it('accepts timestamps within ±5 minutes and answers 000003 beyond', async () => {
    const at = (delta: number) =>
      signed(
        f,
        'GET',
        '/transaction/getReceiveAccountInfo',
        { source: 'binance' },
        { timestamp: String(T0 + delta) },
      );
    expect((await call(sim, f, at(GOW_TIMESTAMP_WINDOW_MS))).code).toBe('000000');
    expect((await call(sim, f, at(-GOW_TIMESTAMP_WINDOW_MS))).code).toBe('000000');
    expect((await call(sim, f, at(GOW_TIMESTAMP_WINDOW_MS + 1))).code).toBe('000003');
    expect((await call(sim, f, at(-GOW_TIMESTAMP_WINDOW_MS - 1))).code).toBe('000003');
    const seconds = signed(
      f,
      'GET',
      '/transaction/getReceiveAccountInfo',
      { source: 'binance' },
      {
        timestamp: String(Math.floor(T0 / 1000)),
      },
    );
    expect((await call(sim, f, seconds)).code).toBe('000003');
  });

  it('signs every POST body parameter, an empty one as `name=`', async () => {
    // middleName is empty: the hand-made signer includes `middleName=`; dropping it must fail.
    const body = deposit('EMPTY-1');
    const ok = signed(f, 'POST', '/transaction/addChangeApplyOrder', body);
    expect((await call(sim, f, ok)).code).toBe('000000');
    const { middleName: _dropped, ...rest } = body;
    const timestamp = String(f.ctx.now());
    const sig = sign(DEMO.gow.secretKey, {
      ...rest,
      orderNo: 'EMPTY-2',
      apiKey: DEMO.gow.apiKey,
      timestamp,
    });
    const skipped = request('POST', '/transaction/addChangeApplyOrder', {
      body: { ...body, orderNo: 'EMPTY-2' },
      headers: { timestamp, apiKey: DEMO.gow.apiKey, sign: sig },
    });
    expect((await call(sim, f, skipped)).code).toBe('000002');
  });

  it('answers 000001 for non-string or nested body values and for a body that is not JSON', async () => {
    const headers = { timestamp: String(T0), apiKey: DEMO.gow.apiKey, sign: 'x' };
    for (const body of [
      { ...deposit('N-1'), legalAmount: 5625 },
      { ...deposit('N-2'), extra: { a: '1' } },
      '{oops',
      '[]',
    ]) {
      const env = await call(
        sim,
        f,
        request('POST', '/transaction/addChangeApplyOrder', { body, headers }),
      );
      expect(env.code).toBe('000001');
    }
  });
});

describe('GOW KYC status (§1)', () => {
  it('answers every demo account with its cardStatus as a string', async () => {
    for (const [account, status] of Object.entries(DEMO.gow.accounts)) {
      const env = await call(
        sim,
        f,
        signed(f, 'GET', '/user/findUserAuthStatus', { account, source: 'binance' }),
      );
      expect(env).toMatchObject({ code: '000000', data: { cardStatus: String(status) } });
    }
    expect(f.counts.get('/user/findUserAuthStatus')).toBe(Object.keys(DEMO.gow.accounts).length);
  });

  it('answers unknown accounts, wrong sources and missing accounts with their codes', async () => {
    const q = (query: Record<string, string>) =>
      call(sim, f, signed(f, 'GET', '/user/findUserAuthStatus', query));
    expect((await q({ account: 'nobody@example.com', source: 'binance' })).code).toBe('000005');
    expect((await q({ account: 'alice@example.com', source: 'okx' })).code).toBe('000010');
    expect((await q({ source: 'binance' })).code).toBe('000001');
    expect((await q({ account: 'alice@example.com' })).code).toBe('000001');
  });

  it('answers a wrong method with 405 and 000001, and unknown paths with undefined (404)', async () => {
    const res = (await sim.handle(
      signed(f, 'POST', '/user/findUserAuthStatus', {}),
      f.ctx,
    )) as SimResponse;
    expect(res.status).toBe(405);
    expect((res.body as Envelope).code).toBe('000001');
    expect(await sim.handle(signed(f, 'GET', '/user/nothing'), f.ctx)).toBeUndefined();
  });
});

describe('GOW KYC page (§2)', () => {
  const page = async (req: SimRequest) => {
    const res = (await sim.handle(req, f.ctx)) as SimResponse;
    return { status: res.status, html: String(res.body), type: res.headers?.['content-type'] };
  };
  const status = async (account: string) =>
    (
      await call(
        sim,
        f,
        signed(f, 'GET', '/user/findUserAuthStatus', { account, source: 'binance' }),
      )
    ).data?.cardStatus;
  const submit = (account: string, idNumber: string) =>
    request('POST', '/user/userKyc.html', {
      body: new URLSearchParams({
        account,
        source: 'binance',
        firstName: 'C',
        lastName: 'D',
        birthDate: '1991-02-03',
        idNumber,
      }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });

  it('shows the account status and a form, escaping what it echoes, with no signature needed', async () => {
    const r = await page(
      request('GET', '/user/userKyc.html', {
        query: { account: 'carol@example.com', source: 'binance' },
      }),
    );
    expect(r.status).toBe(200);
    expect(r.type).toMatch(/text\/html/);
    expect(r.html).toContain('data-card-status="4"');
    expect(r.html).toContain('<form method="post"');
    const evil = await page(
      request('GET', '/user/userKyc.html', {
        query: { account: '<script>x</script>', source: 'binance' },
      }),
    );
    expect(evil.html).not.toContain('<script>x');
    const approved = await page(
      request('GET', '/user/userKyc.html', {
        query: { account: 'alice@example.com', source: 'binance' },
      }),
    );
    expect(approved.html).not.toContain('<form');
    expect(
      (await page(request('GET', '/user/userKyc.html', { query: { account: 'a' } }))).status,
    ).toBe(400);
  });

  it('moves the account to under review on submit, then approves it after the review time', async () => {
    expect((await page(submit('carol@example.com', 'P1234567'))).html).toContain(
      'data-card-status="3"',
    );
    expect(await status('carol@example.com')).toBe('3');
    await f.advance(KYC_REVIEW_MS - 1);
    expect(await status('carol@example.com')).toBe('3');
    await f.advance(1);
    expect(await status('carol@example.com')).toBe('1');
  });

  it('rejects an ID starting with 000 at review, registers new accounts, and refuses incomplete forms', async () => {
    await page(submit('dave@example.com', '000111'));
    await f.advance(KYC_REVIEW_MS);
    expect(await status('dave@example.com')).toBe('2');
    await page(submit('new@example.com', 'X1'));
    expect(await status('new@example.com')).toBe('3');
    const incomplete = request('POST', '/user/userKyc.html', {
      body: 'account=erin%40example.com&source=binance&firstName=E',
    });
    expect((await page(incomplete)).status).toBe(400);
    expect(await status('erin@example.com')).toBe('0');
  });
});

describe('GOW receive account (§3)', () => {
  it('tells where to send pesos', async () => {
    const env = await call(
      sim,
      f,
      signed(f, 'GET', '/transaction/getReceiveAccountInfo', { source: 'binance' }),
    );
    expect(env.code).toBe('000000');
    expect(env.data).toMatchObject({
      receiveAccount: expect.any(String) as string,
      bankSwiftCode: expect.any(String) as string,
    });
  });
});

/** USDT (6 decimals) a deposit of `php` yields: PHP → USDT at 56.25, minus 0.5 % and 1 USDT. */
function expectedUsdt(php: string): string {
  const [i = '0', d = ''] = php.split('.');
  const centavos = BigInt(i + d.padEnd(2, '0'));
  const gross = (centavos * 10n ** 6n * 10n ** 4n) / (562500n * 100n);
  const net = gross - (gross * 5n) / 1000n - 1_000_000n;
  return `${net / 1_000_000n}.${String(net % 1_000_000n).padStart(6, '0')}`;
}

describe('GOW deposit orders (§4, §5)', () => {
  const post = (body: Record<string, string>) =>
    call(sim, f, signed(f, 'POST', '/transaction/addChangeApplyOrder', body));
  const detail = async (orderNo: string) =>
    (
      await call(
        sim,
        f,
        signed(f, 'GET', '/transaction/getOrderDetail', { orderNo, source: 'binance' }),
      )
    ).data ?? {};

  it('creates an order and answers with where to pay and the note code', async () => {
    const env = await post(deposit('D-1'));
    expect(env.code).toBe('000000');
    expect(env.data).toMatchObject({
      orderNo: 'D-1',
      noteCode: 'NC12345',
      applyStatus: '1',
      receiveAccount: expect.any(String) as string,
      receiveBankName: expect.any(String) as string,
      currencyAmount: expectedUsdt('5625.00'),
    });
    const d = await detail('D-1');
    expect(d).toMatchObject({
      orderNo: 'D-1',
      account: 'alice@example.com',
      applyType: '1',
      applyStatus: '1',
      legalAmount: '5625.00',
      currencyAmount: expectedUsdt('5625.00'),
      payFirstName: 'Alice',
      payLastName: 'Chen',
      noteCode: 'NC12345',
      dateCreate: T0,
      dateAudit: null,
    });
  });

  it('accepts a 40-character orderNo and refuses 41, duplicates, other currencies and bad fields', async () => {
    expect((await post(deposit('x'.repeat(40)))).code).toBe('000000');
    expect((await post(deposit('y'.repeat(41)))).code).toBe('000001');
    expect((await post(deposit('x'.repeat(40)))).code).toBe('000007');
    expect((await post(deposit('D-2', { fiatCurrency: 'PHP' }))).code).toBe('000009');
    expect((await post(deposit('D-2', { source: 'okx' }))).code).toBe('000010');
    expect((await post(deposit('D-2', { account: 'ghost@example.com' }))).code).toBe('000005');
    expect((await post(deposit('D-2', { account: 'bob@example.com' }))).code).toBe('000008');
    const bads: Record<string, string>[] = [
      { legalAmount: '-5' },
      { legalAmount: '1.234' },
      { legalAmount: '0' },
      { legalAmount: '10.00' }, // does not cover the fees
      { countryCode: 'Philippines' },
      { birthDate: '1990-02-30' },
      { birthDate: '2099-01-01' },
      { firstName: '' },
      { noteCode: '' },
    ];
    for (const bad of bads) {
      expect((await post(deposit('D-2', bad))).code, JSON.stringify(bad)).toBe('000001');
    }
    const { noteCode: _n, ...withoutNote } = deposit('D-3');
    expect((await post(withoutNote)).code).toBe('000001');
    expect((await detail('D-2')).orderNo).toBeUndefined();
  });

  it('walks through review, payment and release over compressible time', async () => {
    await post(deposit('D-4'));
    const seen: unknown[] = [(await detail('D-4')).applyStatus];
    await f.advance(ORDER_TIMING.reviewMs);
    const audited = await detail('D-4');
    seen.push(audited.applyStatus);
    expect(audited.dateAudit).toBe(T0 + ORDER_TIMING.reviewMs);
    expect(audited.deadlinePay).toBe(T0 + ORDER_TIMING.reviewMs + 24 * 3600_000);
    await f.advance(ORDER_TIMING.payMs);
    seen.push((await detail('D-4')).applyStatus);
    await f.advance(ORDER_TIMING.issueMs);
    const done = await detail('D-4');
    seen.push(done.applyStatus);
    expect(seen).toEqual(['1', '3', '4', '5']);
    expect(done.timeIssue).toBe(f.ctx.now());
    expect(done.loanType).toBe('2');
  });

  it('rejects oversized deposits at review', async () => {
    await post(deposit('D-5', { legalAmount: '500000.01' }));
    await f.advance(ORDER_TIMING.reviewMs);
    expect((await detail('D-5')).applyStatus).toBe('2');
    await f.advance(ORDER_TIMING.payMs * 10);
    expect((await detail('D-5')).applyStatus).toBe('2');
  });

  it('can be forced into a status by the seed option, which restarts the clock from there', async () => {
    await post(deposit('D-6'));
    await sim.seed?.({ gowOrderStatus: { 'D-6': 4 } }, f.ctx);
    expect((await detail('D-6')).applyStatus).toBe('4');
    await f.advance(ORDER_TIMING.reviewMs); // the original review timer is stale now
    expect((await detail('D-6')).applyStatus).toBe('4');
    await f.advance(ORDER_TIMING.issueMs);
    expect((await detail('D-6')).applyStatus).toBe('5');
    await expect(async () => sim.seed?.({ gowOrderStatus: { nope: 3 } }, f.ctx)).rejects.toThrow(
      /unknown order/,
    );
  });

  it('answers unknown orders with 000006 and missing orderNo with 000001', async () => {
    const q = (query: Record<string, string>) =>
      call(sim, f, signed(f, 'GET', '/transaction/getOrderDetail', query));
    expect((await q({ orderNo: 'missing', source: 'binance' })).code).toBe('000006');
    expect((await q({ source: 'binance' })).code).toBe('000001');
  });
});

describe('GOW withdrawal orders (§6)', () => {
  const post = (body: Record<string, string>) =>
    call(sim, f, signed(f, 'POST', '/transaction/addChangeApplySale', body));

  it('creates a withdrawal carrying the payee bank details', async () => {
    const env = await post(withdrawal('W-1', { receiveProvince: 'NCR' }));
    expect(env).toMatchObject({
      code: '000000',
      data: { orderNo: 'W-1', applyStatus: '1', currencyAmount: '100.000000' },
    });
    // 100 USDT − 0.5 % − 1 USDT = 98.5 USDT at 56.25 PHP.
    expect((env.data as Record<string, unknown>).legalAmount).toBe('5540.62');
    const d = (
      await call(
        sim,
        f,
        signed(f, 'GET', '/transaction/getOrderDetail', { orderNo: 'W-1', source: 'binance' }),
      )
    ).data;
    expect(d).toMatchObject({
      applyType: '2',
      receiveAccount: '001234567890',
      receiveBankName: 'BDO Unibank',
      bankSwiftCode: 'BNORPHMM',
      receiveProvince: 'NCR',
      receiveCity: null,
      branchName: 'Ayala',
      payFirstName: null,
    });
  });

  it('checks every required field and the payee formats', async () => {
    expect((await post(withdrawal('W-2', { bankSwiftCode: 'BNO' }))).code).toBe('000001');
    expect((await post(withdrawal('W-2', { receiveAccount: '12' }))).code).toBe('000001');
    expect((await post(withdrawal('W-2', { currencyAmount: '1.0000001' }))).code).toBe('000001');
    expect((await post(withdrawal('W-2', { fiatCurrency: 'usd' }))).code).toBe('000009');
    expect((await post(withdrawal('W-2', { account: 'carol@example.com' }))).code).toBe('000008');
    const { branchName: _b, ...noBranch } = withdrawal('W-2');
    expect((await post(noBranch)).code).toBe('000001');
    expect((await post(withdrawal('W-2'))).code).toBe('000000');
    expect((await post(withdrawal('W-2'))).code).toBe('000007');
  });
});
