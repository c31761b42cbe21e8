/**
 * GOW through the real sandbox server (HTTP on an ephemeral port): signed calls made with
 * node:crypto, the Date header a client resynchronises from under clock skew, the KYC page as a
 * browser submits it, and order progress driven by /__control/advance.
 */
import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL, DEMO, PREFIX } from '../contract';
import { readForm, resolveAction, startTestSandbox, type TestSandbox } from '../test-support';
import { KYC_REVIEW_MS, ORDER_TIMING } from './gow';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(async () => {
  await sb.close();
});
beforeEach(async () => {
  await sb.control(CONTROL.reset, {});
});

function headers(timestamp: number, params: Record<string, string> = {}): Record<string, string> {
  const all: Record<string, string> = {
    ...params,
    apiKey: DEMO.gow.apiKey,
    timestamp: String(timestamp),
  };
  const content = Object.keys(all)
    .sort()
    .reverse()
    .map((k) => `${k}=${all[k]}`)
    .join('&');
  return {
    'content-type': 'application/json',
    timestamp: String(timestamp),
    apiKey: DEMO.gow.apiKey,
    sign: createHmac('sha512', DEMO.gow.secretKey).update(content).digest('hex'),
  };
}

async function get(path: string, query: Record<string, string>, at = Date.now()) {
  const res = await fetch(
    `${sb.origin}${PREFIX.gow}${path}?${new URLSearchParams(query).toString()}`,
    { headers: headers(at) },
  );
  return {
    res,
    body: (await res.json()) as { code: string; data: Record<string, unknown> | null },
  };
}

async function post(path: string, body: Record<string, string>) {
  const res = await fetch(`${sb.origin}${PREFIX.gow}${path}`, {
    method: 'POST',
    headers: headers(Date.now(), body),
    body: JSON.stringify(body),
  });
  return (await res.json()) as { code: string; data: Record<string, unknown> | null };
}

describe('GOW over HTTP', () => {
  it('answers a signed status query, and a skewed clock with 000003 that the Date header resolves', async () => {
    const ok = await get('/user/findUserAuthStatus', {
      account: 'alice@example.com',
      source: 'binance',
    });
    expect(ok.res.status).toBe(200);
    expect(ok.body).toMatchObject({ code: '000000', data: { cardStatus: '1' } });

    const skew = 20 * 60_000;
    expect(
      (await sb.control(CONTROL.faults, { platform: 'gow', kind: 'skew', ms: skew })).status,
    ).toBe(201);
    const late = await get('/user/findUserAuthStatus', {
      account: 'alice@example.com',
      source: 'binance',
    });
    expect(late.body.code).toBe('000003');
    const serverTime = Date.parse(late.res.headers.get('date') ?? '');
    expect(Math.abs(serverTime - (Date.now() + skew))).toBeLessThan(5_000);
    // Resynchronised from the Date header (second precision), the retry is inside the window.
    const retry = await get(
      '/user/findUserAuthStatus',
      { account: 'alice@example.com', source: 'binance' },
      serverTime,
    );
    expect(retry.body.code).toBe('000000');
  });

  it('lets a person submit the KYC page, then approves after the review time', async () => {
    const pageUrl = `${sb.origin}${PREFIX.gow}/user/userKyc.html?account=carol%40example.com&source=binance`;
    const page = await sb.get(pageUrl);
    expect(page.status).toBe(200);
    const { action, fields } = readForm(await page.text());
    const submitted = await sb.post(resolveAction(pageUrl, action), {
      ...fields,
      firstName: 'Carol',
      lastName: 'Diaz',
      birthDate: '1992-05-06',
      idNumber: 'P7654321',
    });
    expect(await submitted.text()).toContain('data-card-status="3"');
    expect(
      (await get('/user/findUserAuthStatus', { account: 'carol@example.com', source: 'binance' }))
        .body.data,
    ).toEqual({ cardStatus: '3' });
    await sb.control(CONTROL.advance, { ms: KYC_REVIEW_MS });
    expect(
      (await get('/user/findUserAuthStatus', { account: 'carol@example.com', source: 'binance' }))
        .body.data,
    ).toEqual({ cardStatus: '1' });
  });

  it('moves a deposit order along with /__control/advance and the gowOrderStatus seed option', async () => {
    const order = {
      orderNo: `HTTP-${Date.now()}`,
      account: 'alice@example.com',
      source: 'binance',
      legalAmount: '1000.00',
      fiatCurrency: 'php',
      countryCode: 'PH',
      firstName: 'Alice',
      middleName: '',
      lastName: 'Chen',
      birthDate: '1990-04-01',
      noteCode: 'N1',
    };
    expect((await post('/transaction/addChangeApplyOrder', order)).code).toBe('000000');
    const status = async () =>
      (await get('/transaction/getOrderDetail', { orderNo: order.orderNo, source: 'binance' })).body
        .data?.applyStatus;
    expect(await status()).toBe('1');
    await sb.control(CONTROL.advance, { ms: ORDER_TIMING.reviewMs });
    expect(await status()).toBe('3');
    expect(
      (await sb.control(CONTROL.seed, { gowOrderStatus: { [order.orderNo]: 5 } })).status,
    ).toBe(200);
    expect(await status()).toBe('5');
    expect((await sb.control(CONTROL.seed, { gowOrderStatus: { nope: 5 } })).status).toBe(400);
    const state = (await sb.control(CONTROL.state)).json as {
      gow: { orders: { orderNo: string }[] };
    };
    expect(state.gow.orders.map((o) => o.orderNo)).toEqual([order.orderNo]);
  });
});
