/**
 * The rest of what CoinDock does, in Firefox: the demo profile `npm start -- --firefox` builds
 * (e2e/demo-profile.ts) — all five platforms connected (three through consent tabs, GOW by keys,
 * Grand Chain by sign-in), a Grand Chain send and a GOW deposit order, BiYong's ledger synced —
 * and the popup showing it after the event page has been unloaded.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { launchFirefox, type FirefoxHarness } from './harness';
import { setUpDemoProfile, DEMO_LEDGER, type DemoProfile } from '../e2e/demo-profile';
import { DEMO_PLATFORMS } from '../sandbox/demo-keys';

let h: FirefoxHarness;
let demo: DemoProfile;

beforeAll(async () => {
  h = await launchFirefox();
  demo = await setUpDemoProfile(h);
});
afterAll(async () => {
  await h?.close();
});

it('connects all five platforms, sends on Grand Chain, orders on GOW and syncs BiYong’s ledger', async () => {
  expect(DEMO_PLATFORMS.map((p) => [p, demo.accounts[p].state])).toEqual(
    DEMO_PLATFORMS.map((p) => [p, 'connected']),
  );
  expect(demo.transfers.map((t) => [t.kind, t.state]).sort()).toEqual(
    [
      ['grandchain_send', 'succeeded'],
      ['gow_deposit', 'pending'],
    ].sort(),
  );
  const biyong = demo.activity.sources.find((s) => s.source === 'biyong');
  expect(biyong).toMatchObject({ state: 'ok', count: DEMO_LEDGER.records });
});

it('shows it all in the popup after Firefox unloads the event page', async () => {
  await h.unloadBackground();
  const popup = await h.openPopup();
  await expect
    .poll(() =>
      popup.$$eval('li[data-platform]', (els) =>
        els.map((e) => [e.getAttribute('data-platform'), e.textContent?.includes('Connected')]),
      ),
    )
    .toEqual(DEMO_PLATFORMS.map((p) => [p, true]));
  expect(await h.backgroundState()).toBe('running');
  await popup.close();
});
