/**
 * Grand Chain simulator through sim.handle, in both revisions (docs/providers/grandchain.md,
 * Revisions).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { DEMO } from '../contract';
import type { PlatformSim, SimContext, SimRequest, SimResponse } from '../types';
import { createGrandchainSim } from './grandchain';

const T0 = Date.UTC(2026, 0, 15, 15, 7, 40);
type DemoUser = (typeof DEMO.grandchain.users)[number];
const [ALICE, BOB]: readonly (DemoUser | undefined)[] = DEMO.grandchain.users;
if (!ALICE || !BOB) throw new Error('DEMO.grandchain needs two users');

let now = T0;
const ctx: SimContext = {
  origin: 'http://127.0.0.1:9',
  now: () => now,
  count: () => undefined,
  schedule: () => undefined,
  log: () => undefined,
  fault: () => false,
};

let sim: PlatformSim;
beforeEach(() => {
  now = T0;
  sim = createGrandchainSim();
  sim.reset(ctx);
});

type Reply = Record<string, unknown> & { code: number; msg: string };

function raw(path: string, body: unknown, method = 'POST', search = ''): SimResponse | undefined {
  const url = new URL(`http://127.0.0.1:9/grandchain/${path}${search}`);
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  const req: SimRequest = {
    method,
    path,
    query: url.searchParams,
    headers: { 'content-type': 'application/json' },
    body: Buffer.from(text),
    url,
  };
  return sim.handle(req, ctx) as SimResponse | undefined;
}

function call(path: string, body: unknown): Reply {
  const res = raw(path, body);
  if (!res) throw new Error(`404 for ${path}`);
  expect(res.status).toBe(200);
  return res.body as Reply;
}

const state = () =>
  sim.state?.() as {
    outbox: { to: string; code: string }[];
    friendRequests: { id: string; to: number }[];
  };

/** "2018-10-15 23:07:40" in China Standard Time, via Intl (independent of the simulator). */
function cst(ms: number): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: 'Asia/Shanghai',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(new Date(ms));
  const get = (t: string) => parts.find((p) => p.type === t)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')} ${get('hour')}:${get('minute')}:${get('second')}`;
}

describe('Grand Chain, deployed revision (default)', () => {
  const login = (u: DemoUser) => call('login/', { email: u.email, password: u.password });
  const session = (u: DemoUser) => {
    const r = login(u);
    return { email: u.email, user_id: r.user_id, session_token: r.session_token };
  };

  it('answers a route without its trailing slash with 301 to the slashed path, keeping the query', () => {
    const res = raw('login', { email: ALICE.email, password: ALICE.password }, 'POST', '?a=1');
    expect(res?.status).toBe(301);
    expect(res?.headers?.location).toBe('/grandchain/login/?a=1');
    expect(raw('trade/transfer', {})?.status).toBe(301);
    expect(raw('nothing/here/', {})).toBeUndefined();
    expect(raw('login/', '', 'GET')?.status).toBe(405);
    // The 301 did not log anyone in.
    expect(login(ALICE).code).toBe(0);
  });

  it('logs in (numeric user_id), answers 201 with the same session when already in, and fails with NULL fields', () => {
    const first = login(ALICE);
    expect(first).toMatchObject({ code: 0, user_id: ALICE.userId });
    expect(first.session_token).toMatch(/^\w{8,}$/);
    expect(login(ALICE)).toMatchObject({
      code: 201,
      user_id: ALICE.userId,
      session_token: first.session_token,
    });
    expect(call('login/', { email: ALICE.email, password: 'wrong' })).toMatchObject({
      code: 502,
      user_id: 'NULL',
      session_token: 'NULL',
    });
    expect(call('login/', { email: 'ghost@example.com', password: 'x' })).toMatchObject({
      code: 501,
      user_id: 'NULL',
    });
  });

  it('checks key count (402), types (403) and formats (401)', () => {
    expect(call('login/', { email: ALICE.email }).code).toBe(402);
    expect(call('login/', { email: ALICE.email, password: ALICE.password, extra: 1 }).code).toBe(
      402,
    );
    expect(call('login/', { email: ALICE.email, password: 12345 }).code).toBe(403);
    expect(call('login/', { email: 'not-an-email', password: 'x' }).code).toBe(401);
    expect(call('login/', '{not json').code).toBe(401);
    expect(call('login/', '[]').code).toBe(401);
  });

  it('registers through the emailed code, resends, inserts a face token once', () => {
    expect(
      call('register/try/', {
        email: 'carol@example.com',
        password: 'pw-carol',
        nick_name: 'Carol',
      }).code,
    ).toBe(0);
    expect(
      call('register/try/', {
        email: 'carol@example.com',
        password: 'pw-carol',
        nick_name: 'Carol',
      }).code,
    ).toBe(501);
    expect(call('register/try/', { email: ALICE.email, password: 'x', nick_name: 'A' }).code).toBe(
      501,
    );
    const first = state().outbox.at(-1);
    expect(first?.to).toBe('carol@example.com');
    expect(first?.code).toMatch(/^\d{4}$/);
    expect(call('register/send/', { email: 'carol@example.com' }).code).toBe(0);
    const second = state().outbox.at(-1)?.code ?? '';
    const wrong = second === '0000' ? '1111' : '0000';
    expect(
      call('register/verify/', { email: 'carol@example.com', verify_code: wrong }),
    ).toMatchObject({ code: 502, user_id: 'NULL', session_token: 'NULL' });
    expect(
      call('register/verify/', { email: 'carol@example.com', verify_code: Number(second) }).code,
    ).toBe(403);
    const ok = call('register/verify/', { email: 'carol@example.com', verify_code: second });
    expect(ok).toMatchObject({ code: 0, user_id: 3 });
    expect(call('register/verify/', { email: 'carol@example.com', verify_code: second }).code).toBe(
      501,
    );
    expect(call('register/send/', { email: 'nobody@example.com' }).code).toBe(501);
    // Verified = logged in: the session works at once.
    const me = { email: 'carol@example.com', user_id: 3, session_token: ok.session_token };
    expect(call('register/face/insert/', { ...me, face_token: 'face_carol' }).code).toBe(0);
    expect(call('register/face/insert/', { ...me, face_token: 'face_other' }).code).toBe(502);
    expect(
      call('register/face/insert/', { ...me, session_token: 'bad', face_token: 'f' }).code,
    ).toBe(504);
    expect(
      call('register/face/insert/', { ...me, email: 'ghost@example.com', face_token: 'f' }).code,
    ).toBe(501);
    expect(call('register/face/insert/', { ...me, user_id: 1, face_token: 'f' }).code).toBe(503);
    expect(call('user/get/facetoken/', me)).toMatchObject({ code: 0, face_token: 'face_carol' });
  });

  it('answers 502 when the verification mail cannot be sent, leaving nothing pending', async () => {
    await sim.seed?.({ grandchainMailFail: true }, ctx);
    expect(
      call('register/try/', { email: 'dan@example.com', password: 'p', nick_name: 'Dan' }).code,
    ).toBe(502);
    expect(call('register/verify/', { email: 'dan@example.com', verify_code: '1234' }).code).toBe(
      501,
    );
  });

  it('logs out and refuses the old session with 504', () => {
    const me = session(ALICE);
    expect(call('logout/', { ...me, session_token: 'nope' }).code).toBe(504);
    expect(call('logout/', { ...me, email: 'ghost@example.com' }).code).toBe(501);
    expect(call('logout/', me).code).toBe(0);
    expect(call('trade/inquire/', me).code).toBe(504);
    expect(login(ALICE).code).toBe(0);
  });

  it('looks up users by email and makes friends', () => {
    const a = session(ALICE);
    expect(call('user/inquire/', { ...a, inquire_email: BOB.email })).toMatchObject({
      code: 0,
      inquire_email: BOB.email,
      result: BOB.userId,
    });
    expect(call('user/inquire/', { ...a, inquire_email: 'ghost@example.com' })).toMatchObject({
      code: 0,
      result: 'empty',
    });
    expect(
      call('user/inquire/', { ...a, user_id: BOB.userId, inquire_email: BOB.email }),
    ).toMatchObject({ code: 503, result: 'NULL' });
    expect(call('user/add/friend/', { ...a, add_user_id: BOB.userId })).toMatchObject({
      code: 0,
      add_user_nick_name: BOB.nickName,
    });
    expect(call('user/add/friend/', { ...a, add_user_id: 99 }).code).toBe(501);
    const req = state().friendRequests.find((r) => r.to === BOB.userId);
    const b = session(BOB);
    expect(call('user/confirm/friend/', { ...a, friend_order_id: req?.id })).toMatchObject({
      code: 501,
      add_user_id: 'NULL',
    });
    expect(call('user/confirm/friend/', { ...b, friend_order_id: req?.id })).toMatchObject({
      code: 0,
      add_user_id: ALICE.userId,
      add_user_nick_name: ALICE.nickName,
    });
    expect(call('user/confirm/friend/', { ...b, friend_order_id: req?.id }).code).toBe(501);
  });

  it('transfers by receiver email with the face token; the receiver sees it unread, then receives it', () => {
    const a = session(ALICE);
    const b = session(BOB);
    const t = (over: Record<string, unknown>) =>
      call('trade/transfer/', {
        ...a,
        receiver_user_email: BOB.email,
        trade_value: '20000',
        face_token: ALICE.faceToken,
        ...over,
      });
    expect(t({ trade_value: 20000 }).code).toBe(403);
    expect(t({ trade_value: '12.5' }).code).toBe(401);
    expect(t({ trade_value: '0' }).code).toBe(401);
    expect(t({ receiver_user_id: BOB.userId }).code).toBe(402);
    expect(t({ trade_value: String(ALICE.balanceFen + 1) })).toMatchObject({
      code: 502,
      balance: 'NULL',
    });
    // As the deployed server does, the money is taken before the face token and the receiver are
    // checked: each of these three failures costs alice 20000 fen, with no order and no record.
    expect(t({ face_token: 'someone_else' })).toMatchObject({ code: 505, balance: 'NULL' });
    expect(t({ receiver_user_email: 'ghost@example.com' })).toMatchObject({
      code: 501,
      msg: 'receiver user does not exist',
    });
    expect(t({ receiver_user_email: ALICE.email }).code).toBe(501);
    const sent = t({});
    expect(sent.code).toBe(0);
    expect(String(sent.balance)).toBe(String(ALICE.balanceFen - 4 * 20000));

    now += 60_000;
    const unread = call('trade/unread/', b);
    expect(unread).toMatchObject({ code: 0 });
    expect(unread.record).toEqual([
      {
        order_id: sent.order_id,
        sender_email: ALICE.email,
        sender_nick_name: ALICE.nickName,
        trade_value: '20000',
        create_time: cst(T0),
      },
    ]);
    const r = (over: Record<string, unknown>) =>
      call('trade/receive/', { ...b, order_id: sent.order_id, face_token: BOB.faceToken, ...over });
    expect(r({ face_token: ALICE.faceToken }).code).toBe(505);
    // A missing or already received order is the deployed server's 504, a bad session's code.
    expect(r({ order_id: 'order_missing' })).toMatchObject({ code: 504, msg: 'order not exist' });
    const got = r({});
    expect(got.code).toBe(0);
    expect(String(got.balance)).toBe(String(BOB.balanceFen + 20000));
    expect(r({}).code).toBe(504);
    expect(call('trade/unread/', b).record).toEqual([]);

    expect(call('trade/inquire/', a).record).toEqual([
      { time_stamp: cst(T0), type: 0, trade_value: '20000' },
    ]);
    expect(call('trade/inquire/', b).record).toEqual([
      { time_stamp: cst(T0 + 60_000), type: 1, trade_value: '20000' },
    ]);
  });

  it('tops up with user/charge/ and alternates the balance between string and number by default', async () => {
    const a = session(ALICE);
    const one = call('user/charge/', { ...a, trade_value: '5000' });
    const two = call('user/charge/', { ...a, trade_value: '5000' });
    expect(String(one.balance)).toBe(String(ALICE.balanceFen + 5000));
    expect(String(two.balance)).toBe(String(ALICE.balanceFen + 10000));
    expect(new Set([typeof one.balance, typeof two.balance])).toEqual(
      new Set(['string', 'number']),
    );
    await sim.seed?.({ grandchainBalanceAs: 'number' }, ctx);
    expect(typeof call('user/charge/', { ...a, trade_value: '1' }).balance).toBe('number');
    expect(call('user/charge/', { ...a, trade_value: 1 }).code).toBe(403);
  });
});

describe('Grand Chain, seed revision', () => {
  beforeEach(async () => {
    await sim.seed?.({ grandchainRevision: 'seed' }, ctx);
  });
  const session = (u: DemoUser) => {
    const r = call('login/', { email: u.email, password: u.password });
    return { email: u.email, user_id: r.user_id, session_token: r.session_token };
  };

  it('serves the routes exactly as the document writes them', () => {
    expect(raw('login', { email: ALICE.email, password: ALICE.password })).toBeUndefined();
    expect(raw('trade/transfer/', {})).toBeUndefined();
    expect(raw('user/charge/', {})).toBeUndefined();
    expect(raw('trade/unread/', {})).toBeUndefined();
    expect(raw('trade/inquire', {})?.status).toBe(200);
    expect(raw('register/face/insert', {})?.status).toBe(200);
  });

  it('uses string user ids, receiver_user_id, string balances and the seed history shape', () => {
    const a = session(ALICE);
    expect(a.user_id).toBe(`user_${ALICE.userId}`);
    const b = session(BOB);
    const sent = call('trade/transfer', {
      email: a.email,
      user_id: a.user_id,
      receiver_user_id: b.user_id,
      trade_value: 2500,
      session_token: a.session_token,
    });
    expect(sent).toMatchObject({ code: 0, balance: String(ALICE.balanceFen - 2500) });
    expect(
      call('trade/transfer', {
        email: a.email,
        user_id: a.user_id,
        receiver_user_id: 'user_99',
        trade_value: '1',
        session_token: a.session_token,
      }).code,
    ).toBe(501);
    expect(
      call('trade/transfer', {
        email: a.email,
        user_id: ALICE.userId,
        receiver_user_id: b.user_id,
        trade_value: '1',
        session_token: a.session_token,
      }).code,
    ).toBe(403);
    const got = call('trade/receive', {
      email: b.email,
      user_id: b.user_id,
      order_id: sent.order_id,
      face_token: BOB.faceToken,
      session_token: b.session_token,
    });
    expect(got).toMatchObject({ code: 0, balance: String(BOB.balanceFen + 2500) });
    const alice = { user_id: a.user_id, email: ALICE.email, nick_name: ALICE.nickName };
    const bob = { user_id: b.user_id, email: BOB.email, nick_name: BOB.nickName };
    expect(call('trade/inquire', a).record).toEqual([
      { time_stamp: cst(T0), send_user: alice, receve_user: bob, trade_value: '2500' },
    ]);
    expect(call('user/inquire/', { ...a, inquire_email: BOB.email }).result).toBe(b.user_id);
  });
});
