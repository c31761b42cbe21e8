/**
 * Connecting accounts end to end in a real Chromium against the sandbox: the popup's Connect
 * button, the platform's consent page clicked like a person would, the redirect captured by the
 * worker, the code exchanged once, the account stored, the token kept encrypted.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { saveDemoCredentials } from './fixtures';
import { CONTROL, DEMO } from '../sandbox/contract';
import type { Platform } from '../src/core/platform';

let h: Harness;
const PASS = 'correct horse battery staple';

async function configure(): Promise<void> {
  await saveDemoCredentials(h, ['fomo', 'gow', 'biyong', 'hicoin'], {
    biyong: { userToken: 'coindock_user_42' },
  });
}

beforeAll(async () => {
  h = await launch();
  await h.send('vault/create', { passphrase: PASS });
  await configure();
});
afterAll(async () => {
  await h?.close();
});

async function stats(): Promise<Record<string, Record<string, number>>> {
  return ((await h.control(CONTROL.stats)) as { requests: Record<string, Record<string, number>> })
    .requests;
}

/** Click Connect on a platform's card in the popup; resolves with the tab the worker opened. */
async function connectFromPopup(platform: Platform): Promise<Page> {
  const popup = await h.openPopup();
  const card = popup.locator(`li[data-platform="${platform}"]`);
  const opened = h.context.waitForEvent('page');
  await card.getByRole('button', { name: /^(Connect|Reconnect)$/ }).click();
  const tab = await opened;
  await popup.close();
  await tab.waitForLoadState();
  return tab;
}

async function account(platform: Platform) {
  return (await h.send('accounts/list', {})).accounts[platform];
}

async function flowOf(platform: Platform) {
  return (await h.send('accounts/list', {})).flows.find((f) => f.platform === platform);
}

describe('connecting each platform', () => {
  beforeEach(async () => {
    await h.control(CONTROL.faults, undefined, 'DELETE');
  });

  it('FOMO: popup → consent page → redirect captured → code exchanged once → account with nickname', async () => {
    const before = (await stats()).fomo?.['oauth2/authorize/token'] ?? 0;
    const tab = await connectFromPopup('fomo');
    expect(tab.url()).toContain('/fomo/oauth2/authorize?');
    // PKCE in the sandbox environment; the sandbox refuses the exchange without the verifier.
    const page = new URL(tab.url()).searchParams;
    expect(page.get('code_challenge_method')).toBe('S256');
    expect(page.get('code_challenge')).toMatch(/^[A-Za-z0-9_-]{43}$/);
    await tab.getByRole('button', { name: 'Authorize' }).click();
    await expect
      .poll(() => account('fomo'), { timeout: 15_000 })
      .toMatchObject({
        state: 'connected',
        label: DEMO.fomo.user.nickname,
      });
    await expect.poll(() => tab.isClosed()).toBe(true);
    expect((await stats()).fomo?.['oauth2/authorize/token']).toBe(before + 1);
    expect((await h.send('vault/status', {})).secretNames).toContain('token.fomo');
    expect(await flowOf('fomo')).toBeUndefined();

    const popup = await h.openPopup();
    const card = popup.locator('li[data-platform="fomo"]');
    await expect
      .poll(() => card.getByTestId('identity').textContent())
      .toBe(DEMO.fomo.user.nickname);
    await expect.poll(() => card.getByTestId('account-status').textContent()).toMatch(/^Connected/);
    await popup.close();
  });

  it('HiCoin (snsapi_userinfo): consent page → profile', async () => {
    const tab = await connectFromPopup('hicoin');
    expect(new URL(tab.url()).searchParams.get('code_challenge_method')).toBe('S256');
    await tab.getByRole('button', { name: /Authorize|Allow|Agree/ }).click();
    await expect
      .poll(() => account('hicoin'), { timeout: 15_000 })
      .toMatchObject({
        state: 'connected',
        label: DEMO.hicoin.user.nickname,
        details: { openid: DEMO.hicoin.user.openid },
      });
  });

  it('BiYong: consent page → biytoken → /biyong-user/auth → openId and grants', async () => {
    const tab = await connectFromPopup('biyong');
    await tab.getByRole('button', { name: /Authorize/ }).click();
    await expect
      .poll(() => account('biyong'), { timeout: 15_000 })
      .toMatchObject({
        state: 'connected',
        details: { openId: DEMO.biyong.user.openId },
      });
    expect((await account('biyong'))?.details.authList).toContain('PUBLIC_INFO');
    // The configured user token was uploaded with /biyong-user/update.
    const state = (await h.control(CONTROL.state)) as {
      biyong: { merchantTokens: Record<string, string> };
    };
    expect(state.biyong.merchantTokens[`${DEMO.biyong.appId} ${DEMO.biyong.user.openId}`]).toBe(
      'coindock_user_42',
    );
    expect((await h.send('vault/status', {})).secretNames).toContain('biyong.userToken');
  });

  it('BiYong: a biytoken that comes back without CoinDock’s state is refused in words; nothing is sent', async () => {
    // Connected already (the test above): connecting again starts a new flow.
    const opened = h.context.waitForEvent('page');
    await h.send('accounts/connect', { platform: 'biyong' });
    const tab = await opened;
    await tab.waitForLoadState();
    const back = new URL(new URL(tab.url()).searchParams.get('url')!);
    expect(back.searchParams.get('state')).toMatch(/^[A-Za-z0-9]{32}$/);
    const before = (await stats()).biyong;
    back.searchParams.delete('state');
    back.searchParams.set('biytoken', 'someone-elses-biytoken');
    // The tab is closed by CoinDock as the flow ends: the navigation may not finish.
    await tab.goto(back.toString()).catch(() => undefined);
    await expect
      .poll(async () => (await flowOf('biyong'))?.error?.code, { timeout: 10_000 })
      .toBe('forbidden_sender');
    expect((await flowOf('biyong'))?.error?.en).toContain('state mismatch');
    // No /biyong-user/auth, no /biyong-user/update: no user token went to that biytoken's openId.
    expect((await stats()).biyong).toEqual(before);
    await h.send('accounts/dismiss-flow', { id: (await flowOf('biyong'))!.id });
  });

  it('GOW: a signed call proves the keys and reads the KYC state', async () => {
    const popup = await h.openPopup();
    await popup.locator('li[data-platform="gow"]').getByRole('button', { name: 'Connect' }).click();
    await expect
      .poll(() => account('gow'))
      .toMatchObject({
        state: 'connected',
        label: 'alice@example.com',
        details: { cardStatus: '1', cardStatusEn: 'Approved' },
      });
    await popup.close();
  });

  it('GOW KYC: the popup says the state in words, opens the KYC page, and reads it again when opened', async () => {
    await h.send('credentials/save', {
      platform: 'gow',
      values: {
        apiKey: DEMO.gow.apiKey,
        secretKey: DEMO.gow.secretKey,
        account: 'carol@example.com',
      },
    });
    await h.send('accounts/connect', { platform: 'gow' });
    const popup = await h.openPopup();
    const kyc = popup.locator('li[data-platform="gow"]').getByTestId('kyc');
    await expect.poll(() => kyc.textContent()).toContain('KYC: Not verified');
    const opened = h.context.waitForEvent('page');
    await kyc.getByRole('button', { name: 'Open KYC page' }).click();
    const page = await opened;
    await page.waitForLoadState();
    expect(page.url()).toContain('/gow/user/userKyc.html');
    await page.getByLabel(/First name/).fill('Carol');
    await page.getByLabel(/Last name/).fill('Lee');
    await page.getByLabel(/Date of birth/).fill('1991-02-03');
    await page.getByLabel(/ID document number/).fill('P1234567');
    await page.getByRole('button', { name: /Submit for review/ }).click();
    await popup.close();
    const again = await h.openPopup();
    await expect
      .poll(() => again.locator('li[data-platform="gow"]').getByTestId('kyc').textContent())
      .toContain('KYC: Under review');
    await again.close();
  });

  it('keeps no token in clear anywhere', async () => {
    const dump = JSON.stringify([await h.storage('local'), await h.storage('session')]);
    type Issued = { accessTokens: { token: string }[]; refreshTokens: { token: string }[] };
    const state = (await h.control(CONTROL.state)) as { fomo: Issued; hicoin: Issued };
    // The sandbox knows the tokens it issued: none of them may appear in the extension's storage.
    const issued = [state.fomo, state.hicoin].flatMap((s) =>
      [...s.accessTokens, ...s.refreshTokens].map((t) => t.token),
    );
    expect(issued.length).toBeGreaterThanOrEqual(4);
    for (const token of issued) expect(dump).not.toContain(token);
  });

  it('a declined consent ends in words, and a retry works', async () => {
    await h.send('accounts/disconnect', { platform: 'fomo' });
    const tab = await connectFromPopup('fomo');
    await tab.getByRole('button', { name: 'Deny' }).click();
    await expect.poll(() => flowOf('fomo'), { timeout: 15_000 }).toMatchObject({ step: 'failed' });
    expect((await flowOf('fomo'))?.error?.en).toMatch(/did not grant|denied|declined/i);
    expect(await account('fomo')).toBeUndefined();

    const retry = await connectFromPopup('fomo');
    await retry.getByRole('button', { name: 'Authorize' }).click();
    await expect
      .poll(() => account('fomo'), { timeout: 15_000 })
      .toMatchObject({ state: 'connected' });
  });
});
