/**
 * The Grand Chain client against the sandbox's Grand Chain simulator over real HTTP on loopback,
 * in both API revisions (seed option `grandchainRevision`): registration, session, users and
 * friends, money, and the injected faults (sandbox/contract.ts CONTROL) as typed errors.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL, DEMO, PREFIX } from '../sandbox/contract';
import { startTestSandbox, type TestSandbox } from '../sandbox/test-support';
import { SkewClock } from '../src/core/http';
import {
  createGrandchainClient,
  type GrandchainClientOptions,
  type GrandchainRevision,
} from '../src/providers/grandchain';
import type { ProviderContext } from '../src/providers/types';

let sb: TestSandbox;
let base: string;
const [a, b] = DEMO.grandchain.users;

beforeAll(async () => {
  sb = await startTestSandbox();
  base = sb.origin + PREFIX.grandchain;
});
afterAll(async () => {
  await sb.close();
});
beforeEach(() => {
  sb.reset();
});

const control = (path: string, body?: unknown) => sb.controlOk(path, body);

interface SimState {
  grandchain: {
    outbox: { to: string; code: string }[];
    friendRequests: { id: string; from: number; to: number; confirmed: boolean }[];
    users: { email: string; balanceFen: string; user_id: string | number }[];
  };
}
const simState = async () => (await control(CONTROL.state)) as SimState;

function client(opts: GrandchainClientOptions = {}, extra: Partial<ProviderContext> = {}) {
  return createGrandchainClient({ fetch, clock: new SkewClock(), baseUrl: base, ...extra }, opts);
}

for (const revision of ['seed', 'deployed'] as GrandchainRevision[]) {
  describe(`${revision} revision, client on auto`, () => {
    beforeEach(async () => {
      await control(CONTROL.seed, { grandchainRevision: revision });
    });

    it('detects the revision', async () => {
      await expect(client().detectRevision()).resolves.toBe(revision);
    });

    it('login (201 the second time), users, friends, logout; a stale session is auth_expired', async () => {
      const c = client();
      const first = await c.login(a.email, a.password);
      expect(first.alreadyLoggedIn).toBe(false);
      const again = await c.login(a.email, a.password);
      expect(again).toEqual({ session: first.session, alreadyLoggedIn: true });
      const s = first.session;

      const bobId = await c.inquireUser(s, b.email);
      expect(bobId).toBeDefined();
      await expect(c.inquireUser(s, 'nobody@example.com')).resolves.toBeUndefined();

      await expect(c.addFriend(s, bobId!)).resolves.toEqual({
        userId: bobId,
        nickName: b.nickName,
      });
      const request = (await simState()).grandchain.friendRequests[0];
      const bobSession = (await c.login(b.email, b.password)).session;
      await expect(c.confirmFriend(bobSession, request!.id)).resolves.toEqual({
        userId: s.userId,
        nickName: a.nickName,
      });
      await expect(c.confirmFriend(bobSession, request!.id)).rejects.toMatchObject({
        code: 'not_found',
        platformCode: '501',
      });

      await c.logout(s);
      await expect(c.trades(s)).rejects.toMatchObject({
        code: 'auth_expired',
        platformCode: '504',
      });
      await expect(c.logout({ ...s, email: b.email })).rejects.toMatchObject({
        code: 'auth_expired',
      });
    });

    it('a transfer from alice to bob, received by bob, in both histories; balances in BigInt fen', async () => {
      const c = client();
      const sa = (await c.login(a.email, a.password)).session;
      const sent = await c.transfer(sa, { valueFen: 20_000n, receiverEmail: b.email });
      expect(sent.balanceFen).toBe(BigInt(a.balanceFen) - 20_000n);
      const sb2 = (await c.login(b.email, b.password)).session;
      let orderId = sent.orderId;
      if (revision === 'deployed') {
        const unread = await c.unread(sb2);
        expect(unread).toEqual([
          expect.objectContaining({
            orderId: sent.orderId,
            senderEmail: a.email,
            valueFen: 20_000n,
          }),
        ]);
        orderId = unread[0]!.orderId;
      }
      expect(orderId).toBeDefined();
      const received = await c.receive(sb2, {
        orderId: orderId!,
        ...(revision === 'seed' ? { faceToken: b.faceToken } : {}),
      });
      expect(received).toBe(BigInt(b.balanceFen) + 20_000n);
      await expect(
        c.receive(sb2, { orderId: orderId!, faceToken: b.faceToken }),
      ).rejects.toMatchObject({
        code: 'not_found',
      });

      const [outgoing] = await c.trades(sa);
      const [incoming] = await c.trades(sb2);
      expect(outgoing).toMatchObject({ direction: 'out', valueFen: 20_000n });
      expect(incoming).toMatchObject({ direction: 'in', valueFen: 20_000n });
      expect(outgoing!.time).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
      const state = await simState();
      expect(state.grandchain.users.find((u) => u.email === b.email)?.balanceFen).toBe(
        String(received),
      );
    });

    it('insufficient funds, unknown receiver, wrong password, unknown user', async () => {
      const c = client();
      const sa = (await c.login(a.email, a.password)).session;
      await expect(
        c.transfer(sa, { valueFen: BigInt(a.balanceFen) + 1n, receiverEmail: b.email }),
      ).rejects.toMatchObject({ code: 'insufficient_funds', platformCode: '502' });
      await expect(c.login(a.email, 'wrong-password')).rejects.toMatchObject({
        code: 'invalid_input',
        platformCode: '502',
      });
      await expect(c.login('ghost@example.com', 'x')).rejects.toMatchObject({
        code: 'not_found',
        platformCode: '501',
      });
      if (revision === 'deployed') {
        // Refused before anything is sent: the deployed server would debit alice first.
        await expect(
          c.transfer(sa, { valueFen: 1n, receiverEmail: 'ghost@example.com' }),
        ).rejects.toMatchObject({ code: 'not_found' });
        await expect(
          c.transfer(sa, { valueFen: 1n, receiverEmail: b.email, faceToken: 'not_alices_face' }),
        ).rejects.toMatchObject({ code: 'permission' });
        const alice = (await simState()).grandchain.users.find((u) => u.email === a.email);
        expect(alice?.balanceFen).toBe(String(a.balanceFen));
      } else {
        await expect(
          c.transfer(sa, { valueFen: 1n, receiverEmail: 'ghost@example.com' }),
        ).rejects.toMatchObject({ code: 'not_found' });
      }
    });

    if (revision === 'deployed') {
      it('the server debits the sender before it finds the receiver unknown; CoinDock never lets it', async () => {
        const c = client();
        const sa = (await c.login(a.email, a.password)).session;
        const balance = async () =>
          (await simState()).grandchain.users.find((u) => u.email === a.email)?.balanceFen;
        // Straight to the server, as the deployed one behaves: 501, and 100 fen gone.
        const raw = await fetch(`${base}trade/transfer/`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({
            email: sa.email,
            user_id: sa.userId,
            session_token: sa.sessionToken,
            receiver_user_email: 'ghost@example.com',
            trade_value: '100',
            face_token: a.faceToken,
          }),
        });
        expect(await raw.json()).toMatchObject({ code: 501 });
        expect(await balance()).toBe(String(BigInt(a.balanceFen) - 100n));
        // Through the client: refused before the transfer is sent, nothing more is taken.
        await expect(
          c.transfer(sa, { valueFen: 100n, receiverEmail: 'ghost@example.com' }),
        ).rejects.toMatchObject({ code: 'not_found' });
        expect(await balance()).toBe(String(BigInt(a.balanceFen) - 100n));
      });

      it('receiving a missing order is not_found although the server answers 504', async () => {
        const c = client();
        const sb2 = (await c.login(b.email, b.password)).session;
        await expect(
          c.receive(sb2, { orderId: 'order_missing', faceToken: b.faceToken }),
        ).rejects.toMatchObject({ code: 'not_found', platformCode: '504' });
      });
    }

    it('registration: try → emailed code → verify (logged in) → resend → face insert', async () => {
      const c = client();
      const email = 'carol@example.com';
      await c.registerTry({ email, password: 'carol-pass-3', nickName: 'Carol' });
      await expect(
        c.registerTry({ email, password: 'x', nickName: 'Carol' }),
      ).rejects.toMatchObject({
        code: 'duplicate',
        platformCode: '501',
      });
      await c.registerResend(email);
      const codes = (await simState()).grandchain.outbox.filter((m) => m.to === email);
      expect(codes).toHaveLength(2);
      const wrong = codes[1]!.code === '000000' ? '111111' : '000000';
      await expect(c.registerVerify({ email, verifyCode: wrong })).rejects.toMatchObject({
        code: 'invalid_input',
        platformCode: '502',
      });
      const session = await c.registerVerify({ email, verifyCode: codes[1]!.code });
      expect(session.email).toBe(email);
      await c.insertFace(session, 'face_carol_0003');
      await expect(c.insertFace(session, 'face_other')).rejects.toMatchObject({
        code: 'duplicate',
        platformCode: '502',
      });
      await expect(
        c.registerVerify({ email: 'nobody@example.com', verifyCode: '1234' }),
      ).rejects.toMatchObject({
        code: 'not_found',
        platformCode: '501',
      });
      const again = await c.login(email, 'carol-pass-3');
      expect(again).toEqual({ session, alreadyLoggedIn: true });
    });

    it('get facetoken: the user’s own on deployed; not offered by the seed revision', async () => {
      const c = client();
      const sa = (await c.login(a.email, a.password)).session;
      if (revision === 'deployed') await expect(c.faceToken(sa)).resolves.toBe(a.faceToken);
      else await expect(c.faceToken(sa)).rejects.toMatchObject({ code: 'platform' });
    });

    it('charge tops up the balance on deployed; not offered by the seed revision', async () => {
      const c = client();
      const sa = (await c.login(a.email, a.password)).session;
      if (revision === 'deployed') {
        await expect(c.charge(sa, 5000n)).resolves.toBe(BigInt(a.balanceFen) + 5000n);
      } else {
        await expect(c.charge(sa, 5000n)).rejects.toMatchObject({ code: 'platform' });
      }
    });

    it('a verification mail that cannot be sent is a platform error', async () => {
      await control(CONTROL.seed, { grandchainMailFail: true });
      await expect(
        client().registerTry({ email: 'dan@example.com', password: 'p', nickName: 'Dan' }),
      ).rejects.toMatchObject({ code: 'platform', platformCode: '502' });
    });

    it('balances sent as numbers, strings or both all read as BigInt fen', async () => {
      for (const as of ['number', 'string', 'alternate']) {
        sb.reset();
        await control(CONTROL.seed, { grandchainRevision: revision, grandchainBalanceAs: as });
        const c = client();
        const sa = (await c.login(a.email, a.password)).session;
        const r1 = await c.transfer(sa, { valueFen: 1n, receiverEmail: b.email });
        const r2 = await c.transfer(sa, { valueFen: 2n, receiverEmail: b.email });
        expect([r1.balanceFen, r2.balanceFen], as).toEqual([
          BigInt(a.balanceFen) - 1n,
          BigInt(a.balanceFen) - 3n,
        ]);
      }
    });
  });
}

describe('revision mismatches', () => {
  it('explicit seed against a deployed server: the 301 is reported, not followed', async () => {
    await control(CONTROL.seed, { grandchainRevision: 'deployed' });
    const c = client({ revision: 'seed' });
    const s = (await c.login(a.email, a.password)).session;
    await expect(c.trades(s)).rejects.toMatchObject({ code: 'platform', status: 301 });
    const stats = (await control(CONTROL.stats)) as {
      requests: Record<string, Record<string, number>>;
    };
    expect(stats.requests.grandchain?.['trade/inquire/']).toBeUndefined();
  });

  it('explicit deployed against a seed server: a missing route is a platform error', async () => {
    await control(CONTROL.seed, { grandchainRevision: 'seed' });
    const c = client({ revision: 'deployed' });
    const s = (await c.login(a.email, a.password)).session;
    await expect(c.trades(s)).rejects.toMatchObject({ code: 'platform', status: 404 });
  });

  it('auto keeps working when the server is upgraded under it', async () => {
    await control(CONTROL.seed, { grandchainRevision: 'seed' });
    const c = client();
    const s = (await c.login(a.email, a.password)).session;
    await c.trades(s);
    expect(c.revision()).toBe('seed');
    await control(CONTROL.seed, { grandchainRevision: 'deployed' });
    // The sandbox keeps users across the switch, but ids change form; sign in again.
    const s2 = (await c.login(a.email, a.password)).session;
    await expect(c.trades(s2)).resolves.toEqual([]);
    expect(c.revision()).toBe('deployed');
  });
});

describe('injected faults', () => {
  const transport: [string, Record<string, unknown>, string, Partial<ProviderContext>?][] = [
    ['HTTP 500', { kind: 'status', status: 500 }, 'platform'],
    ['HTML 502', { kind: 'html', status: 502 }, 'platform'],
    ['HTML 200', { kind: 'html', status: 200 }, 'bad_response'],
    ['malformed', { kind: 'malformed' }, 'bad_response'],
    ['truncated', { kind: 'truncate' }, 'bad_response'],
    ['huge', { kind: 'huge', bytes: 2 * 1024 * 1024 }, 'bad_response', { maxBytes: 256 * 1024 }],
    ['429', { kind: 'rate_limit', retryAfterSeconds: 3 }, 'rate_limited'],
    ['hang', { kind: 'hang' }, 'timeout', { timeoutMs: 300 }],
  ];
  for (const [name, spec, kind, extra] of transport) {
    it(`${name} → ${kind}`, async () => {
      await control(CONTROL.faults, {
        platform: 'grandchain',
        endpoint: 'login/',
        times: 1,
        ...spec,
      });
      await expect(client({}, extra).login(a.email, a.password)).rejects.toMatchObject({
        code: kind,
        platform: 'grandchain',
        endpoint: 'login/',
      });
      // The fault was used up: the next call goes through.
      await expect(client().login(a.email, a.password)).resolves.toBeDefined();
    });
  }
});
