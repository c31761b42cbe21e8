// FOMO pay page (docs/providers/fomo.md, Pay page and its return; Merchant callback) and its
// merchant callback retry schedule.
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL, DEMO, MERCHANT_PATHS } from '../contract';
import {
  location,
  readForm,
  resolveAction,
  startTestSandbox,
  type TestSandbox,
} from '../test-support';
import { login, type Json } from './fomo-test-flow';

const { clientId, clientSecret, user } = DEMO.fomo;
const TEN_MIN = 10 * 60_000;
let sb: TestSandbox;
let token: string;

beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(() => sb.close());
beforeEach(async () => {
  await sb.control(CONTROL.reset, {});
  token = (await login(sb)).access;
});

const sha1 = (text: string) => createHash('sha1').update(text, 'utf8').digest('hex');
const nowSeconds = () => String(Math.floor(Date.now() / 1000));

function payUrl(over: Record<string, string> = {}): string {
  const timestamp = over.timestamp ?? nowSeconds();
  const q = new URLSearchParams({
    direction: '1',
    timestamp,
    sign: sha1(clientSecret + timestamp),
    trade_id: 'T-1001',
    amount: '0.12',
    coin_id: '1',
    user_id: user.userId,
    access_token: token,
    client_id: clientId,
    server_uri: sb.origin + MERCHANT_PATHS.fomoCallback,
    redirect_uri: sb.origin + MERCHANT_PATHS.fomoReturn,
    state: 'paystate',
    scope: 'paytoken',
    response_type: 'code',
    ...over,
  });
  return `${sb.origin}/fomo/oauth2/authorize/pay?${q}`;
}

/** Open the pay page and press Confirm or Cancel; returns where the browser lands. */
async function pay(over: Record<string, string> = {}, decision = 'confirm'): Promise<URL> {
  const url = payUrl(over);
  const res = await sb.get(url);
  expect(res.status).toBe(200);
  const form = readForm(await res.text());
  return location(await sb.post(resolveAction(url, form.action), { ...form.fields, decision }));
}

/** The status a pay request is refused with before any page shows. */
async function refused(over: Record<string, string>): Promise<URL> {
  return location(await sb.get(payUrl(over)));
}

interface FomoState {
  wallets: Record<string, Record<string, string>>;
  merchantWallets: Record<string, Record<string, string>>;
  transfers: { transferId: string; callbacks: { status: number }[]; callbackDone: boolean }[];
}
async function state(): Promise<{
  fomo: FomoState;
  merchant: { callbacks: { params: Json; answered: number }[] };
}> {
  return (await sb.control(CONTROL.state)).json as never;
}

describe('pay, direction 1 (the user pays the merchant)', () => {
  it('moves the money, calls the merchant back and returns with every parameter', async () => {
    const before = await state();
    const back = await pay();
    expect(back.origin + back.pathname).toBe(sb.origin + MERCHANT_PATHS.fomoReturn);
    const p = Object.fromEntries(back.searchParams);
    const after = await state();
    const transfer = after.fomo.transfers[0];
    expect(p).toEqual({
      status: '1',
      trade_id: 'T-1001',
      amount: '0.12',
      coin_id: '1',
      user_id: user.userId,
      access_token: token,
      client_id: clientId,
      redirect_uri: sb.origin + MERCHANT_PATHS.fomoReturn,
      state: 'paystate',
      httpcode: '200',
      transfer_id: transfer?.transferId,
    });
    expect(before.fomo.wallets[user.userId]?.['1']).toBe('0.52000000');
    expect(after.fomo.wallets[user.userId]?.['1']).toBe('0.40000000');
    expect(after.fomo.merchantWallets[clientId]?.['1']).toBe('1000000.12000000');
    expect(after.merchant.callbacks).toHaveLength(1);
    expect(after.merchant.callbacks[0]?.params).toEqual({
      transfer_id: transfer?.transferId,
      user_id: user.userId,
      trade_id: 'T-1001',
      coin_id: '1',
      amount: '0.12',
      cut_amount: '0',
      direction: '1',
      status: '1',
    });
  });

  it('refuses a trade_id that was already paid with 201', async () => {
    expect((await pay()).searchParams.get('status')).toBe('1');
    expect((await refused({})).searchParams.get('status')).toBe('201');
  });

  it('returns 54 when the user cancels, and moves nothing', async () => {
    const back = await pay({}, 'cancel');
    expect(back.searchParams.get('status')).toBe('54');
    expect(back.searchParams.has('transfer_id')).toBe(false);
    expect((await state()).fomo.wallets[user.userId]?.['1']).toBe('0.52000000');
    // A cancelled trade_id can still be paid.
    expect((await pay()).searchParams.get('status')).toBe('1');
  });
});

describe('pay, direction 2 (the merchant pays the user)', () => {
  it('credits the user and returns to front_uri', async () => {
    const front = sb.origin + MERCHANT_PATHS.fomoFront;
    const back = await pay({
      direction: '2',
      front_uri: front,
      trade_id: 'W-1',
      amount: '5',
      coin_id: '3',
    });
    expect(back.origin + back.pathname).toBe(front);
    expect(back.searchParams.get('status')).toBe('1');
    const s = await state();
    expect(s.fomo.wallets[user.userId]?.['3']).toBe('1255.00000000');
    expect(s.merchant.callbacks[0]?.params.direction).toBe('2');
  });

  it('refuses a front_uri that is not registered with an error page', async () => {
    const res = await sb.get(payUrl({ direction: '2', front_uri: 'https://evil.example/' }));
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
  });
});

describe('pay errors (seed 附录一)', () => {
  const past = () => String(Math.floor(Date.now() / 1000) - 11 * 60);
  const cases: [string, () => Record<string, string>, string][] = [
    ['a wrong sign → 7', () => ({ sign: sha1('wrong' + nowSeconds()) }), '7'],
    [
      'an uppercase sign → 7',
      () => ({ sign: sha1(clientSecret + nowSeconds()).toUpperCase() }),
      '7',
    ],
    ['a stale timestamp → 8', () => ({ timestamp: past() }), '8'],
    ['a millisecond timestamp → 8', () => ({ timestamp: String(Date.now()) }), '8'],
    ['an unknown token → 3', () => ({ access_token: 'fa_nope' }), '3'],
    ['another user id → 3', () => ({ user_id: '99999' }), '3'],
    ['an unknown coin → 23', () => ({ coin_id: '77' }), '23'],
    ['a malformed coin id → 56', () => ({ coin_id: 'btc' }), '56'],
    ['a negative amount → 55', () => ({ amount: '-1' }), '55'],
    ['a zero amount → 55', () => ({ amount: '0.00' }), '55'],
    ['an amount in exponent form → 55', () => ({ amount: '1e3' }), '55'],
    ['more than the balance → 24', () => ({ amount: '0.52000001' }), '24'],
    ['no trade_id → 0', () => ({ trade_id: '' }), '0'],
    ['scope without paytoken → 54', () => ({ scope: 'userinfo' }), '54'],
  ];
  for (const [name, over, status] of cases) {
    it(name, async () => {
      const back = await refused(over());
      expect(back.origin + back.pathname).toBe(sb.origin + MERCHANT_PATHS.fomoReturn);
      expect(back.searchParams.get('status')).toBe(status);
      expect(back.searchParams.get('state')).toBe('paystate');
    });
  }

  it('accepts a timestamp within 10 minutes either way of its own clock, which a skew moves', async () => {
    const nineAgo = String(Math.floor(Date.now() / 1000) - 9 * 60);
    const url = payUrl({ timestamp: nineAgo });
    expect((await sb.get(url)).status).toBe(200);
    await sb.control(CONTROL.faults, { platform: 'fomo', kind: 'skew', ms: 2 * 60_000 });
    expect(location(await sb.get(url)).searchParams.get('status')).toBe('8');
  });

  it('answers an expired token with 2', async () => {
    await sb.control(CONTROL.seed, { fomoTokenTtlSeconds: 30 });
    token = (await login(sb)).access;
    await sb.control(CONTROL.faults, { platform: 'fomo', kind: 'skew', ms: 31_000 });
    const ts = String(Math.floor((Date.now() + 31_000) / 1000));
    expect(
      (await refused({ timestamp: ts, sign: sha1(clientSecret + ts) })).searchParams.get('status'),
    ).toBe('2');
  });

  it('shows an error page, not a redirect, for an unknown client or redirect_uri', async () => {
    const overs: Record<string, string>[] = [
      { client_id: 'x' },
      { redirect_uri: 'https://evil.example/' },
    ];
    for (const over of overs) {
      const res = await sb.get(payUrl(over));
      expect(res.status).toBe(400);
      expect(res.headers.get('location')).toBeNull();
    }
  });

  it('escapes what it echoes on the pay page', async () => {
    const res = await sb.get(payUrl({ trade_id: '<script>alert(1)</script>' }));
    const html = await res.text();
    expect(html).not.toContain('<script>');
    expect(html).toContain('&lt;script&gt;');
  });
});

describe('merchant callback retries (seed §四: every 10 minutes, at most 100 times)', () => {
  it('reports the first failure as httpcode and retries on the timer wheel until a 200', async () => {
    await sb.control(CONTROL.seed, { merchantCallbackFailures: 3 });
    const back = await pay();
    expect(back.searchParams.get('status')).toBe('1');
    expect(back.searchParams.get('httpcode')).toBe('500');
    const attempts = async () => (await state()).fomo.transfers[0]?.callbacks.map((c) => c.status);
    expect(await attempts()).toEqual([500]);
    // Nothing before the 10 minutes are up.
    expect((await sb.control(CONTROL.advance, { ms: TEN_MIN - 1000 })).json).toMatchObject({
      ran: 0,
    });
    expect(await attempts()).toEqual([500]);
    await sb.control(CONTROL.advance, { ms: 1000 });
    expect(await attempts()).toEqual([500, 500]);
    await sb.control(CONTROL.advance, { ms: 2 * TEN_MIN });
    expect(await attempts()).toEqual([500, 500, 500, 200]);
    await sb.control(CONTROL.advance, { ms: 10 * TEN_MIN });
    const s = await state();
    expect(s.fomo.transfers[0]?.callbackDone).toBe(true);
    expect(s.merchant.callbacks.map((c) => c.answered)).toEqual([500, 500, 500, 200]);
  });

  it('gives up after 100 retries', async () => {
    await sb.control(CONTROL.seed, { merchantCallbackFailures: 1000 });
    await pay();
    const r = await sb.control(CONTROL.advance, { ms: 150 * TEN_MIN });
    expect(r.json).toMatchObject({ ran: 100, pending: 0 });
    const s = await state();
    expect(s.fomo.transfers[0]?.callbacks).toHaveLength(101);
    expect(s.fomo.transfers[0]?.callbackDone).toBe(true);
  });

  it('counts an unreachable merchant as httpcode 0 and keeps retrying', async () => {
    const back = await pay({ server_uri: 'http://127.0.0.1:1/callback' });
    expect(back.searchParams.get('httpcode')).toBe('0');
    expect((await sb.control(CONTROL.state)).json).toMatchObject({ timers: { pending: 1 } });
  });
});

describe('compressed time (startSandbox timeScale)', () => {
  it('runs the retry schedule by itself when time runs 600,000× faster', async () => {
    const fast = await startTestSandbox({ timeScale: 600_000 });
    try {
      await fast.control(CONTROL.seed, { merchantCallbackFailures: 2 });
      const { access } = await login(fast);
      const ts = nowSeconds();
      const q = new URLSearchParams({
        direction: '1',
        timestamp: ts,
        sign: sha1(clientSecret + ts),
        trade_id: 'FAST-1',
        amount: '1',
        coin_id: '3',
        user_id: user.userId,
        access_token: access,
        client_id: clientId,
        server_uri: fast.origin + MERCHANT_PATHS.fomoCallback,
        redirect_uri: fast.origin + MERCHANT_PATHS.fomoReturn,
        state: 's',
        scope: 'paytoken',
        response_type: 'code',
      });
      const url = `${fast.origin}/fomo/oauth2/authorize/pay?${q}`;
      const form = readForm(await (await fast.get(url)).text());
      const back = location(
        await fast.post(resolveAction(url, form.action), { ...form.fields, decision: 'confirm' }),
      );
      expect(back.searchParams.get('httpcode')).toBe('500');
      // 10 virtual minutes = 1 real ms: both retries happen without any /advance.
      const deadline = Date.now() + 5000;
      let answered: number[] = [];
      while (Date.now() < deadline) {
        const s = (await fast.control(CONTROL.state)).json as {
          merchant: { callbacks: { answered: number }[] };
        };
        answered = s.merchant.callbacks.map((c) => c.answered);
        if (answered.length >= 3) break;
        await new Promise((r) => setTimeout(r, 20));
      }
      expect(answered).toEqual([500, 500, 200]);
    } finally {
      await fast.close();
    }
  });
});
