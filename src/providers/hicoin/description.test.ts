import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../core/errors';
import { hicoinDescription } from './description';

describe('hicoinDescription', () => {
  it('environments: HiCoin’s production and test hosts (the sandbox one is checked in integration/)', () => {
    expect(hicoinDescription.environments.production).toBe('https://oauth.hicoin.vip/api');
    expect(hicoinDescription.environments.test).toBe('http://oauth.hicoin.one/api');
  });

  it('accepts only the two scopes HiCoin defines', () => {
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
