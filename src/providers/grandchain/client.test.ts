import { describe, expect, it } from 'vitest';
import { SkewClock, type FetchLike } from '../../core/http';
import type { ProviderContext } from '../types';
import { createGrandchainClient, type GrandchainSession } from './client';
import type { RevisionOption } from './revisions';

const BASE = 'http://gc.test/grand/chain/';
const alice: GrandchainSession = {
  email: 'alice@example.com',
  userId: 'u_alice',
  sessionToken: 'sess_A',
};

/** Seed 003's paths, written out again here independently of revisions.ts. */
const SEED_ROUTES = new Set([
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
]);
const DEPLOYED_ROUTES = new Set([
  'register/try/',
  'register/verify/',
  'register/send/',
  'register/face/insert/',
  'login/',
  'logout/',
  'user/inquire/',
  'user/add/friend/',
  'user/confirm/friend/',
  'user/charge/',
  'user/get/facetoken/',
  'trade/transfer/',
  'trade/receive/',
  'trade/inquire/',
  'trade/unread/',
]);

type Handler = (route: string, body: Record<string, unknown>) => unknown;

/** A fake Grand Chain of either revision: routes, trailing-slash 301s, then `handler`. */
function fakeServer(revision: 'seed' | 'deployed', handler: Handler) {
  const calls: { route: string; body: Record<string, unknown>; raw: string }[] = [];
  const fetch: FetchLike = async (url, init) => {
    const route = url.slice(BASE.length);
    const raw = init?.body as string;
    const body = JSON.parse(raw) as Record<string, unknown>;
    calls.push({ route, body, raw });
    expect(init?.method).toBe('POST');
    expect(init?.redirect).toBe('manual');
    if (revision === 'deployed') {
      if (!route.endsWith('/') && DEPLOYED_ROUTES.has(`${route}/`)) {
        return new Response(null, { status: 301, headers: { location: `/grand/chain/${route}/` } });
      }
      if (!DEPLOYED_ROUTES.has(route)) return new Response('<h1>Not Found</h1>', { status: 404 });
    } else if (!SEED_ROUTES.has(route)) {
      return new Response('<h1>Not Found</h1>', { status: 404 });
    }
    if (Object.keys(body).length === 0) return Response.json({ code: 402, msg: 'param count' });
    const out = handler(route.replace(/\/$/, ''), body);
    return out instanceof Response ? out : Response.json(out);
  };
  return { fetch, calls };
}

function setup(revision: 'seed' | 'deployed', handler: Handler, option: RevisionOption = 'auto') {
  const server = fakeServer(revision, handler);
  const ctx: ProviderContext = { fetch: server.fetch, clock: new SkewClock(), baseUrl: BASE };
  return { client: createGrandchainClient(ctx, { revision: option }), calls: server.calls };
}

const ok = (extra: Record<string, unknown> = {}) => ({ code: 0, msg: 'success', ...extra });

/** A deployed server where alice can send to bob: inquire, face token, transfer. */
const deployedTransferServer: Handler = (route, body) =>
  route === 'user/inquire'
    ? ok({
        inquire_email: body.inquire_email,
        result: body.inquire_email === 'bob@example.com' ? 2 : 'empty',
      })
    : route === 'user/get/facetoken'
      ? ok({ face_token: 'face_alice_0001' })
      : ok({ balance: 1_230_000, order_id: 'order_9' });

describe('registration and session', () => {
  it('register try → verify → resend → face insert, with exactly the documented keys', async () => {
    const { client, calls } = setup('seed', (route) =>
      route === 'register/verify'
        ? ok({ user_id: 'user_js123', session_token: '3237d6agh3' })
        : ok(),
    );
    await client.registerTry({ email: 'new@x.com', password: 'pw-1', nickName: 'Vaskka' });
    const session = await client.registerVerify({ email: 'new@x.com', verifyCode: ' 1234 ' });
    expect(session).toEqual({
      email: 'new@x.com',
      userId: 'user_js123',
      sessionToken: '3237d6agh3',
    });
    await client.registerResend('new@x.com');
    await client.insertFace(session, 'asdw_3nsd_sd31');
    expect(calls.map((c) => [c.route, c.raw])).toEqual([
      ['register/try/', '{"email":"new@x.com","password":"pw-1","nick_name":"Vaskka"}'],
      ['register/verify/', '{"email":"new@x.com","verify_code":"1234"}'],
      ['register/send/', '{"email":"new@x.com"}'],
      // the seed revision was detected before this call, by a probe
      ['trade/inquire', '{}'],
      [
        'register/face/insert',
        '{"email":"new@x.com","user_id":"user_js123","session_token":"3237d6agh3","face_token":"asdw_3nsd_sd31"}',
      ],
    ]);
    expect(client.revision()).toBe('seed');
  });

  it('verify with a wrong code: "NULL" fields and code 502 → invalid_input', async () => {
    const { client } = setup('seed', () => ({
      code: 502,
      msg: 'error verify code',
      user_id: 'NULL',
      session_token: 'NULL',
    }));
    await expect(client.registerVerify({ email: 'a@b.c', verifyCode: '1' })).rejects.toMatchObject({
      code: 'invalid_input',
      platformCode: '502',
      endpoint: 'register/verify/',
    });
  });

  it('success with "NULL" in a field that must be there is a bad_response', async () => {
    const { client } = setup('seed', () => ok({ user_id: 'NULL', session_token: 'NULL' }));
    await expect(client.login('a@b.c', 'pw')).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('login 0 and 201 (already logged in) give the same session; numeric user ids are kept', async () => {
    let n = 0;
    const { client, calls } = setup('deployed', (route) =>
      route === 'login'
        ? ok({ code: n++ === 0 ? 0 : 201, user_id: 1, session_token: 'tok' })
        : ok(),
    );
    await expect(client.login('alice@example.com', 'alice-pass-1')).resolves.toEqual({
      session: { email: 'alice@example.com', userId: 1, sessionToken: 'tok' },
      alreadyLoggedIn: false,
    });
    const again = await client.login('alice@example.com', 'alice-pass-1');
    expect(again.alreadyLoggedIn).toBe(true);
    // login is the same in both revisions: no probe needed
    expect(calls.map((c) => c.route)).toEqual(['login/', 'login/']);
    await client.logout(again.session);
    expect(calls[2]?.raw).toBe('{"email":"alice@example.com","user_id":1,"session_token":"tok"}');
  });

  it('the password never appears in an error', async () => {
    const { client } = setup('seed', () => ({
      code: 502,
      msg: 'password error',
      user_id: 'NULL',
      session_token: 'NULL',
    }));
    const e = (await client.login('a@b.c', 'hunter2-secret').catch((x: unknown) => x)) as Error;
    expect(e).toMatchObject({ code: 'invalid_input', platformCode: '502' });
    expect(JSON.stringify(e) + e.message).not.toContain('hunter2');
  });

  it('input is checked before anything is sent', async () => {
    const { client, calls } = setup('seed', () => ok());
    const attempts = [
      client.login('not-an-email', 'pw'),
      client.login('a@b.c', ''),
      client.registerVerify({ email: 'a@b.c', verifyCode: '12a4' }),
      client.registerTry({ email: 'a@b.c', password: 'p', nickName: '' }),
      client.transfer(alice, { valueFen: 0n, receiverUserId: 'u' }),
      client.transfer(alice, { valueFen: -5n, receiverUserId: 'u' }),
      client.charge(alice, 10n ** 15n),
      client.logout({ ...alice, sessionToken: '' }),
    ];
    for (const a of attempts) await expect(a).rejects.toMatchObject({ code: 'invalid_input' });
    expect(calls).toHaveLength(0);
  });
});

describe('revisions', () => {
  it('auto on a deployed server: the probe meets a 301, then transfer sends email + face_token', async () => {
    const { client, calls } = setup('deployed', deployedTransferServer);
    await expect(
      client.transfer(alice, { valueFen: 20_000n, receiverEmail: 'bob@example.com' }),
    ).resolves.toEqual({ balanceFen: 1_230_000n, orderId: 'order_9' });
    expect(calls.map((c) => c.route)).toEqual([
      'trade/inquire',
      'user/inquire/',
      'user/get/facetoken/',
      'trade/transfer/',
    ]);
    expect(calls[3]?.raw).toBe(
      '{"email":"alice@example.com","user_id":"u_alice","session_token":"sess_A","receiver_user_email":"bob@example.com","trade_value":"20000","face_token":"face_alice_0001"}',
    );
    expect(client.revision()).toBe('deployed');
  });

  it('deployed: an unknown receiver, a wrong face token or oneself is refused before any transfer is sent', async () => {
    // The deployed server debits the sender before it checks either (docs/providers/grandchain.md).
    const { client, calls } = setup('deployed', deployedTransferServer, 'deployed');
    await expect(
      client.transfer(alice, { valueFen: 1n, receiverEmail: 'ghost@example.com' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await expect(
      client.transfer(alice, { valueFen: 1n, receiverEmail: 'bob@example.com', faceToken: 'nope' }),
    ).rejects.toMatchObject({ code: 'permission' });
    await expect(
      client.transfer(alice, { valueFen: 1n, receiverEmail: 'Alice@Example.com' }),
    ).rejects.toMatchObject({ code: 'invalid_input' });
    expect(calls.map((c) => c.route)).not.toContain('trade/transfer/');
    await client.transfer(alice, {
      valueFen: 1n,
      receiverEmail: 'bob@example.com',
      faceToken: 'face_alice_0001',
    });
    expect(calls.filter((c) => c.route === 'trade/transfer/')).toHaveLength(1);
  });

  it('deployed receive: 504 "order not exist" is not_found, 504 "identity error" is a stale session', async () => {
    for (const [msg, code] of [
      ['order not exist', 'not_found'],
      ['identity error', 'auth_expired'],
      ['身份验证不通过(session_token有误)', 'auth_expired'],
    ] as const) {
      const { client } = setup('deployed', () => ({ code: 504, msg, balance: 'NULL' }), 'deployed');
      await expect(
        client.receive(alice, { orderId: 'order_1', faceToken: 'f' }),
        msg,
      ).rejects.toMatchObject({ code, platformCode: '504' });
    }
  });

  it('a 500 reply keeps the server’s message for the user, on one line', async () => {
    const { client } = setup(
      'deployed',
      () => ({ code: 500, msg: "KeyError('balance')\nat views.py", balance: 'NULL' }),
      'deployed',
    );
    await expect(client.charge(alice, 1n)).rejects.toMatchObject({
      code: 'platform',
      platformCode: '500',
      messages: { en: "Grand Chain server error: KeyError('balance') at views.py" },
    });
  });

  it('auto on a seed server: transfer resolves the receiver id through user/inquire', async () => {
    const { client, calls } = setup(
      'seed',
      (route) =>
        route === 'user/inquire'
          ? ok({ inquire_email: 'bob@example.com', result: 'u_bob' })
          : ok({ balance: '23333' }),
      // (no order_id: the seed's reply has none)
    );
    await expect(
      client.transfer(alice, { valueFen: 20_000n, receiverEmail: 'bob@example.com' }),
    ).resolves.toEqual({ balanceFen: 23_333n });
    expect(calls.map((c) => c.route)).toEqual(['trade/inquire', 'user/inquire/', 'trade/transfer']);
    expect(calls[2]?.raw).toBe(
      '{"email":"alice@example.com","user_id":"u_alice","session_token":"sess_A","receiver_user_id":"u_bob","trade_value":"20000"}',
    );
  });

  it('seed: an unknown receiver email is not_found without a transfer', async () => {
    const { client, calls } = setup(
      'seed',
      () => ok({ inquire_email: 'x@y.z', result: 'empty' }),
      'seed',
    );
    await expect(
      client.transfer(alice, { valueFen: 1n, receiverEmail: 'x@y.z' }),
    ).rejects.toMatchObject({
      code: 'not_found',
    });
    expect(calls.map((c) => c.route)).toEqual(['user/inquire/']);
  });

  it('deployed: a transfer by user id alone is refused before sending', async () => {
    const { client, calls } = setup('deployed', () => ok(), 'deployed');
    await expect(
      client.transfer(alice, { valueFen: 1n, receiverUserId: 'u_bob' }),
    ).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(calls).toHaveLength(0);
  });

  it('explicit seed against a deployed server: the 301 is reported, never followed', async () => {
    const { client, calls } = setup('deployed', () => ok({ record: [] }), 'seed');
    await expect(client.trades(alice)).rejects.toMatchObject({ code: 'platform', status: 301 });
    expect(calls.map((c) => c.route)).toEqual(['trade/inquire']);
  });

  it('auto, detected seed, then the server is upgraded: one resend to the slash route', async () => {
    let upgraded = false;
    const seed = fakeServer('seed', () => ok({ record: [] }));
    const deployed = fakeServer('deployed', () => ok({ record: [] }));
    const fetch: FetchLike = (url, init) =>
      upgraded ? deployed.fetch(url, init) : seed.fetch(url, init);
    const client = createGrandchainClient({ fetch, clock: new SkewClock(), baseUrl: BASE });
    await client.trades(alice);
    expect(client.revision()).toBe('seed');
    upgraded = true;
    await expect(client.trades(alice)).resolves.toEqual([]);
    expect(client.revision()).toBe('deployed');
    expect(deployed.calls.map((c) => c.route)).toEqual(['trade/inquire', 'trade/inquire/']);
  });

  it('a redirect anywhere else is not followed: bad_response', async () => {
    const fetch: FetchLike = async () =>
      new Response(null, { status: 301, headers: { location: 'http://evil.test/steal' } });
    const client = createGrandchainClient(
      { fetch, clock: new SkewClock(), baseUrl: BASE },
      { revision: 'seed' },
    );
    await expect(client.trades(alice)).rejects.toMatchObject({ code: 'bad_response' });
    const auto = createGrandchainClient({ fetch, clock: new SkewClock(), baseUrl: BASE });
    await expect(auto.detectRevision()).rejects.toMatchObject({ code: 'bad_response' });
  });

  it('an opaque redirect (what a browser shows) from a route without its slash means deployed', async () => {
    const calls: string[] = [];
    const fetch: FetchLike = async (url) => {
      calls.push(url);
      if (!url.endsWith('/')) {
        const r = new Response(null, { status: 200 });
        Object.defineProperty(r, 'type', { value: 'opaqueredirect' });
        Object.defineProperty(r, 'status', { value: 0 });
        return r;
      }
      return Response.json(ok({ record: [] }));
    };
    const client = createGrandchainClient({ fetch, clock: new SkewClock(), baseUrl: BASE });
    await expect(client.detectRevision()).resolves.toBe('deployed');
  });

  it('deployed-only endpoints on a seed server are refused before sending', async () => {
    const { client, calls } = setup('seed', () => ok(), 'seed');
    await expect(client.charge(alice, 100n)).rejects.toMatchObject({ code: 'platform' });
    await expect(client.unread(alice)).rejects.toMatchObject({ code: 'platform' });
    await expect(client.faceToken(alice)).rejects.toMatchObject({ code: 'platform' });
    expect(calls).toHaveLength(0);
  });
});

describe('money and records', () => {
  it('trades: both record shapes become one typed record', async () => {
    const seedRecords = [
      {
        time_stamp: '2018-10-15 23:07:40',
        send_user: { user_id: 'u_alice', email: 'alice@example.com', nick_name: 'Alice' },
        receve_user: { user_id: 'u_bob', email: 'bob@example.com', nick_name: 'Bob' },
        trade_value: '23333',
      },
      {
        time_stamp: '2018-10-15 23:12:35',
        send_user: { user_id: 'u_bob', email: 'bob@example.com', nick_name: 'Bob' },
        receve_user: { user_id: 'u_alice', email: 'ALICE@example.com', nick_name: 'Alice' },
        trade_value: 6666,
      },
    ];
    const s = setup('seed', () => ok({ record: seedRecords }), 'seed');
    expect(await s.client.trades(alice)).toEqual([
      {
        time: '2018-10-15 23:07:40',
        direction: 'out',
        valueFen: 23333n,
        sender: { userId: 'u_alice', email: 'alice@example.com', nickName: 'Alice' },
        receiver: { userId: 'u_bob', email: 'bob@example.com', nickName: 'Bob' },
      },
      {
        time: '2018-10-15 23:12:35',
        direction: 'in',
        valueFen: 6666n,
        sender: { userId: 'u_bob', email: 'bob@example.com', nickName: 'Bob' },
        receiver: { userId: 'u_alice', email: 'ALICE@example.com', nickName: 'Alice' },
      },
    ]);
    const d = setup(
      'deployed',
      () =>
        ok({
          record: [
            { time_stamp: '2018-11-04 09:49:00', type: 0, trade_value: '20000' },
            { time_stamp: '2018-11-04 09:50:00', type: 1, trade_value: '5' },
          ],
        }),
      'deployed',
    );
    expect(await d.client.trades(alice)).toEqual([
      { time: '2018-11-04 09:49:00', direction: 'out', valueFen: 20000n },
      { time: '2018-11-04 09:50:00', direction: 'in', valueFen: 5n },
    ]);
  });

  it('balance as number or string becomes BigInt fen; fractions, unsafe numbers and junk are refused', async () => {
    const good: [unknown, bigint][] = [
      [23333, 23333n],
      ['23333', 23333n],
      ['123456789012345678901234', 123456789012345678901234n],
      [0, 0n],
      // Read from the reply's text, a balance beyond 2^53 keeps every digit.
      [2 ** 53 + 2, 9_007_199_254_740_994n],
    ];
    for (const [balance, fen] of good) {
      const { client } = setup('deployed', () => ok({ balance }), 'deployed');
      await expect(client.charge(alice, 100n)).resolves.toBe(fen);
    }
    for (const balance of [12.5, '12.5', -1, '-1', '1e5', '', 'NULL', null, true]) {
      const { client } = setup('deployed', () => ok({ balance }), 'deployed');
      await expect(client.charge(alice, 100n), String(balance)).rejects.toMatchObject({
        code: 'bad_response',
        endpoint: 'user/charge/',
      });
    }
  });

  it('a balance is read from the reply text: what a double would round is refused, not rounded', async () => {
    // JSON.parse reads all of these as whole numbers of fen (1, 23333, 1000, 9007199254740992).
    for (const raw of ['1.0000000000000001', '23333.0', '1e3', '9007199254740993.5']) {
      const { client } = setup(
        'deployed',
        () => new Response(`{"code":0,"msg":"success","balance":${raw}}`),
        'deployed',
      );
      await expect(client.charge(alice, 100n), raw).rejects.toMatchObject({
        code: 'bad_response',
        endpoint: 'user/charge/',
      });
    }
    const { client } = setup(
      'deployed',
      () => new Response('{"code":0,"msg":"success","balance":9007199254740993}'),
      'deployed',
    );
    await expect(client.charge(alice, 100n)).resolves.toBe(9_007_199_254_740_993n);
  });

  it('charge sends trade_value as a digit string', async () => {
    const { client, calls } = setup('deployed', () => ok({ balance: 1 }), 'deployed');
    await client.charge(alice, 999_999_999_999_999n);
    expect(calls[0]?.raw).toContain('"trade_value":"999999999999999"');
  });

  it('receive on deployed fetches the face token when not given', async () => {
    const { client, calls } = setup(
      'deployed',
      (route) => (route === 'user/get/facetoken' ? ok({ face_token: 'ft' }) : ok({ balance: '5' })),
      'deployed',
    );
    await expect(client.receive(alice, { orderId: 'order_1' })).resolves.toBe(5n);
    expect(calls[1]?.body).toEqual({
      ...{ email: alice.email, user_id: 'u_alice', session_token: 'sess_A' },
      order_id: 'order_1',
      face_token: 'ft',
    });
  });

  it('unread lists incoming transfers', async () => {
    const { client } = setup(
      'deployed',
      () =>
        ok({
          unread: [
            {
              order_id: 'o1',
              sender_email: 'bob@example.com',
              sender_nick_name: 'Bob',
              trade_value: '500',
              create_time: '2018-11-04 10:00:00',
            },
            { order_id: 'o2', sender_email: 'empty', sender_nick_name: 'empty', trade_value: 1 },
          ],
        }),
      'deployed',
    );
    await expect(client.unread(alice)).resolves.toEqual([
      {
        orderId: 'o1',
        senderEmail: 'bob@example.com',
        senderNickName: 'Bob',
        valueFen: 500n,
        createTime: '2018-11-04 10:00:00',
      },
      { orderId: 'o2', valueFen: 1n },
    ]);
  });

  it('users and friends: "empty" reads as absent', async () => {
    const { client } = setup(
      'seed',
      (route) =>
        route === 'user/inquire'
          ? ok({ inquire_email: 'x@y.z', result: 'empty' })
          : ok({ add_user_id: 'u_bob', add_user_nick_name: 'empty' }),
      'seed',
    );
    await expect(client.inquireUser(alice, 'x@y.z')).resolves.toBeUndefined();
    await expect(client.addFriend(alice, 'u_bob')).resolves.toEqual({ userId: 'u_bob' });
    await expect(client.confirmFriend(alice, 'fri2sJ')).resolves.toEqual({ userId: 'u_bob' });
  });
});
