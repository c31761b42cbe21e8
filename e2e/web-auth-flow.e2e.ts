/**
 * Where the user registered the extension's own https://<id>.chromiumapp.org/… address as the
 * redirect URI, the worker uses chrome.identity.launchWebAuthFlow instead of a tab.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launch, type Harness } from './harness';
import { CONTROL, DEMO, MERCHANT_PATHS } from '../sandbox/contract';

let h: Harness;

beforeAll(async () => {
  h = await launch();
  await h.send('vault/create', { passphrase: 'correct horse battery staple' });
});
afterAll(async () => {
  await h?.close();
});

it('FOMO connects through launchWebAuthFlow with the chromiumapp.org redirect', async () => {
  const redirectUri = `https://${h.extensionId}.chromiumapp.org/fomo`;
  await h.control(CONTROL.seed, { fomoRedirectUris: [redirectUri] });
  await h.send('credentials/save', {
    platform: 'fomo',
    values: {
      clientId: DEMO.fomo.clientId,
      clientSecret: DEMO.fomo.clientSecret,
      redirectUri,
      serverUri: h.sandbox.origin + MERCHANT_PATHS.fomoCallback,
    },
  });
  const opened = h.context.waitForEvent('page');
  await h.send('accounts/connect', { platform: 'fomo' });
  const authWindow = await opened;
  await authWindow.waitForLoadState();
  expect(authWindow.url()).toContain('/fomo/oauth2/authorize?');
  expect(authWindow.url()).toContain(encodeURIComponent(redirectUri));
  await authWindow.getByRole('button', { name: 'Authorize' }).click();
  await expect
    .poll(async () => (await h.send('accounts/list', {})).accounts.fomo, { timeout: 15_000 })
    .toMatchObject({ state: 'connected', label: DEMO.fomo.user.nickname });
  expect((await h.send('accounts/list', {})).flows).toEqual([]);
});
