/**
 * The adapters' credentials schemas against the sandbox's demo credentials: what a user types
 * into the settings for each platform is read, typed, and every missing required field named.
 */
import { describe, expect, it } from 'vitest';
import { demoCredentials } from '../sandbox/demo-keys';
import type { CoinDockError } from '../src/core/errors';
import { hasCode } from '../src/core/errors';
import { PLATFORMS } from '../src/core/platform';
import { readCredentials } from '../src/providers/adapter';
import { DESCRIPTIONS } from '../src/providers/descriptions';
import { ADAPTERS } from '../src/providers/registry';

function thrown(run: () => unknown): CoinDockError {
  try {
    run();
  } catch (e) {
    return e as CoinDockError;
  }
  throw new Error('did not throw');
}

describe('credentials schemas and the sandbox demo credentials', () => {
  const demo = demoCredentials('http://127.0.0.1:8787');

  it('accept the sandbox demo credentials of every platform, typed', () => {
    for (const p of PLATFORMS) {
      const a = ADAPTERS[p];
      const c = readCredentials(a.description, a.credentials, demo[p]);
      for (const [k, value] of Object.entries(demo[p])) {
        expect((c as Record<string, string>)[k]).toBe(value);
      }
    }
    // Optional fields left empty get their meaning, not undefined.
    const biyong = readCredentials(DESCRIPTIONS.biyong, ADAPTERS.biyong.credentials, {
      ...demo.biyong,
      hashMode: '',
    });
    expect(biyong).toMatchObject({ hashMode: 'SHA256', userToken: '' });
  });

  it('refuse a missing required field, naming it as the settings page does', () => {
    for (const p of PLATFORMS) {
      const a = ADAPTERS[p];
      for (const f of a.description.credentials.filter((f) => f.required)) {
        const without: Record<string, string> = { ...demo[p] };
        delete without[f.key];
        const err = thrown(() => readCredentials(a.description, a.credentials, without));
        expect(hasCode(err, 'not_configured')).toBe(true);
        expect(err.messages.en).toBe(`Missing: ${f.label.en}`);
        expect(err.messages.zh).toBe(`缺少：${f.label.zh}`);
        expect(err.platform).toBe(p);
        // An empty field is a missing one (the settings page stores empty inputs as '').
        const empty = thrown(() =>
          readCredentials(a.description, a.credentials, { ...demo[p], [f.key]: '' }),
        );
        expect(empty.messages.en).toBe(`Missing: ${f.label.en}`);
      }
    }
  });
});
