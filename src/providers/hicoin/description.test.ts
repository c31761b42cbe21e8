import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, DEMO, HOST, MERCHANT_PATHS, PREFIX } from '../../../sandbox/contract';
import { ERROR_CODES } from '../../core/errors';
import { hicoinDescription } from './description';

describe('hicoinDescription', () => {
  it('environments: HiCoin’s production and test hosts, and the simulator', () => {
    expect(hicoinDescription.environments).toEqual({
      production: 'https://oauth.hicoin.vip/api',
      test: 'http://oauth.hicoin.one/api',
      sandbox: `http://${HOST}:${DEFAULT_PORT}${PREFIX.hicoin}`,
    });
  });

  it('credential patterns accept the demo app and refuse blanks and unknown scopes', () => {
    const demo: Record<string, string> = {
      appId: DEMO.hicoin.appId,
      secret: DEMO.hicoin.secret,
      redirectUri: `http://${HOST}:${DEFAULT_PORT}${MERCHANT_PATHS.hicoinReturn}`,
      walletRedirect: 'hicoin://wallet/open',
      scope: 'snsapi_userinfo',
    };
    for (const f of hicoinDescription.credentials) {
      expect(f.pattern?.test(demo[f.key] ?? ''), f.key).toBe(true);
      expect(f.pattern?.test(''), f.key).toBe(false);
    }
    const scope = hicoinDescription.credentials.find((f) => f.key === 'scope')!;
    expect(scope.pattern?.test('snsapi_base')).toBe(true);
    expect(scope.pattern?.test('snsapi_all')).toBe(false);
  });

  it('every error entry has a known kind and text in both languages', () => {
    for (const [code, e] of Object.entries(hicoinDescription.errorCodes)) {
      expect(code).toMatch(/^-?\d+$/);
      expect(ERROR_CODES).toContain(e.kind);
      expect(e.en && e.zh && e.en !== e.zh, code).toBeTruthy();
    }
  });
});
