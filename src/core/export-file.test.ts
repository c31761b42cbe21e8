import { describe, expect, it } from 'vitest';
import { buildExport, readExport } from './export-file';
import { defaultSettings, mergeSettings } from './settings';
import { hasCode } from './errors';
import { fromBase64, toBase64 } from './bytes';

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
});
