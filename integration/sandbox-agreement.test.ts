/**
 * The extension's platform descriptions and the sandbox that plays the platforms are written
 * apart (the extension never imports the sandbox): these checks keep them agreeing on the
 * addresses, the demo credentials and FOMO's coins.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, DEMO, HOST, PREFIX } from '../sandbox/contract';
import { fomoDescription } from '../src/providers/fomo/description';
import { gowDescription } from '../src/providers/gow/description';
import { hicoinDescription } from '../src/providers/hicoin/description';
import { FOMO_COINS } from '../src/providers/fomo/coins';
import { demoCredentials } from '../sandbox/demo-keys';
import type { ProviderDescription } from '../src/providers/types';

const origin = `http://${HOST}:${DEFAULT_PORT}`;
/** The demo credentials the options page fills in for a sandbox at `origin`. */
const keys = demoCredentials(origin);

/** Every field's pattern accepts the demo value and refuses a blank. */
function expectPatternsAccept(d: ProviderDescription, demo: Record<string, string>) {
  for (const f of d.credentials) {
    expect(f.pattern?.test(demo[f.key] ?? ''), f.key).toBe(true);
    expect(f.pattern?.test(''), f.key).toBe(false);
  }
}

describe('descriptions agree with the sandbox', () => {
  it('FOMO: the sandbox address and the demo app', () => {
    expect(fomoDescription.environments.sandbox).toBe(origin + PREFIX.fomo);
    expectPatternsAccept(fomoDescription, keys.fomo);
  });

  it('GOW: the sandbox address and the demo credentials', () => {
    expect(gowDescription.environments.sandbox).toBe(origin + PREFIX.gow);
    expectPatternsAccept(gowDescription, keys.gow);
  });

  it('HiCoin: the sandbox address and the demo app', () => {
    expect(hicoinDescription.environments.sandbox).toBe(origin + PREFIX.hicoin);
    // The demo's wallet address is a web page; one in an app's own scheme must pass too.
    expectPatternsAccept(hicoinDescription, {
      ...keys.hicoin,
      walletRedirect: 'hicoin://wallet/open',
    });
  });

  it('FOMO: the coin table is the one the sandbox’s pay page shows', () => {
    expect(FOMO_COINS).toEqual(DEMO.fomo.coins);
  });
});
