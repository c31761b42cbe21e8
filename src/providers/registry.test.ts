import { describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { demoCredentials } from '../../sandbox/demo-keys';
import { hasCode, type CoinDockError } from '../core/errors';
import { SkewClock } from '../core/http';
import { PLATFORMS } from '../core/platform';
import { FlowSchema } from '../core/accounts';
import { readCredentials } from './adapter';
import { DESCRIPTIONS } from './descriptions';
import { ADAPTERS, adaptersWith, redirectConnector } from './registry';
import { RETURN_DECODERS } from './returns';

const ORIGIN = 'http://127.0.0.1:8787';

function thrown(run: () => unknown): CoinDockError {
  try {
    run();
  } catch (e) {
    return e as CoinDockError;
  }
  throw new Error('did not throw');
}

describe('adapter registry', () => {
  it('has one adapter per platform, with the same description the pages read', () => {
    for (const p of PLATFORMS) {
      expect(ADAPTERS[p].id).toBe(p);
      expect(ADAPTERS[p].description).toBe(DESCRIPTIONS[p]);
    }
  });

  it('gives the content script the same return decoders as the adapters', () => {
    for (const p of PLATFORMS) expect(RETURN_DECODERS[p]).toBe(ADAPTERS[p].decodeReturn);
    expect(Object.keys(RETURN_DECODERS).sort()).toEqual(['biyong', 'fomo', 'hicoin']);
  });

  it('lets a stored flow name every platform that connects in a browser tab', () => {
    for (const p of PLATFORMS) {
      if (redirectConnector(p)) expect(v.is(FlowSchema.entries.platform, p)).toBe(true);
    }
    expect(PLATFORMS.filter((p) => redirectConnector(p))).toEqual(['fomo', 'biyong', 'hicoin']);
  });

  it('loops only over the adapters that have a capability', () => {
    expect(adaptersWith('refresh').map((a) => a.id)).toEqual(['fomo', 'hicoin']);
    expect(adaptersWith('activity').map((a) => a.id)).toEqual(['biyong', 'grandchain']);
    expect(adaptersWith('disconnect').map((a) => a.id)).toEqual(['grandchain']);
    expect(adaptersWith('probe').map((a) => a.id)).toEqual([...PLATFORMS]);
    expect(adaptersWith('profile').map((a) => a.id)).not.toContain('grandchain');
  });
});

describe('credentials schemas', () => {
  const demo = demoCredentials(ORIGIN);

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

  it('refuse a value outside a field’s choices as invalid, not missing', () => {
    const err = thrown(() =>
      readCredentials(DESCRIPTIONS.biyong, ADAPTERS.biyong.credentials, {
        ...demo.biyong,
        hashMode: 'MD5',
      }),
    );
    expect(hasCode(err, 'invalid_input')).toBe(true);
    expect(err.messages.en).toContain('Not valid:');
  });

  it('are read before a capability reaches the platform', async () => {
    const fetch = vi.fn();
    const ctx = { baseUrl: 'https://gow.example/', fetch, clock: new SkewClock() };
    const { account: _gone, ...rest } = demo.gow;
    await expect(ADAPTERS.gow.probe!(ctx, rest)).rejects.toMatchObject({
      code: 'not_configured',
    });
    expect(fetch).not.toHaveBeenCalled();
  });
});
