import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../core/platform';
import { CAPABILITIES, PLATFORM_NAMES } from './capabilities';
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

/** WCAG 2 relative luminance of a `#rrggbb` colour. */
function luminance(hex: string): number {
  const [r, g, b] = [1, 3, 5].map((i) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

describe('how the pages show a platform', () => {
  it('names each platform in both languages, every name its own', () => {
    for (const lang of ['en', 'zh-CN'] as const) {
      const names = PLATFORMS.map((p) => PLATFORM_NAMES[p][lang]);
      for (const n of names) expect(n.trim()).not.toBe('');
      expect(new Set(names).size).toBe(PLATFORMS.length);
    }
    expect(PLATFORM_NAMES.biyong).toEqual({ en: 'BiYong', 'zh-CN': '币用' });
  });

  it('gives each avatar a colour its white initial reads on (contrast 4.5:1 or more)', () => {
    for (const p of PLATFORMS) {
      const color = CAPABILITIES[p].color;
      expect(color, p).toMatch(/^#[0-9a-f]{6}$/i);
      expect((1 + 0.05) / (luminance(color) + 0.05), p).toBeGreaterThanOrEqual(4.5);
    }
    expect(new Set(PLATFORMS.map((p) => CAPABILITIES[p].color)).size).toBe(PLATFORMS.length);
  });
});
