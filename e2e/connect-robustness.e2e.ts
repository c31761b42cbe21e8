/**
 * Connection flows under attack and interruption: forged, replayed and mismatched state; a
 * redirect on another origin; the worker stopped at each step; faults on the token endpoints;
 * refresh single-flight under 50 concurrent calls.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { readForm } from '../sandbox/test-support';
import { CONTROL, DEMO, MERCHANT_PATHS } from '../sandbox/contract';

let h: Harness;
let returnUrl: string;

beforeAll(async () => {
  h = await launch();
  returnUrl = h.sandbox.origin + MERCHANT_PATHS.fomoReturn;
  await h.send('vault/create', { passphrase: 'correct horse battery staple' });
  await h.send('credentials/save', {
    platform: 'fomo',
    values: {
      clientId: DEMO.fomo.clientId,
      clientSecret: DEMO.fomo.clientSecret,
      redirectUri: returnUrl,
      serverUri: h.sandbox.origin + MERCHANT_PATHS.fomoCallback,
    },
  });
});
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await h.control(CONTROL.faults, undefined, 'DELETE');
  await h.send('accounts/disconnect', { platform: 'fomo' });
});

const tokenRequests = async () =>
  ((await h.control(CONTROL.stats)) as { requests: { fomo?: Record<string, number> } }).requests
    .fomo?.['oauth2/authorize/token'] ?? 0;
const refreshRequests = async () =>
  ((await h.control(CONTROL.stats)) as { requests: { fomo?: Record<string, number> } }).requests
    .fomo?.['oauth2/RefreshToken'] ?? 0;
const list = () => h.send('accounts/list', {});
const fomoFlow = async () => (await list()).flows.find((f) => f.platform === 'fomo');
const fomoAccount = async () => (await list()).accounts.fomo;
const sessionFlows = async () =>
  (await h.storage('session')).flows as Record<string, { step: string; tabId?: number }>;

/** Start a FOMO connection; resolves with the consent tab. */
async function start(): Promise<Page> {
  const opened = h.context.waitForEvent('page');
  await h.send('accounts/connect', { platform: 'fomo' });
  const tab = await opened;
  await tab.waitForLoadState();
  return tab;
}

/** The consent page's one-time code, fetched the way the page's form would, without the browser. */
async function codeFor(state: string): Promise<string> {
  const u = new URL(`${h.sandbox.origin}/fomo/oauth2/authorize`);
  u.search = new URLSearchParams({
    response_type: 'code',
    client_id: DEMO.fomo.clientId,
    redirect_uri: returnUrl,
    state,
    scope: 'userinfo paytoken',
  }).toString();
  const { action, fields } = readForm(await h.sandbox.get(u.toString()).then((r) => r.text()));
  const res = await h.sandbox.post(new URL(action, u).toString(), { ...fields, decision: 'allow' });
  return new URL(res.headers.get('location') ?? '').searchParams.get('code') ?? '';
}

describe('state and redirect checks', () => {
  it('a mismatched state in the flow’s own tab is rejected: no exchange, no account, a clear message', async () => {
    const before = await tokenRequests();
    const tab = await start();
    // The worker closes the tab as soon as it rejects the return, perhaps before it has loaded.
    await tab.goto(`${returnUrl}?code=forged-code&state=NotTheFlowState123`).catch(() => undefined);
    await expect.poll(fomoFlow, { timeout: 10_000 }).toMatchObject({ step: 'failed' });
    expect((await fomoFlow())?.error?.en).toMatch(/state mismatch/);
    expect(await fomoAccount()).toBeUndefined();
    expect(await tokenRequests()).toBe(before);
  });

  it('a forged return in another tab, and a redirect to another origin, are ignored; the real one completes', async () => {
    const tab = await start();
    const flowId = Object.keys(await sessionFlows())[0]!;
    // Another tab carrying the flow's own state (an attacker who learned it) is not the flow's tab.
    const other = await h.context.newPage();
    await other.goto(`${returnUrl}?code=forged&state=${flowId}`);
    // The flow's tab reaching a look-alike page on another origin (localhost vs 127.0.0.1).
    const elsewhere = returnUrl.replace('127.0.0.1', 'localhost');
    await tab.goto(`${elsewhere}?code=forged&state=${flowId}`);
    await new Promise((r) => setTimeout(r, 800));
    expect(await fomoFlow()).toMatchObject({ step: 'opened' });
    expect(await fomoAccount()).toBeUndefined();
    await other.close();

    const before = await tokenRequests();
    await tab.goBack();
    await tab.getByRole('button', { name: 'Authorize' }).click();
    await expect.poll(fomoAccount, { timeout: 10_000 }).toMatchObject({ state: 'connected' });
    expect(await tokenRequests()).toBe(before + 1);
  });

  it('a replayed return after completion changes nothing and exchanges nothing', async () => {
    const tab = await start();
    const flowId = Object.keys(await sessionFlows())[0]!;
    const code = await codeFor(flowId);
    const url = `${returnUrl}?code=${code}&state=${flowId}`;
    // The worker closes the tab once it has the redirect, perhaps before the page has loaded.
    await tab.goto(url).catch(() => undefined);
    await expect.poll(fomoAccount, { timeout: 10_000 }).toMatchObject({ state: 'connected' });
    const connected = await fomoAccount();
    const before = await tokenRequests();
    const replay = await h.context.newPage();
    await replay.goto(url);
    await replay.reload();
    await new Promise((r) => setTimeout(r, 800));
    expect(await tokenRequests()).toBe(before);
    expect(await fomoAccount()).toEqual(connected);
    expect(await fomoFlow()).toBeUndefined();
    await replay.close();
  });
});

describe('the worker stopped mid-flow', () => {
  it('after the tab opened: the consent click wakes a new worker that finishes the flow', async () => {
    const tab = await start();
    await h.stopWorker();
    await tab.getByRole('button', { name: 'Authorize' }).click();
    await expect.poll(fomoAccount, { timeout: 15_000 }).toMatchObject({ state: 'connected' });
    await expect.poll(() => tab.isClosed()).toBe(true);
  });

  it('during the code exchange: the code is not exchanged twice; the flow ends in words and a retry works', async () => {
    await h.control(CONTROL.faults, {
      platform: 'fomo',
      endpoint: 'oauth2/authorize/token',
      kind: 'latency',
      ms: 4000,
      times: 1,
    });
    const before = await tokenRequests();
    const tab = await start();
    await tab.getByRole('button', { name: 'Authorize' }).click();
    await expect
      .poll(async () => Object.values(await sessionFlows())[0]?.step, { timeout: 10_000 })
      .toBe('exchanging');
    // The step is stored before the request leaves: stop the worker only once the sandbox has
    // the exchange (it counts a request on arrival; its answer is held back 4 s), so the worker
    // really is stopped in the middle of it.
    await expect.poll(tokenRequests, { timeout: 10_000 }).toBe(before + 1);
    await h.stopWorker();
    await expect.poll(fomoFlow, { timeout: 15_000 }).toMatchObject({ step: 'failed' });
    expect((await fomoFlow())?.error?.en).toMatch(/interrupted/);
    // Once the delayed answer is due: exactly one exchange was ever sent for this code, the
    // interrupted one (the restarted worker did not send it again).
    await new Promise((r) => setTimeout(r, 4500));
    expect(await tokenRequests()).toBe(before + 1);

    const retry = await start();
    await retry.getByRole('button', { name: 'Authorize' }).click();
    await expect.poll(fomoAccount, { timeout: 15_000 }).toMatchObject({ state: 'connected' });
  });
});

describe('faults on the token endpoints', () => {
  for (const fault of [
    { kind: 'status', status: 503, expect: /answer|platform/i },
    { kind: 'malformed', expect: /not valid JSON|cannot read/i },
    { kind: 'html', expect: /web page|HTTP 5\d\d/i },
    { kind: 'hang', expect: /did not answer in time/i },
  ] as const) {
    it(`token endpoint ${fault.kind}: the flow ends in words, nothing is stored, a retry works`, async () => {
      const { expect: pattern, ...spec } = fault;
      await h.control(CONTROL.faults, {
        platform: 'fomo',
        endpoint: 'oauth2/authorize/token',
        times: 1,
        ...spec,
      });
      const tab = await start();
      await tab.getByRole('button', { name: 'Authorize' }).click();
      await expect.poll(fomoFlow, { timeout: 30_000 }).toMatchObject({ step: 'failed' });
      expect((await fomoFlow())?.error?.en).toMatch(pattern);
      expect(await fomoAccount()).toBeUndefined();
      const retry = await start();
      await retry.getByRole('button', { name: 'Authorize' }).click();
      await expect.poll(fomoAccount, { timeout: 15_000 }).toMatchObject({ state: 'connected' });
    });
  }
});

describe('clock skew', () => {
  it('FOMO an hour ahead of us: the connection still completes (its token calls carry no timestamp)', async () => {
    await h.control(CONTROL.faults, {
      platform: 'fomo',
      endpoint: '*',
      kind: 'skew',
      ms: 3_600_000,
    });
    const tab = await start();
    await tab.getByRole('button', { name: 'Authorize' }).click();
    await expect.poll(fomoAccount, { timeout: 15_000 }).toMatchObject({ state: 'connected' });
  });
});

describe('token refresh', () => {
  async function connectWithShortTokens(seconds: number) {
    await h.control(CONTROL.seed, { fomoTokenTtlSeconds: seconds });
    const tab = await start();
    await tab.getByRole('button', { name: 'Authorize' }).click();
    await expect.poll(fomoAccount, { timeout: 15_000 }).toMatchObject({ state: 'connected' });
    await h.control(CONTROL.seed, { fomoTokenTtlSeconds: 7200 });
  }

  it('50 concurrent calls on an expired token cause exactly one refresh request', async () => {
    await connectWithShortTokens(1);
    await new Promise((r) => setTimeout(r, 1500));
    const before = await refreshRequests();
    const page = await h.openOptions();
    const results = await page.evaluate(async () => {
      const calls = Array.from({ length: 50 }, () =>
        chrome.runtime.sendMessage({
          __coindock: 1,
          name: 'accounts/profile',
          payload: { platform: 'fomo' },
        }),
      );
      return (await Promise.all(calls)) as { ok: boolean }[];
    });
    expect(results.filter((r) => r.ok)).toHaveLength(50);
    expect(await refreshRequests()).toBe(before + 1);
    await page.close();
  });

  it('a refresh the platform refuses marks the account “needs reconnecting” without losing it', async () => {
    await connectWithShortTokens(1);
    await new Promise((r) => setTimeout(r, 1500));
    await h.control(CONTROL.faults, {
      platform: 'fomo',
      endpoint: 'oauth2/RefreshToken',
      kind: 'status',
      status: 401,
      times: 1,
      body: { status: 3, msg: 'session错误或用户不存在' },
    });
    await expect(h.send('accounts/profile', { platform: 'fomo' })).rejects.toThrow(/auth_expired/);
    expect(await fomoAccount()).toMatchObject({
      state: 'needs_reconnect',
      label: DEMO.fomo.user.nickname,
    });
    const popup = await h.openPopup();
    const card = popup.locator('li[data-platform="fomo"]');
    await expect
      .poll(() => card.getByTestId('account-status').textContent())
      .toMatch(/^Needs reconnecting/);
    expect(await card.getByRole('button', { name: 'Reconnect' }).count()).toBe(1);
    await popup.close();
  });

  it('a refresh that times out keeps the account and its tokens, and the next call succeeds', async () => {
    await connectWithShortTokens(1);
    await new Promise((r) => setTimeout(r, 1500));
    await h.control(CONTROL.faults, {
      platform: 'fomo',
      endpoint: 'oauth2/RefreshToken',
      kind: 'hang',
      times: 1,
    });
    await expect(h.send('accounts/profile', { platform: 'fomo' })).rejects.toThrow(/timeout/);
    expect(await fomoAccount()).toMatchObject({ state: 'error' });
    expect((await h.send('vault/status', {})).secretNames).toContain('token.fomo');
    await expect(h.send('accounts/profile', { platform: 'fomo' })).resolves.toMatchObject({
      state: 'connected',
    });
  });
});
