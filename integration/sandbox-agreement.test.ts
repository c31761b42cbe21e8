/**
 * The extension's platform descriptions and the sandbox that plays the platforms are written
 * apart (the extension never imports the sandbox): these checks keep them agreeing on the
 * addresses, the demo credentials and FOMO's coins.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, DEMO, HOST, MERCHANT_PATHS, PREFIX } from '../sandbox/contract';
import { fomoDescription } from '../src/providers/fomo/description';
import { gowDescription } from '../src/providers/gow/description';
import { hicoinDescription } from '../src/providers/hicoin/description';
import { FOMO_COINS } from '../src/providers/fomo/coins';
import type { ProviderDescription } from '../src/providers/types';

const origin = `http://${HOST}:${DEFAULT_PORT}`;

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
    expectPatternsAccept(fomoDescription, {
      clientId: DEMO.fomo.clientId,
      clientSecret: DEMO.fomo.clientSecret,
      redirectUri: origin + MERCHANT_PATHS.fomoReturn,
      serverUri: origin + MERCHANT_PATHS.fomoCallback,
      frontUri: origin + MERCHANT_PATHS.fomoFront,
    });
  });

  it('GOW: the sandbox address and the demo credentials', () => {
    expect(gowDescription.environments.sandbox).toBe(origin + PREFIX.gow);
    expectPatternsAccept(gowDescription, {
      apiKey: DEMO.gow.apiKey,
      secretKey: DEMO.gow.secretKey,
      account: 'alice@example.com',
    });
  });

  it('HiCoin: the sandbox address and the demo app', () => {
    expect(hicoinDescription.environments.sandbox).toBe(origin + PREFIX.hicoin);
    expectPatternsAccept(hicoinDescription, {
      appId: DEMO.hicoin.appId,
      secret: DEMO.hicoin.secret,
      redirectUri: origin + MERCHANT_PATHS.hicoinReturn,
      walletRedirect: 'hicoin://wallet/open',
      scope: 'snsapi_userinfo',
    });
  });

  it('FOMO: the coin table is the one the sandbox’s pay page shows', () => {
    expect(FOMO_COINS).toEqual(DEMO.fomo.coins);
  });
});
