import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../core/platform';
import { CAPABILITIES } from './capabilities';
import { DESCRIPTIONS } from './descriptions';

describe('platform capabilities', () => {
  it('are the descriptions’ own, for every platform', () => {
    for (const p of PLATFORMS) expect(CAPABILITIES[p], p).toBe(DESCRIPTIONS[p].capabilities);
  });

  it('agree with what each description asks of the user', () => {
    for (const p of PLATFORMS) {
      const d = DESCRIPTIONS[p];
      const keys = d.credentials.map((f) => f.key);
      // A key pair is made on the options page only for a platform whose sign-in uses one.
      if (d.capabilities.keyPairHelper) expect(d.capabilities.signIn, p).toBe('key_pair');
      // An email sign-in asks for the email among the platform's settings.
      if (d.capabilities.signIn === 'email_login') expect(keys, p).toContain('email');
      // OAuth needs somewhere for the code to come back to.
      if (d.capabilities.signIn === 'oauth')
        expect(
          keys.some((k) => /redirect/i.test(k)),
          p,
        ).toBe(true);
    }
  });
});
