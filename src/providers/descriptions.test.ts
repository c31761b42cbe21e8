import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../core/platform';
import { DESCRIPTIONS, resolveBaseUrl } from './descriptions';
import { checkCredentials } from './credentials';

describe('provider descriptions', () => {
  it('has a description for every platform, each with credentials and an error table', () => {
    for (const p of PLATFORMS) {
      const d = DESCRIPTIONS[p];
      expect(d.id).toBe(p);
      expect(d.environments.sandbox).toMatch(/^http:\/\/127\.0\.0\.1:8787\//);
      expect(d.credentials.length).toBeGreaterThan(0);
      expect(Object.keys(d.errorCodes).length).toBeGreaterThan(0);
      for (const e of Object.values(d.errorCodes)) {
        expect(e.en).not.toBe('');
        expect(e.zh).not.toBe('');
      }
    }
  });

  it('resolves base URLs per environment, moving the sandbox to its configured origin', () => {
    const fomo = DESCRIPTIONS.fomo;
    expect(resolveBaseUrl(fomo, { environment: 'sandbox' }, 'http://127.0.0.1:9999')).toBe(
      'http://127.0.0.1:9999/fomo/',
    );
    expect(resolveBaseUrl(fomo, { environment: 'test' }, 'http://x')).toBe(fomo.environments.test);
    expect(
      resolveBaseUrl(
        fomo,
        { environment: 'custom', customBaseUrl: 'https://fomo.example/api/' },
        'http://x',
      ),
    ).toBe('https://fomo.example/api/');
    // GOW's seed names no production host: it must be set as a custom base URL.
    expect(
      resolveBaseUrl(DESCRIPTIONS.gow, { environment: 'production' }, 'http://x'),
    ).toBeUndefined();
  });
});

describe('credential checks', () => {
  const fields = DESCRIPTIONS.gow.credentials;
  it('reports missing required fields and bad patterns in both languages', () => {
    const problems = checkCredentials(fields, { apiKey: 'has space', account: '' }, new Set());
    const keys = problems.map((p) => p.key).sort();
    expect(keys).toEqual(['account', 'apiKey', 'secretKey']);
    expect(problems.every((p) => p.message.en && p.message.zh)).toBe(true);
  });
  it('lets an empty secret keep the stored one, and refuses unknown fields', () => {
    const ok = { apiKey: '4565B83DEMO0000000000F123', account: 'alice@example.com' };
    expect(checkCredentials(fields, ok, new Set(['secretKey']))).toEqual([]);
    expect(
      checkCredentials(fields, { ...ok, extra: 'x' }, new Set(['secretKey'])).map((p) => p.key),
    ).toEqual(['extra']);
  });
  it('refuses plain http: return and callback URLs except to this computer', () => {
    const fomo = DESCRIPTIONS.fomo.credentials;
    const base = { clientId: 'app', clientSecret: 's', frontUri: 'https://shop.example/front' };
    const problems = checkCredentials(
      fomo,
      {
        ...base,
        redirectUri: 'http://shop.example/return',
        serverUri: 'http://shop.example/notify',
      },
      new Set(),
    );
    expect(problems.map((p) => p.key).sort()).toEqual(['redirectUri', 'serverUri']);
    expect(problems[0]?.message.en).toMatch(/must start with https:/);
    expect(problems[0]?.message.zh).toMatch(/https:/);
    const local = {
      ...base,
      redirectUri: 'http://127.0.0.1:8787/merchant/fomo/return',
      serverUri: 'http://localhost:8787/merchant/fomo/notify',
    };
    expect(checkCredentials(fomo, local, new Set())).toEqual([]);
    const hicoin = DESCRIPTIONS.hicoin.credentials.find((f) => f.key === 'redirectUri')!;
    expect(hicoin.secureUrl).toBe(true);
  });
});
