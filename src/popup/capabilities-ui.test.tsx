// @vitest-environment happy-dom
/**
 * The popup decides what a platform's card offers from the platform's capabilities
 * (src/providers/capabilities.ts), never from its name: these tests go over every platform and
 * check the card and the attention list against its capabilities.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'preact';
import { PLATFORMS, type Platform } from '../core/platform';
import type { Account } from '../core/accounts';
import { CAPABILITIES } from '../providers/capabilities';
import { AccountCard } from './account-card';
import { attentionItems } from './summary';

afterEach(() => {
  render(null, document.body);
});

/** An account with every detail a card may show (a balance in fen, a KYC status). */
const account = (platform: Platform, state: Account['state'] = 'connected'): Account => ({
  platform,
  state,
  label: 'someone',
  details: {
    balanceFen: '12345',
    balanceAt: '1000',
    cardStatus: '0',
    cardStatusEn: 'Not verified',
    cardStatusZh: '未认证',
  },
  connectedAt: 1,
  updatedAt: 1,
});

function card(platform: Platform, a: Account | undefined): HTMLElement {
  render(
    <AccountCard
      platform={platform}
      lang="en"
      now={2000}
      environment="sandbox"
      account={a}
      busy={false}
      onConnect={() => undefined}
      onDisconnect={() => undefined}
      onDismiss={() => undefined}
    />,
    document.body,
  );
  return document.body;
}

describe('the account card follows the platform’s capabilities', () => {
  for (const p of PLATFORMS) {
    const can = CAPABILITIES[p];
    it(`${p}: balance, KYC and the connect button as its capabilities say`, () => {
      // An error state: no activity panel loads, the details alone decide.
      const shown = card(p, account(p, 'error'));
      expect(!!shown.querySelector('[data-testid=balance]'), 'balance').toBe(
        can.fenBalance === true,
      );
      expect(!!shown.querySelector('[data-testid=kyc]'), 'kyc').toBe(!!can.kyc);
      const button = shown.querySelector('button.primary')?.textContent;
      expect(button).toBe('Reconnect');

      const none = card(p, undefined);
      expect(none.querySelector('button.primary')?.textContent).toBe(
        can.signIn === 'email_login' ? 'Sign in' : 'Connect',
      );
    });
  }
});

describe('the attention list follows the platform’s capabilities', () => {
  it('asks to finish identity verification only where the platform has one, until approved', () => {
    const accounts = Object.fromEntries(PLATFORMS.map((p) => [p, account(p)]));
    const kyc = attentionItems('en', undefined, { accounts, flows: [] }, {})
      .filter((i) => i.key.endsWith('.kyc'))
      .map((i) => i.platform);
    expect(kyc).toEqual(PLATFORMS.filter((p) => CAPABILITIES[p].kyc));
    expect(kyc.length).toBeGreaterThan(0);

    const approved = Object.fromEntries(
      PLATFORMS.map((p) => {
        const a = account(p);
        return [
          p,
          { ...a, details: { ...a.details, cardStatus: CAPABILITIES[p].kyc?.approved ?? '' } },
        ];
      }),
    );
    const after = attentionItems('en', undefined, { accounts: approved, flows: [] }, {});
    expect(after.filter((i) => i.key.endsWith('.kyc'))).toEqual([]);
  });
});
