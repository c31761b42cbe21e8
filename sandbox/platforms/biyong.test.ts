/**
 * BiYong simulator through sim.handle: frames are built here byte by byte and signed with
 * node:crypto, responses are decoded and verified here with BiYong's public key, independently
 * of the simulator's code (docs/providers/biyong.md, Wire format and signatures).
 */
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../contract';
import type { PlatformSim, SimContext, SimRequest, SimResponse } from '../types';
import { BIYONG_TIMESTAMP_WINDOW_MS, BIYTOKEN_TTL_MS, createBiyongSim, TOKEN_INFO } from './biyong';

const T0 = Date.UTC(2026, 0, 15, 8, 0, 0);
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
const NODE_HASH: Record<string, string> = {
  SHA1: 'sha1',
  SHA256: 'sha256',
  SHA384: 'sha384',
  SHA512: 'sha512',
};

type FaultKind = 'wrong_signature' | 'wrong_message_id' | 'replay_message_id';

function fakeContext() {
  let now = T0;
  const faults = new Set<FaultKind>();
  const ctx: SimContext = {
    origin: 'http://127.0.0.1:9',
    now: () => now,
    count: () => undefined,
    schedule: () => undefined,
    log: () => undefined,
    fault: (kind) => faults.delete(kind),
  };
  return { ctx, faults, setNow: (t: number) => void (now = t) };
}

interface FrameOpts {
  timestamp?: number;
  messageId?: Buffer;
  hash?: string;
  key?: KeyObject;
  json?: string;
}

/** sigLen (u32 BE) ‖ signature ‖ timestamp (u64 BE) ‖ messageId ‖ JSON. */
function frame(params: unknown, o: FrameOpts = {}): { body: Buffer; messageId: Buffer } {
  const ts = Buffer.alloc(8);
  ts.writeBigUInt64BE(BigInt(o.timestamp ?? f.ctx.now()));
  const messageId = o.messageId ?? randomBytes(16);
  const raw = Buffer.concat([ts, messageId, Buffer.from(o.json ?? JSON.stringify(params), 'utf8')]);
  const sig = sign(NODE_HASH[o.hash ?? 'SHA256'] ?? 'sha256', raw, o.key ?? merchantKey);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(sig.length);
  return { body: Buffer.concat([len, sig, raw]), messageId };
}

function req(
  path: string,
  body: Buffer,
  headers: Record<string, string> = {},
  method = 'POST',
): SimRequest {
  const url = new URL(`http://127.0.0.1:9/biyong${path}`);
  const h: Record<string, string> = {
    'content-type': 'application/json',
    appid: DEMO.biyong.appId,
  };
  for (const [k, v] of Object.entries(headers)) h[k.toLowerCase()] = v;
  return { method, path, query: url.searchParams, headers: h, body, url };
}

type Decoded =
  | { kind: 'text'; text: string }
  | {
      kind: 'signed';
      valid: boolean;
      messageId: Buffer;
      json: string;
      env: Record<string, unknown>;
    };

function decode(res: SimResponse, hash = 'SHA256'): Decoded {
  const body = Buffer.isBuffer(res.body) ? res.body : Buffer.from(String(res.body), 'utf8');
  if (body[0] !== 0x00) return { kind: 'text', text: body.toString('utf8') };
  const sigLen = body.readUInt32BE(0);
  const sig = body.subarray(4, 4 + sigLen);
  const signed = body.subarray(4 + sigLen);
  const json = signed.subarray(16).toString('utf8');
  return {
    kind: 'signed',
    valid: verify(NODE_HASH[hash] ?? 'sha256', signed, platformPub, sig),
    messageId: Buffer.from(signed.subarray(0, 16)),
    json,
    env: JSON.parse(json) as Record<string, unknown>,
  };
}

let sim: PlatformSim;
let f: ReturnType<typeof fakeContext>;
beforeEach(() => {
  f = fakeContext();
  sim = createBiyongSim();
  sim.reset(f.ctx);
});

async function send(
  path: string,
  params: unknown,
  o: FrameOpts = {},
  headers: Record<string, string> = {},
) {
  const fr = frame(params, o);
  const res = (await sim.handle(req(path, fr.body, headers), f.ctx)) as SimResponse;
  expect(res).toBeDefined();
  return { res, sent: fr.messageId, d: decode(res, headers.RsaSignHashMode ?? o.hash ?? 'SHA256') };
}

/** A signed, valid response: its envelope. */
function env(d: Decoded, sent: Buffer): Record<string, unknown> {
  if (d.kind !== 'signed') throw new Error(`expected a signed response, got: ${d.text}`);
  expect(d.valid).toBe(true);
  expect(d.messageId.equals(sent)).toBe(true);
  return d.env;
}

function textOf(d: Decoded): string {
  if (d.kind !== 'text') throw new Error(`expected a text error, got ${d.json}`);
  return d.text;
}

describe('BiYong wire format', () => {
  it('answers a valid call with a signed envelope over messageId ‖ JSON', async () => {
    const { res, sent, d } = await send('/common/token-info/page', { pageNo: '0', pageSize: '5' });
    expect(res.status ?? 200).toBe(200);
    const e = env(d, sent);
    expect(e.status).toBe('0');
    expect(e).not.toHaveProperty('message');
    expect(e.timestamp).toBe(String(T0));
    expect(e.data).toEqual({ total: TOKEN_INFO.length, records: TOKEN_INFO.slice(0, 5) });
  });

  it('accepts SHA1, SHA384 and SHA512 by RsaSignHashMode and answers with the same hash', async () => {
    for (const hash of ['SHA1', 'SHA256', 'SHA384', 'SHA512']) {
      const { sent, d } = await send(
        '/common/token-info/page',
        { pageNo: 1, pageSize: 10 },
        { hash },
        { RsaSignHashMode: hash },
      );
      expect(env(d, sent).status, hash).toBe('0');
    }
    // A SHA512 answer does not verify as SHA256: the hash really follows the header.
    const { res } = await send(
      '/common/token-info/page',
      { pageNo: 0, pageSize: 1 },
      { hash: 'SHA512' },
      { RsaSignHashMode: 'SHA512' },
    );
    const wrong = decode(res, 'SHA256');
    expect(wrong.kind === 'signed' && wrong.valid).toBe(false);
  });

  it('answers header and frame problems with plain UTF-8 text whose first byte is not 0x00', async () => {
    const good = frame({ pageNo: 0, pageSize: 1 }).body;
    const cases: [Buffer, Record<string, string>][] = [
      [good, { RsaSignHashMode: 'MD5' }],
      [good, { AppId: 'nobody' }],
      [good, { AesEncryptMode: 'CBC/PKCS5Padding' }],
      [Buffer.from([0, 0]), {}],
      [Buffer.from([0, 0, 0, 0, 1, 2, 3]), {}], // sigLen 0
      [Buffer.concat([Buffer.from([0xff, 0xff, 0xff, 0xff]), good.subarray(4)]), {}], // lying sigLen
      [Buffer.concat([Buffer.from([0, 0, 0x01, 0x10]), good.subarray(4)]), {}], // sigLen past the end
      [good.subarray(0, 4 + 256 + 20), {}], // messageId cut short
    ];
    for (const [body, headers] of cases) {
      const res = (await sim.handle(
        req('/common/token-info/page', body, headers),
        f.ctx,
      )) as SimResponse;
      const t = textOf(decode(res));
      expect(t.length).toBeGreaterThan(0);
      expect(Buffer.from(t, 'utf8')[0]).not.toBe(0);
    }
    const noAppId = req('/common/token-info/page', good);
    delete noAppId.headers.appid;
    expect(textOf(decode((await sim.handle(noAppId, f.ctx)) as SimResponse))).toMatch(/AppId/);
    const get = (await sim.handle(
      req('/common/token-info/page', good, {}, 'GET'),
      f.ctx,
    )) as SimResponse;
    expect(get.status).toBe(405);
  });

  it('answers a bad signature with 100401, signed', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    const { sent, d } = await send(
      '/common/token-info/page',
      { pageNo: 0, pageSize: 1 },
      { key: other },
    );
    expect(env(d, sent)).toMatchObject({ status: '100401', data: null });
    // Flip one JSON byte after signing.
    const fr = frame({ pageNo: 0, pageSize: 1 });
    const at = fr.body.length - 2;
    fr.body.writeUInt8((fr.body.readUInt8(at) ^ 1) & 0xff, at);
    const t = decode(
      (await sim.handle(req('/common/token-info/page', fr.body), f.ctx)) as SimResponse,
    );
    expect(env(t, fr.messageId).status).toBe('100401');
  });

  it('answers timestamps beyond ±5 minutes with 100400', async () => {
    const at = async (delta: number) =>
      (await send('/common/token-info/page', { pageNo: 0, pageSize: 1 }, { timestamp: T0 + delta }))
        .d;
    for (const delta of [BIYONG_TIMESTAMP_WINDOW_MS + 1, -BIYONG_TIMESTAMP_WINDOW_MS - 1, -T0]) {
      const d = await at(delta);
      expect(d.kind === 'signed' && d.env.status, String(delta)).toBe('100400');
    }
    for (const delta of [BIYONG_TIMESTAMP_WINDOW_MS, -BIYONG_TIMESTAMP_WINDOW_MS]) {
      const d = await at(delta);
      expect(d.kind === 'signed' && d.env.status, String(delta)).toBe('0');
    }
  });

  it('refuses a replayed messageId, a denied API and JSON that is not an object', async () => {
    const messageId = randomBytes(16);
    expect(
      env(
        (await send('/common/token-info/page', { pageNo: 0, pageSize: 1 }, { messageId })).d,
        messageId,
      ).status,
    ).toBe('0');
    expect(
      env(
        (await send('/common/token-info/page', { pageNo: 0, pageSize: 1 }, { messageId })).d,
        messageId,
      ).status,
    ).toBe('100100');
    for (const json of ['{oops', '[1]', '']) {
      const { sent, d } = await send('/common/token-info/page', null, { json });
      expect(env(d, sent).status, json).toBe('100100');
    }
    await sim.seed?.({ biyongDeniedApis: ['/common/token-info/page'] }, f.ctx);
    const { sent, d } = await send('/common/token-info/page', { pageNo: 0, pageSize: 1 });
    expect(env(d, sent).status).toBe('100101');
  });

  it('verifies with a merchant key registered by seed option', async () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const spki = publicKey.export({ format: 'der', type: 'spki' }).toString('base64');
    await sim.seed?.({ biyongMerchantPublicKey: { appId: 'second_app', publicKey: spki } }, f.ctx);
    const ok = await send(
      '/common/token-info/page',
      { pageNo: 0, pageSize: 1 },
      { key: privateKey },
      { AppId: 'second_app' },
    );
    expect(env(ok.d, ok.sent).status).toBe('0');
    const demoKeyElsewhere = await send(
      '/common/token-info/page',
      { pageNo: 0, pageSize: 1 },
      {},
      { AppId: 'second_app' },
    );
    expect(env(demoKeyElsewhere.d, demoKeyElsewhere.sent).status).toBe('100401');
  });

  it('plays the wrong_signature, wrong_message_id and replay_message_id faults', async () => {
    const first = await send('/common/token-info/page', { pageNo: 0, pageSize: 1 });
    env(first.d, first.sent);
    f.faults.add('wrong_signature');
    const ws = await send('/common/token-info/page', { pageNo: 0, pageSize: 1 });
    expect(ws.d.kind === 'signed' && ws.d.valid).toBe(false);
    f.faults.add('wrong_message_id');
    const wm = await send('/common/token-info/page', { pageNo: 0, pageSize: 1 });
    expect(wm.d.kind === 'signed' && wm.d.valid && !wm.d.messageId.equals(wm.sent)).toBe(true);
    f.faults.add('replay_message_id');
    const rp = await send('/common/token-info/page', { pageNo: 0, pageSize: 1 });
    expect(rp.d.kind === 'signed' && rp.d.valid && rp.d.messageId.equals(wm.sent)).toBe(true);
    const after = await send('/common/token-info/page', { pageNo: 0, pageSize: 1 });
    env(after.d, after.sent);
  });
});

describe('BiYong consent page and /biyong-user/auth', () => {
  const returnUrl = 'http://127.0.0.1:9/merchant/biyong/return?x=1';
  const consent = async (method: 'GET' | 'POST', fields: Record<string, string | string[]>) => {
    const form = new URLSearchParams();
    for (const [k, v] of Object.entries(fields)) for (const one of [v].flat()) form.append(k, one);
    const url = new URL('http://127.0.0.1:9/biyong/authorize');
    if (method === 'GET') url.search = form.toString();
    const r: SimRequest = {
      method,
      path: '/authorize',
      query: url.searchParams,
      headers: {},
      body: Buffer.from(method === 'POST' ? form.toString() : ''),
      url,
    };
    return (await sim.handle(r, f.ctx)) as SimResponse;
  };
  const tokenFrom = (res: SimResponse) => {
    expect(res.status).toBe(302);
    return new URL(String(res.headers?.location));
  };
  const auth = async (authToken: string) => {
    const { sent, d } = await send('/biyong-user/auth', { authToken });
    return env(d, sent);
  };

  it('shows the app and the scopes, and refuses bad url or appid', async () => {
    const page = await consent('GET', { url: returnUrl, appid: DEMO.biyong.appId });
    expect(page.status).toBe(200);
    expect(String(page.body)).toContain(DEMO.biyong.appId);
    expect(String(page.body)).toMatch(/id="authorize"[\s\S]*id="deny"/);
    expect(
      (await consent('GET', { url: 'javascript:alert(1)', appid: DEMO.biyong.appId })).status,
    ).toBe(400);
    expect((await consent('GET', { url: 'not a url', appid: DEMO.biyong.appId })).status).toBe(400);
    expect((await consent('GET', { url: returnUrl, appid: 'nobody' })).status).toBe(400);
  });

  it('redirects with a one-time biytoken that /biyong-user/auth exchanges once', async () => {
    const loc = tokenFrom(
      await consent('POST', {
        url: returnUrl,
        appid: DEMO.biyong.appId,
        decision: 'authorize',
        scope: ['PUBLIC_INFO', 'PHONE', 'BALANCE'],
      }),
    );
    expect(loc.origin + loc.pathname).toBe('http://127.0.0.1:9/merchant/biyong/return');
    expect(loc.searchParams.get('x')).toBe('1');
    const token = loc.searchParams.get('biytoken') ?? '';
    expect(token).toMatch(/^[A-Za-z0-9]{20,}$/);
    const e = await auth(token);
    expect(e).toMatchObject({
      status: '0',
      data: { openId: DEMO.biyong.user.openId, authList: ['PUBLIC_INFO', 'PHONE', 'BALANCE'] },
    });
    expect(await auth(token)).toMatchObject({ status: '100000' });
    expect(await auth('made-up')).toMatchObject({ status: '100000' });
    const { sent, d } = await send('/biyong-user/auth', {});
    expect(env(d, sent).status).toBe('100000');
  });

  it('expires biytokens, grants only the ticked scopes, and reports a denial', async () => {
    const late = tokenFrom(
      await consent('POST', {
        url: returnUrl,
        appid: DEMO.biyong.appId,
        decision: 'authorize',
        scope: 'BALANCE',
      }),
    );
    f.setNow(T0 + BIYTOKEN_TTL_MS + 1);
    expect(await auth(late.searchParams.get('biytoken') ?? '')).toMatchObject({ status: '100000' });
    f.setNow(T0);
    const partial = tokenFrom(
      await consent('POST', {
        url: returnUrl,
        appid: DEMO.biyong.appId,
        decision: 'authorize',
        scope: ['PHONE', 'bogus'],
      }),
    );
    expect((await auth(partial.searchParams.get('biytoken') ?? '')).data).toMatchObject({
      authList: ['PHONE'],
    });
    const denied = tokenFrom(
      await consent('POST', { url: returnUrl, appid: DEMO.biyong.appId, decision: 'deny' }),
    );
    expect(denied.searchParams.get('biytoken')).toBeNull();
    expect(denied.searchParams.get('biyerror')).toBe('access_denied');
  });
});

describe('BiYong user info and update', () => {
  const openId = DEMO.biyong.user.openId;
  const info = async () => {
    const { sent, d } = await send('/biyong-user/info', { openId });
    return env(d, sent);
  };

  it('shows only the fields the grants allow', async () => {
    expect((await info()).data).toEqual({
      auth: 'false',
      pubInfoAuth: 'false',
      phoneAuth: 'false',
    });
    await sim.seed?.({ biyongGrant: ['PUBLIC_INFO'] }, f.ctx);
    const pub = (await info()).data as Record<string, string>;
    expect(pub).toMatchObject({
      auth: 'true',
      pubInfoAuth: 'true',
      phoneAuth: 'false',
      isKycPass: 'true',
    });
    expect(pub.firstName).toBeTruthy();
    expect(pub).not.toHaveProperty('phone');
    await sim.seed?.({ biyongGrant: ['PHONE'] }, f.ctx);
    const phone = (await info()).data as Record<string, string>;
    expect(phone.phone).toBe(DEMO.biyong.user.phone.replace(/^\+86/, '86-'));
    expect(phone).not.toHaveProperty('firstName');
    const { sent, d } = await send('/biyong-user/info', { openId: 'someone-else' });
    expect(env(d, sent).status).toBe('100000');
  });

  it('stores a merchant token of 1-64 [A-Za-z0-9_] for an authorized user', async () => {
    const update = async (params: unknown) => {
      const { sent, d } = await send('/biyong-user/update', params);
      return env(d, sent);
    };
    expect(await update({ openId, token: 'abc' })).toMatchObject({ status: '100102' });
    await sim.seed?.({ biyongGrant: ['PUBLIC_INFO'] }, f.ctx);
    expect(await update({ openId, token: 'A_z9'.repeat(16) })).toMatchObject({
      status: '0',
      data: null,
    });
    expect(sim.state?.()).toMatchObject({
      merchantTokens: { [`${DEMO.biyong.appId} ${openId}`]: 'A_z9'.repeat(16) },
    });
    for (const token of ['x'.repeat(65), 'has-dash', '', 12]) {
      expect((await update({ openId, token })).status, String(token)).toBe('100000');
    }
    expect((await update({ openId })).status).toBe('100000');
    expect((await update({ openId: 'nobody', token: 'a' })).status).toBe('100000');
  });
});

interface LedgerPage {
  total: number;
  records: { tokenSymbol: string; balance: string; time: number }[];
}

describe('BiYong ledger (/biyong-user/balance/page)', () => {
  const openId = DEMO.biyong.user.openId;
  const pageOf = async (params: Record<string, unknown>) => {
    const { sent, d } = await send('/biyong-user/balance/page', { openId, ...params });
    return env(d, sent);
  };
  const all = async (pageSize: number, bounds: Record<string, unknown> = {}) => {
    const out: LedgerPage['records'] = [];
    for (let pageNo = 0; ; pageNo++) {
      const e = await pageOf({ pageNo: String(pageNo), pageSize: String(pageSize), ...bounds });
      const p = e.data as LedgerPage;
      out.push(...p.records);
      if (p.records.length < pageSize) return { total: p.total, records: out };
    }
  };

  it('needs the BALANCE grant (100102)', async () => {
    await sim.seed?.({ biyongGrant: ['PUBLIC_INFO', 'PHONE'] }, f.ctx);
    expect((await pageOf({ pageNo: 0, pageSize: 10 })).status).toBe('100102');
  });

  it('pages the whole ledger ascending by time, with signed decimal string changes', async () => {
    await sim.seed?.({ biyongGrant: ['BALANCE'], biyongLedgerSize: 1234 }, f.ctx);
    const { total, records } = await all(100);
    expect(total).toBe(1234);
    expect(records).toHaveLength(1234);
    for (let i = 1; i < records.length; i++)
      expect(records[i]!.time).toBeGreaterThan(records[i - 1]!.time);
    for (const r of records) expect(r.balance).toMatch(/^-?\d+\.\d+$/);
    // The changes add up to holdings that never went negative: replay them independently.
    const held = new Map<string, bigint>();
    for (const r of records) {
      const [i = '', d = ''] = r.balance.replace('-', '').split('.');
      const units = BigInt(i + d) * (r.balance.startsWith('-') ? -1n : 1n);
      const next = (held.get(r.tokenSymbol) ?? 0n) + units;
      expect(next >= 0n).toBe(true);
      held.set(r.tokenSymbol, next);
    }
    // The same size gives the same ledger (deterministic seed).
    await sim.seed?.({ biyongLedgerSize: 1234 }, f.ctx);
    expect((await all(1000)).records).toEqual(records);
  });

  it('bounds by startTime and endTime, both inclusive, and counts total inside the bounds', async () => {
    await sim.seed?.({ biyongGrant: ['BALANCE'], biyongLedgerSize: 500 }, f.ctx);
    const { records } = await all(1000);
    const a = records[100]!.time;
    const b = records[199]!.time;
    const inside = await all(30, { startTime: String(a), endTime: String(b) });
    expect(inside.total).toBe(100);
    expect(inside.records).toEqual(records.slice(100, 200));
    expect((await all(1000, { startTime: a + 1 })).records[0]).toEqual(records[101]);
    expect((await all(1000, { endTime: b - 1 })).total).toBe(199);
    expect((await pageOf({ pageNo: 0, pageSize: 10, startTime: b, endTime: a })).status).toBe(
      '100000',
    );
  });

  it('checks pageNo and pageSize (at most 1000) and answers past the end with no records', async () => {
    await sim.seed?.({ biyongGrant: ['BALANCE'], biyongLedgerSize: 50 }, f.ctx);
    for (const bad of [
      { pageNo: 0, pageSize: 1001 },
      { pageNo: 0, pageSize: 0 },
      { pageNo: -1, pageSize: 10 },
      { pageNo: '1.5', pageSize: 10 },
      { pageSize: 10 },
    ]) {
      expect((await pageOf(bad)).status, JSON.stringify(bad)).toBe('100000');
    }
    expect((await pageOf({ pageNo: '0', pageSize: '1000' })).data).toMatchObject({ total: 50 });
    expect((await pageOf({ pageNo: 9, pageSize: 10 })).data).toEqual({ total: 50, records: [] });
  });

  it('appends new records after the existing ones without moving earlier pages', async () => {
    await sim.seed?.({ biyongGrant: ['BALANCE'], biyongLedgerSize: 300 }, f.ctx);
    const before = await all(100);
    await sim.seed?.({ biyongAppendLedger: 7 }, f.ctx);
    const after = await all(100);
    expect(after.total).toBe(307);
    expect(after.records.slice(0, 300)).toEqual(before.records);
    expect(after.records[306]!.time).toBe(T0);
    const fresh = await all(100, { startTime: before.records[299]!.time + 1 });
    expect(fresh.records).toEqual(after.records.slice(300));
  });

  it('spreads a seeded ledger over the last days up to the platform clock when asked', async () => {
    await sim.seed?.(
      { biyongGrant: ['BALANCE'], biyongLedgerSize: 300, biyongLedgerDays: 42 },
      f.ctx,
    );
    const { total, records } = await all(1000);
    expect(total).toBe(300);
    const from = T0 - 42 * 86_400_000;
    expect(records.every((r) => r.time >= from && r.time <= T0)).toBe(true);
    for (let i = 1; i < records.length; i++)
      expect(records[i]!.time).toBeGreaterThan(records[i - 1]!.time);
    // Spread over the weeks, not bunched at one end: every week has records.
    const weeks = new Set(records.map((r) => Math.floor((r.time - from) / (7 * 86_400_000))));
    expect(weeks.size).toBe(6);
    await expect(async () =>
      sim.seed?.({ biyongLedgerSize: 10, biyongLedgerDays: 0 }, f.ctx),
    ).rejects.toThrow(RangeError);
    await expect(async () => sim.seed?.({ biyongLedgerDays: 7 }, f.ctx)).rejects.toThrow(
      /goes with biyongLedgerSize/,
    );
  });

  it('can write balances as JSON number literals, as the seed example does', async () => {
    await sim.seed?.(
      { biyongGrant: ['BALANCE'], biyongLedgerSize: 20, biyongBalanceAs: 'number' },
      f.ctx,
    );
    const { sent, d } = await send('/biyong-user/balance/page', {
      openId,
      pageNo: 0,
      pageSize: 20,
    });
    env(d, sent);
    const json = d.kind === 'signed' ? d.json : '';
    const literals = [...json.matchAll(/"balance":(-?\d+\.\d+)[,}]/g)].map((m) => m[1]);
    expect(literals).toHaveLength(20);
    await sim.seed?.({ biyongBalanceAs: 'string' }, f.ctx);
    const again = await send('/biyong-user/balance/page', { openId, pageNo: 0, pageSize: 20 });
    const strings = (env(again.d, again.sent).data as LedgerPage).records.map((r) => r.balance);
    expect(strings).toEqual(literals); // same digits, trailing zeros kept
  });

  it('refuses ledger sizes beyond 100,000', async () => {
    await expect(async () => sim.seed?.({ biyongLedgerSize: 100_001 }, f.ctx)).rejects.toThrow(
      RangeError,
    );
    await expect(async () => sim.seed?.({ biyongLedgerSize: 1.5 }, f.ctx)).rejects.toThrow(
      RangeError,
    );
  });

  it('generates and serves a 100k ledger (timings printed, not asserted)', async () => {
    let t = performance.now();
    await sim.seed?.({ biyongGrant: ['BALANCE'], biyongLedgerSize: 100_000 }, f.ctx);
    const generateMs = performance.now() - t;
    t = performance.now();
    const last = await pageOf({ pageNo: 99, pageSize: 1000 });
    const pageMs = performance.now() - t;
    t = performance.now();
    const { total, records } = await all(1000);
    const syncMs = performance.now() - t;
    console.info(
      JSON.stringify({
        biyongLedger100k: {
          generateMs: +generateMs.toFixed(1),
          onePageMs: +pageMs.toFixed(1),
          fullSync100PagesMs: +syncMs.toFixed(1),
        },
      }),
    );
    expect(total).toBe(100_000);
    expect(records).toHaveLength(100_000);
    expect((last.data as LedgerPage).records).toEqual(records.slice(99_000));
  });
});
