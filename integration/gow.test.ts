/**
 * The GOW client against the sandbox's GOW simulator over real HTTP on loopback: every endpoint,
 * the KYC page as a browser sees it, order progress on the sandbox's timer wheel, and the
 * injected faults giving the right typed errors.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL, DEMO, PREFIX } from '../sandbox/contract';
import {
  readForm,
  resolveAction,
  startTestSandbox,
  type TestSandbox,
} from '../sandbox/test-support';
import type { CoinDockError } from '../src/core/errors';
import { SkewClock } from '../src/core/http';
import {
  createGowClient,
  newGowOrderNo,
  type GowClientCredentials,
  type GowDepositInput,
  type GowWithdrawalInput,
} from '../src/providers/gow';
import type { ProviderContext } from '../src/providers/types';

let sb: TestSandbox;

const alice: GowClientCredentials = {
  apiKey: DEMO.gow.apiKey,
  secretKey: DEMO.gow.secretKey,
  account: 'alice@example.com',
};

beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => {
  sb.reset();
});

function setup(creds: Partial<GowClientCredentials> = {}, extra: Partial<ProviderContext> = {}) {
  const ctx: ProviderContext = {
    fetch,
    clock: new SkewClock(),
    baseUrl: sb.origin + PREFIX.gow,
    timeoutMs: 5000,
    ...extra,
  };
  return { ctx, client: createGowClient(ctx, { ...alice, ...creds }) };
}

async function fault(spec: Record<string, unknown>): Promise<void> {
  const r = await sb.control(CONTROL.faults, { platform: 'gow', ...spec });
  expect(r.status, JSON.stringify(r.json)).toBeLessThan(300);
}

async function caught(p: Promise<unknown>): Promise<CoinDockError> {
  try {
    await p;
  } catch (e) {
    return e as CoinDockError;
  }
  throw new Error('expected a rejection');
}

const deposit = (over: Partial<GowDepositInput> = {}): GowDepositInput => ({
  orderNo: newGowOrderNo(Date.now()),
  legalAmount: '5000.00',
  countryCode: 'PH',
  firstName: 'Alice',
  middleName: '',
  lastName: 'Chen',
  birthDate: '1990-02-28',
  noteCode: 'ALICE42',
  ...over,
});

const withdrawal = (over: Partial<GowWithdrawalInput> = {}): GowWithdrawalInput => ({
  orderNo: newGowOrderNo(Date.now()),
  currencyAmount: '50.5',
  receiveAccount: '888888888',
  receiveName: 'Alice Chen',
  receiveFirstName: 'Alice',
  receiveMiddleName: '',
  receiveLastName: 'Chen',
  receiveBirthDate: '1990-02-28',
  receiveCountry: 'PH',
  receiveCity: 'Makati',
  receiveAddr: '1 Ayala Ave',
  receiveBankName: 'Smith & Co Bank',
  receiveBankAddress: 'Makati City',
  bankCountryCode: 'PH',
  bankProvince: 'Metro Manila',
  bankCity: 'Makati',
  branchName: 'Ayala',
  bankSwiftCode: 'SMCOPHMM',
  ...over,
});

describe('GOW KYC against the sandbox', () => {
  it('findUserAuthStatus decodes every demo account’s cardStatus', async () => {
    for (const [account, status] of Object.entries(DEMO.gow.accounts)) {
      const s = await setup({ account }).client.authStatus();
      expect(s.value).toBe(status);
      expect(s.label.en).not.toMatch(/Unknown/);
    }
  });

  it('an unknown account → not_found (000005)', async () => {
    const e = await caught(setup({ account: 'nobody@example.com' }).client.authStatus());
    expect(e.code).toBe('not_found');
    expect(e.platformCode).toBe('000005');
  });

  it('the KYC page opens in a browser and submitting it puts the account under review', async () => {
    const { client } = setup({ account: 'erin@example.com' });
    expect((await client.authStatus()).value).toBe(0);
    const url = client.kycPageUrl();
    const page = await sb.get(url);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain('erin@example.com');
    const form = readForm(html);
    const res = await sb.post(resolveAction(url, form.action), {
      ...form.fields,
      firstName: 'Erin',
      lastName: 'Lee',
      birthDate: '1991-03-04',
      idNumber: 'P1234567',
    });
    expect(res.status).toBeLessThan(400);
    const s = await client.authStatus();
    expect(s.value).toBe(3);
    expect(s.label).toEqual({ en: 'Under review', zh: '待审核' });
  });
});

describe('GOW orders against the sandbox', () => {
  it('receive-account info has the bank details', async () => {
    const info = await setup().client.receiveAccountInfo();
    expect(info.receiveAccount).toBeTruthy();
    expect(info.receiveBankName).toBeTruthy();
  });

  it('deposit → detail pending review → advances on the timer wheel → forced to released', async () => {
    const { client } = setup();
    const input = deposit();
    const ack = await client.addDepositOrder(input);
    expect(ack.orderNo).toBe(input.orderNo);
    let d = await client.orderDetail(input.orderNo);
    expect(d.orderNo).toBe(input.orderNo);
    expect(d.applyType).toEqual({ value: 1, label: { en: 'Deposit', zh: '入金' } });
    expect(d.applyStatus.value).toBe(1);
    expect(d.applyStatus.label.zh).toBe('待审核');
    expect(d.legalAmount).toBe('5000.00');
    expect(d.currencyAmount).toMatch(/^\d+\.\d{6}$/);
    expect(d.noteCode).toBe('ALICE42');
    expect(typeof d.dateCreate).toBe('number');

    await sb.control(CONTROL.advance, { ms: 2 * 60_000 + 1 });
    d = await client.orderDetail(input.orderNo);
    expect(d.applyStatus.value).toBeGreaterThan(1);

    await sb.control(CONTROL.seed, { gowOrderStatus: { [input.orderNo]: 5 } });
    d = await client.orderDetail(input.orderNo);
    expect(d.applyStatus).toEqual({ value: 5, label: { en: 'Released', zh: '已放币' } });
  });

  it('withdrawal with bank details (a name with &) → detail applyType 2', async () => {
    const { client } = setup();
    const input = withdrawal();
    await client.addWithdrawalOrder(input);
    const d = await client.orderDetail(input.orderNo);
    expect(d.applyType.label.en).toBe('Withdrawal');
    expect(d.receiveBankName).toBe('Smith & Co Bank');
    expect(d.receiveCity).toBe('Makati');
    expect(d.currencyAmount).toBe('50.500000');
  });

  it('the same orderNo twice → duplicate (000007)', async () => {
    const { client } = setup();
    const input = deposit();
    await client.addDepositOrder(input);
    const e = await caught(client.addDepositOrder(input));
    expect(e.code).toBe('duplicate');
    expect(e.platformCode).toBe('000007');
  });

  it('an account without KYC → permission (000008)', async () => {
    const e = await caught(setup({ account: 'bob@example.com' }).client.addDepositOrder(deposit()));
    expect(e.code).toBe('permission');
    expect(e.platformCode).toBe('000008');
  });

  it('an unknown order → not_found (000006)', async () => {
    const e = await caught(setup().client.orderDetail('CD-DOES-NOT-EXIST'));
    expect(e.code).toBe('not_found');
    expect(e.platformCode).toBe('000006');
  });

  it('a field GOW rejects → invalid_input (000001)', async () => {
    const e = await caught(setup().client.addDepositOrder(deposit({ legalAmount: '1.005' })));
    expect(e.code).toBe('invalid_input');
    expect(e.platformCode).toBe('000001');
  });
});

describe('GOW signatures and clock against the sandbox', () => {
  it('a wrong secret → signature (000002), on GET and POST, without the secret in the error', async () => {
    const { client } = setup({ secretKey: 'wrong-secret-123' });
    const e1 = await caught(client.authStatus());
    expect(e1.code).toBe('signature');
    expect(e1.platformCode).toBe('000002');
    const e2 = await caught(client.addDepositOrder(deposit()));
    expect(e2.code).toBe('signature');
    expect(JSON.stringify(e2.toJSON()) + e2.message).not.toContain('wrong-secret-123');
  });

  it('an unknown apiKey → permission (000004)', async () => {
    const e = await caught(setup({ apiKey: 'UNKNOWNKEY123' }).client.authStatus());
    expect(e.code).toBe('permission');
    expect(e.platformCode).toBe('000004');
  });

  it('GOW’s clock 20 minutes ahead: 000003, resync from Date, one retry succeeds', async () => {
    await fault({ kind: 'skew', ms: 20 * 60_000 });
    const { client, ctx } = setup();
    expect((await client.authStatus()).value).toBe(1);
    expect(Math.abs(ctx.clock.offsetMs - 20 * 60_000)).toBeLessThan(5000);
    // POST bodies are signed again with the corrected time too.
    await client.addDepositOrder(deposit());
    const stats = (await sb.control(CONTROL.stats)).json as {
      requests: Record<string, Record<string, number>>;
    };
    expect(stats.requests.gow?.['/user/findUserAuthStatus']).toBe(2);
    expect(stats.requests.gow?.['/transaction/addChangeApplyOrder']).toBe(1);
  });
});

describe('GOW injected faults', () => {
  it.each([
    ['html 502', { kind: 'html', status: 502 }, 'platform'],
    ['html 200', { kind: 'html', status: 200 }, 'bad_response'],
    ['malformed', { kind: 'malformed' }, 'bad_response'],
    ['status 503', { kind: 'status', status: 503 }, 'platform'],
    ['status 403', { kind: 'status', status: 403 }, 'permission'],
    ['truncate', { kind: 'truncate' }, 'bad_response'],
    ['rate_limit', { kind: 'rate_limit', retryAfterSeconds: 2 }, 'rate_limited'],
  ] as const)('%s → %s', async (_l, spec, kind) => {
    await fault({ ...spec, endpoint: '/transaction/getReceiveAccountInfo' });
    const e = await caught(setup().client.receiveAccountInfo());
    expect(e.code).toBe(kind);
    expect(e.platform).toBe('gow');
    expect(e.endpoint).toBe('/transaction/getReceiveAccountInfo');
  });

  it('huge → bad_response; hang → timeout', async () => {
    await fault({ kind: 'huge', bytes: 1_000_000, endpoint: '/user/findUserAuthStatus', times: 1 });
    expect((await caught(setup({}, { maxBytes: 64 * 1024 }).client.authStatus())).code).toBe(
      'bad_response',
    );
    await fault({ kind: 'hang', endpoint: '/user/findUserAuthStatus', times: 1 });
    expect((await caught(setup({}, { timeoutMs: 300 }).client.authStatus())).code).toBe('timeout');
  });
});
