import { describe, expect, it } from 'vitest';
import { buildExport, readExport } from './export-file';
import { defaultSettings, mergeSettings } from './settings';
import { hasCode } from './errors';
import { fromBase64, toBase64 } from './bytes';
import { MAX_ITERATIONS } from './vault';

const settings = mergeSettings(defaultSettings(), {
  language: 'zh-CN',
  platforms: { gow: { environment: 'test' } },
});
const secrets = { 'gow.secretKey': 'S3CRET-gow', 'fomo.client_secret': 'S3CRET-fomo' };

describe('settings export file', () => {
  it('round-trips settings and secrets, with no secret in clear', async () => {
    const { fileName, content } = await buildExport(
      'export passphrase',
      settings,
      secrets,
      new Date('2026-11-22T10:00:00Z'),
    );
    expect(fileName).toBe('coindock-settings-2026-11-22.coindock.json');
    expect(content).not.toContain('S3CRET');
    expect(content).not.toContain('zh-CN');
    const back = await readExport(content, 'export passphrase');
    expect(back.settings).toEqual(settings);
    expect(back.secrets).toEqual(secrets);
  });

  it('wrong passphrase, tampered file and foreign files each fail in words', async () => {
    const { content } = await buildExport('export passphrase', settings, secrets);
    await expect(readExport(content, 'other passphrase')).rejects.toSatisfy((e) =>
      hasCode(e, 'locked'),
    );

    const file = JSON.parse(content) as { vault: { data: { ct: string } } };
    const ct = fromBase64(file.vault.data.ct);
    ct[5] = (ct[5] ?? 0) ^ 0xff;
    file.vault.data.ct = toBase64(ct);
    await expect(readExport(JSON.stringify(file), 'export passphrase')).rejects.toSatisfy((e) =>
      hasCode(e, 'bad_response'),
    );

    for (const bad of [
      '',
      'not json',
      '{"format":"something-else"}',
      JSON.stringify({ ...file, version: 2 }),
    ]) {
      const err = await readExport(bad, 'export passphrase').catch((e: unknown) => e);
      expect(hasCode(err, 'invalid_input')).toBe(true);
      expect((err as Error).message).toContain('not a CoinDock settings file');
    }
  });

  it('refuses before any key derivation: too many iterations, non-canonical base64, odd sizes', async () => {
    const { content } = await buildExport('export passphrase', settings, secrets);
    const file = JSON.parse(content) as {
      vault: { kdf: { iterations: unknown; salt: string }; check: { iv: string } };
    };
    const variant = (change: (f: typeof file) => void) => {
      const f = structuredClone(file);
      change(f);
      return JSON.stringify(f);
    };
    // 2^32 − 1 was accepted (many minutes of PBKDF2); 2^32 and 1e300 escaped as a TypeError.
    for (const iterations of [2 ** 32 - 1, 2 ** 32, 1e300, MAX_ITERATIONS + 1]) {
      const err = await readExport(
        variant((f) => (f.vault.kdf.iterations = iterations)),
        'export passphrase',
      ).catch((e: unknown) => e);
      expect(hasCode(err, 'invalid_input')).toBe(true);
      expect((err as Error).message).toContain('10,000,000');
    }
    // "A" and "A==" made atob throw a DOMException; "AB==" and "QR==" spell bytes non-canonically.
    for (const salt of ['A', 'A==', 'AB==', `${file.vault.kdf.salt.slice(0, -2)}R=`, 'QUFB']) {
      const err = await readExport(
        variant((f) => (f.vault.kdf.salt = salt)),
        'export passphrase',
      ).catch((e: unknown) => e);
      expect(hasCode(err, 'invalid_input')).toBe(true);
    }
    const shortIv = await readExport(
      variant((f) => (f.vault.check.iv = 'AAAA')),
      'export passphrase',
    ).catch((e: unknown) => e);
    expect(hasCode(shortIv, 'invalid_input')).toBe(true);
  });
});
