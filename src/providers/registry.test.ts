import { describe, expect, it, vi } from 'vitest';
import * as v from 'valibot';
import { SkewClock } from '../core/http';
import { PLATFORMS } from '../core/platform';
import { FlowSchema } from '../core/accounts';
import { readCredentials } from './adapter';
import { DESCRIPTIONS } from './descriptions';
import { ADAPTERS, adaptersWith, redirectConnector } from './registry';
import { RETURN_DECODERS } from './returns';

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
  it('refuse a value outside a field’s choices as invalid, not missing', () => {
    expect(() =>
      readCredentials(DESCRIPTIONS.biyong, ADAPTERS.biyong.credentials, {
        appId: 'app',
        merchantPrivateKey: 'private',
        platformPublicKey: 'public',
        hashMode: 'MD5',
      }),
    ).toThrow(/^invalid_input.*Not valid:/);
  });

  it('are read before a capability reaches the platform', async () => {
    const fetch = vi.fn();
    const ctx = { baseUrl: 'https://gow.example/', fetch, clock: new SkewClock() };
    const withoutAccount = { apiKey: 'key', secretKey: 'secret' };
    await expect(ADAPTERS.gow.probe!(ctx, withoutAccount)).rejects.toMatchObject({
      code: 'not_configured',
    });
    expect(fetch).not.toHaveBeenCalled();
  });
});
