/**
 * Grand Chain through the real sandbox server: the deployed revision's 301 as a client sees it
 * (fetch with redirect: 'manual'), the emailed code read from /__control/state, and the seed
 * revision switched on through /__control/seed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CONTROL, DEMO, PREFIX } from '../contract';
import { startTestSandbox, type TestSandbox } from '../test-support';

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

async function post(route: string, body: unknown) {
  const res = await fetch(`${sb.origin}${PREFIX.grandchain}${route}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    res,
    json: res.status === 200 ? ((await res.json()) as Record<string, unknown>) : undefined,
  };
}

describe('Grand Chain over HTTP', () => {
  it('answers 301 with the slashed Location and never acts on the unslashed POST', async () => {
    const alice = DEMO.grandchain.users[0];
    const r = await post('login', { email: alice.email, password: alice.password });
    expect(r.res.status).toBe(301);
    expect(new URL(r.res.headers.get('location') ?? '', sb.origin).pathname).toBe(
      `${PREFIX.grandchain}login/`,
    );
    const ok = await post('login/', { email: alice.email, password: alice.password });
    expect(ok.json).toMatchObject({ code: 0, user_id: alice.userId });
  });

  it('registers with the code from the outbox in /__control/state', async () => {
    expect(
      (await post('register/try/', { email: 'eve@example.com', password: 'pw', nick_name: 'Eve' }))
        .json?.code,
    ).toBe(0);
    const state = (await sb.control(CONTROL.state)).json as {
      grandchain: { outbox: { to: string; code: string }[] };
    };
    const mail = state.grandchain.outbox.find((m) => m.to === 'eve@example.com');
    const verified = await post('register/verify/', {
      email: 'eve@example.com',
      verify_code: mail?.code,
    });
    expect(verified.json).toMatchObject({ code: 0, user_id: DEMO.grandchain.users.length + 1 });
  });

  it('switches to the seed revision through /__control/seed', async () => {
    expect((await sb.control(CONTROL.seed, { grandchainRevision: 'seed' })).status).toBe(200);
    const bob = DEMO.grandchain.users[1];
    expect((await post('login', { email: bob.email, password: bob.password })).res.status).toBe(
      404,
    );
    expect((await post('login/', { email: bob.email, password: bob.password })).json).toMatchObject(
      { code: 0, user_id: `user_${bob.userId}` },
    );
    expect((await sb.control(CONTROL.seed, { grandchainRevision: 'v3' })).status).toBe(400);
  });
});
