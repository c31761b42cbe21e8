import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, memoryArea } from '../../core/store';
import { KEYS } from '../../core/storage-keys';
import { FLOW_TTL_MS } from '../../core/accounts';
import { defaultSettings, mergeSettings } from '../../core/settings';
import { codeChallengeS256 } from '../../core/pkce';
import { hasCode } from '../../core/errors';
import { SkewClock } from '../../core/http';
import { createAccountStore } from './account-store';
import { FLOW_DEADLINE_ALARM, createFlowService, isRedirectTo } from './flows';
import type { TokenService } from './tokens';

const REDIRECT = 'https://shop.example/oauth/fomo';
const tabs = { created: [] as string[], removed: [] as number[] };
/** The alarms as Chrome would hold them: name → when. */
const alarms = new Map<string, number>();

beforeEach(() => {
  tabs.created = [];
  tabs.removed = [];
  alarms.clear();
  vi.stubGlobal('chrome', {
    runtime: { id: 'abcdefghijklmnopabcdefghijklmnop' },
    alarms: {
      create: (name: string, { when }: { when: number }) => (
        alarms.set(name, when),
        Promise.resolve()
      ),
      clear: (name: string) => Promise.resolve(alarms.delete(name)),
    },
    tabs: {
      create: ({ url }: { url: string }) => (tabs.created.push(url), Promise.resolve({ id: 7 })),
      remove: (id: number) => (tabs.removed.push(id), Promise.resolve()),
      get: () => Promise.resolve(undefined),
    },
  });
});
afterEach(() => vi.unstubAllGlobals());

async function setup() {
  const store = createStore({ local: memoryArea(), session: memoryArea() });
  await store.set(KEYS.settings, defaultSettings());
  let now = 10_000_000;
  const fetch = vi.fn(() => Promise.reject(new Error('no network in this test')));
  const flows = createFlowService({
    store,
    accounts: createAccountStore(store),
    tokens: {} as TokenService,
    context: async () => ({ baseUrl: 'https://fomo.example/', fetch, clock: new SkewClock() }),
    credentials: async () => ({
      clientId: 'app',
      clientSecret: 's',
      redirectUri: REDIRECT,
      serverUri: 'https://shop.example/notify',
    }),
    now: () => now,
  });
  return { store, flows, fetch, advance: (ms: number) => (now += ms) };
}

describe('connection flows', () => {
  it('open a tab on the authorize page with a fresh state bound to the flow', async () => {
    const { flows } = await setup();
    const flow = await flows.start('fomo');
    const url = new URL(tabs.created[0]!);
    expect(url.searchParams.get('state')).toBe(flow.id);
    expect(url.searchParams.get('redirect_uri')).toBe(REDIRECT);
    expect((await flows.list())[0]).toMatchObject({ step: 'opened', tabId: 7 });
    const second = await flows.start('fomo');
    expect(second.id).not.toBe(flow.id);
    // Only the newest flow of a platform is kept: the older state is no longer accepted.
    expect((await flows.list()).map((f) => f.id)).toEqual([second.id]);
  });

  it('abandoned flows expire in words, and a late redirect is not exchanged', async () => {
    const { flows, fetch, advance } = await setup();
    const flow = await flows.start('fomo');
    advance(FLOW_TTL_MS + 1);
    await flows.onTabUrl(7, `${REDIRECT}?code=late&state=${flow.id}`);
    const [ended] = await flows.list();
    expect(ended).toMatchObject({ step: 'failed', error: { code: 'timeout' } });
    expect(fetch).not.toHaveBeenCalled();
    // The message stays a while for the popup, then resume drops the record.
    advance(FLOW_TTL_MS);
    await flows.resume();
    expect(await flows.list()).toEqual([]);
  });

  it('keep the deadline alarm at the deadline of the flow in progress, and none after it', async () => {
    const { flows, advance } = await setup();
    const fomo = await flows.start('fomo');
    await flows.armDeadline();
    expect(alarms.get(FLOW_DEADLINE_ALARM)).toBe(fomo.expiresAt);
    // The alarm's run lists the flows, which ends the overdue one in words.
    advance(FLOW_TTL_MS);
    const [ended] = await flows.list();
    expect(ended).toMatchObject({ step: 'failed', error: { code: 'timeout' } });
    expect(tabs.removed).toEqual([7]);
    await flows.armDeadline();
    expect(alarms.has(FLOW_DEADLINE_ALARM)).toBe(false);
  });

  it('cancelling a flow in progress closes its tab', async () => {
    const { flows } = await setup();
    const flow = await flows.start('fomo');
    await flows.dismiss(flow.id);
    expect(tabs.removed).toEqual([7]);
    expect(await flows.list()).toEqual([]);
    // Its tab closing afterwards finds nothing to fail.
    await flows.onTabClosed(7);
    expect(await flows.list()).toEqual([]);
  });

  it('match the redirect by origin and path only', () => {
    expect(isRedirectTo(`${REDIRECT}?code=1`, REDIRECT)).toBe(true);
    expect(isRedirectTo('https://shop.example/oauth/fomo/x?code=1', REDIRECT)).toBe(false);
    expect(isRedirectTo('http://shop.example/oauth/fomo?code=1', REDIRECT)).toBe(false);
    expect(isRedirectTo('https://shop.example.evil.test/oauth/fomo', REDIRECT)).toBe(false);
    expect(isRedirectTo('https://shop.example:8443/oauth/fomo?code=1', REDIRECT)).toBe(false);
    expect(isRedirectTo('https://shop.example/oauth/fomo/?code=1', REDIRECT)).toBe(false);
    expect(isRedirectTo('not a url', REDIRECT)).toBe(false);
  });
});

/** A worker whose platforms answer for real: FOMO's token and user info, BiYong refused. */
async function connectable(environment: 'sandbox' | 'production') {
  const store = createStore({ local: memoryArea(), session: memoryArea() });
  await store.set(
    KEYS.settings,
    mergeSettings(defaultSettings(), {
      platforms: { fomo: { environment }, biyong: { environment, returnUrls: [BIYONG_RETURN] } },
    }),
  );
  const sent: { url: string; body: string }[] = [];
  const fetch = vi.fn((url: string, init?: RequestInit) => {
    sent.push({ url, body: typeof init?.body === 'string' ? init.body : '' });
    const body = url.includes('token')
      ? { access_token: 'AT', refresh_token: 'RT', expires_in: 600, scope: 'userinfo paytoken' }
      : { user_id: '10001', nickname: 'Alice' };
    return Promise.resolve(new Response(JSON.stringify(body)));
  });
  const service = () =>
    createFlowService({
      store,
      accounts: createAccountStore(store),
      tokens: { save: async () => undefined } as unknown as TokenService,
      context: async () => ({ baseUrl: 'https://fomo.example/', fetch, clock: new SkewClock() }),
      credentials: async () => ({
        clientId: 'app',
        clientSecret: 's',
        redirectUri: REDIRECT,
        serverUri: 'https://shop.example/notify',
        appId: 'biy',
        // Never read: no test here gets as far as a signed BiYong call.
        merchantPrivateKey: 'merchant-key',
        platformPublicKey: 'platform-key',
        userToken: 'user-token',
      }),
    });
  return { store, sent, fetch, service };
}
const BIYONG_RETURN = 'https://shop.example/biyong/return';

describe('OAuth per RFC 9700', () => {
  it('PKCE where the environment takes it: the challenge leaves, the verifier waits in the session, and a restarted worker finishes with it', async () => {
    const env = await connectable('sandbox');
    const flow = await env.service().start('fomo');
    const page = new URL(tabs.created[0]!);
    const [stored] = Object.values(await env.store.get(KEYS.flows));
    expect(stored?.codeVerifier).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(page.searchParams.get('code_challenge_method')).toBe('S256');
    expect(page.searchParams.get('code_challenge')).toBe(
      await codeChallengeS256(stored!.codeVerifier!),
    );
    expect(page.toString()).not.toContain(stored!.codeVerifier!);

    // The redirect is captured, then the worker stops before the exchange; a new one finishes.
    await env.store.update(KEYS.flows, (all) => ({
      ...all,
      [flow.id]: {
        ...all[flow.id]!,
        step: 'captured' as const,
        capturedUrl: `${REDIRECT}?code=C&state=${flow.id}`,
      },
    }));
    await env.service().resume();
    const token = new URLSearchParams(env.sent.find((r) => r.url.includes('token'))!.body);
    expect(token.get('code_verifier')).toBe(stored!.codeVerifier);
    expect(token.get('redirect_uri')).toBe(REDIRECT);
    expect(await env.store.get(KEYS.flows)).toEqual({});
  });

  it('no PKCE where the platform’s document does not offer it (production)', async () => {
    const env = await connectable('production');
    await env.service().start('fomo');
    expect(new URL(tabs.created[0]!).searchParams.has('code_challenge')).toBe(false);
    const [stored] = Object.values(await env.store.get(KEYS.flows));
    expect(stored?.codeVerifier).toBeUndefined();
  });

  it('BiYong: the return URL carries our state; a biytoken without it uploads nothing', async () => {
    const env = await connectable('sandbox');
    const flow = await env.service().start('biyong');
    const consent = new URL(tabs.created[0]!);
    const back = new URL(consent.searchParams.get('url')!);
    expect(back.origin + back.pathname).toBe(BIYONG_RETURN);
    expect(back.searchParams.get('state')).toBe(flow.id);

    await env.service().onTabUrl(7, `${BIYONG_RETURN}?biytoken=someone-elses`);
    const [ended] = Object.values(await env.store.get(KEYS.flows));
    expect(ended).toMatchObject({ step: 'failed', error: { code: 'forbidden_sender' } });
    expect(ended?.error?.message.en).toContain('state mismatch');
    expect(env.fetch).not.toHaveBeenCalled();
    expect(hasCode(ended?.error, 'forbidden_sender')).toBe(true);
  });
});
