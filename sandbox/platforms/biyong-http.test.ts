/**
 * BiYong through the real sandbox server: the consent page as a browser submits it, frames
 * built and responses verified here with node:crypto, a response fault injected through
 * /__control/faults, and a 100k-record sync over HTTP (timings printed, not asserted).
 */
import { createPrivateKey, createPublicKey, randomBytes, sign, verify } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL, DEMO, MERCHANT_PATHS, PREFIX } from '../contract';
import {
  location,
  readForm,
  resolveAction,
  startTestSandbox,
  type TestSandbox,
} from '../test-support';

const merchantKey = createPrivateKey({
  key: Buffer.from(DEMO.biyong.merchantPrivateKey, 'base64'),
  format: 'der',
  type: 'pkcs8',
});
const platformPub = createPublicKey({
  key: Buffer.from(DEMO.biyong.platformPublicKey, 'base64'),
  format: 'der',
  type: 'spki',
});

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

/** POST a signed frame; returns the verified envelope, or throws naming what was wrong. */
async function call(path: string, params: unknown): Promise<Record<string, unknown>> {
  const ts = Buffer.alloc(8);
  ts.writeBigUInt64BE(BigInt(Date.now()));
  const messageId = randomBytes(16);
  const raw = Buffer.concat([ts, messageId, Buffer.from(JSON.stringify(params))]);
  const sig = sign('sha256', raw, merchantKey);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(sig.length);
  const res = await fetch(`${sb.origin}${PREFIX.biyong}${path}`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      AppId: DEMO.biyong.appId,
      RsaSignHashMode: 'SHA256',
    },
    body: Buffer.concat([len, sig, raw]),
  });
  const body = Buffer.from(await res.arrayBuffer());
  if (body[0] !== 0) throw new Error(`error text: ${body.toString('utf8')}`);
  const n = body.readUInt32BE(0);
  const signed = body.subarray(4 + n);
  if (!verify('sha256', signed, platformPub, body.subarray(4, 4 + n)))
    throw new Error('bad response signature');
  if (!signed.subarray(0, 16).equals(messageId)) throw new Error('messageId mismatch');
  return JSON.parse(signed.subarray(16).toString('utf8')) as Record<string, unknown>;
}

describe('BiYong over HTTP', () => {
  it('plays the app consent, then auth and info with the granted scopes', async () => {
    const returnUrl = sb.origin + MERCHANT_PATHS.biyongReturn;
    const consentUrl = `${sb.origin}${PREFIX.biyong}/authorize?url=${encodeURIComponent(returnUrl)}&appid=${DEMO.biyong.appId}`;
    const page = await sb.get(consentUrl);
    expect(page.status).toBe(200);
    const { action, fields } = readForm(await page.text());
    const form = new URLSearchParams({ ...fields, decision: 'authorize' });
    form.append('scope', 'PUBLIC_INFO');
    form.append('scope', 'BALANCE');
    const res = await fetch(resolveAction(consentUrl, action), {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: form.toString(),
    });
    const back = location(res);
    expect(back.origin + back.pathname).toBe(returnUrl);
    const auth = await call('/biyong-user/auth', { authToken: back.searchParams.get('biytoken') });
    expect(auth).toMatchObject({
      status: '0',
      data: { openId: DEMO.biyong.user.openId, authList: ['PUBLIC_INFO', 'BALANCE'] },
    });
    const info = await call('/biyong-user/info', { openId: DEMO.biyong.user.openId });
    expect(info.data).toMatchObject({ auth: 'true', pubInfoAuth: 'true', phoneAuth: 'false' });
    expect(info.data).not.toHaveProperty('phone');
  });

  it('signs with a wrong key once when the fault is injected', async () => {
    await sb.control(CONTROL.faults, {
      platform: 'biyong',
      endpoint: '/common/token-info/page',
      kind: 'wrong_signature',
      times: 1,
    });
    await expect(call('/common/token-info/page', { pageNo: '0', pageSize: '10' })).rejects.toThrow(
      'bad response signature',
    );
    expect((await call('/common/token-info/page', { pageNo: '0', pageSize: '10' })).status).toBe(
      '0',
    );
  });

  it('syncs a 100k ledger page by page (timings printed)', async () => {
    let t = performance.now();
    expect(
      (await sb.control(CONTROL.seed, { biyongLedgerSize: 100_000, biyongGrant: ['BALANCE'] }))
        .status,
    ).toBe(200);
    const seedMs = performance.now() - t;
    t = performance.now();
    let total: number | undefined;
    let count = 0;
    let last = -Infinity;
    let outOfOrder = 0;
    for (let pageNo = 0; ; pageNo++) {
      const e = await call('/biyong-user/balance/page', {
        openId: DEMO.biyong.user.openId,
        pageNo: String(pageNo),
        pageSize: '1000',
      });
      const data = e.data as { total: number; records: { time: number }[] };
      total = data.total;
      for (const r of data.records) {
        if (r.time <= last) outOfOrder++;
        last = r.time;
      }
      count += data.records.length;
      if (data.records.length < 1000) break;
    }
    const syncMs = performance.now() - t;
    console.info(
      JSON.stringify({
        biyongHttpSync100k: { seedMs: +seedMs.toFixed(1), syncMs: +syncMs.toFixed(1) },
      }),
    );
    expect(total).toBe(100_000);
    expect(count).toBe(100_000);
    expect(outOfOrder).toBe(0);
  });
});
