import { describe, expect, it } from 'vitest';
import { codeChallengeS256, newCodeVerifier } from './pkce';

describe('PKCE S256', () => {
  it('matches RFC 7636 appendix B', async () => {
    expect(await codeChallengeS256('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });
  it('makes a fresh verifier of 64 unreserved characters each time', () => {
    const a = newCodeVerifier();
    expect(a).toMatch(/^[A-Za-z0-9]{64}$/);
    expect(newCodeVerifier()).not.toBe(a);
  });
});
