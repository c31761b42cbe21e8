import { createHash, createHmac, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hmacSha512Hex, sha1Hex, sha256Hex } from './hash';

describe('hash helpers (WebCrypto) agree with node:crypto', () => {
  it('SHA-1 of strings (UTF-8) and bytes', async () => {
    for (const s of ['', 'fomo-demo-secret1700000000', '中文 ✓ \u{1F600}']) {
      expect(await sha1Hex(s)).toBe(createHash('sha1').update(s, 'utf8').digest('hex'));
    }
    const bytes = randomBytes(257);
    expect(await sha1Hex(bytes)).toBe(createHash('sha1').update(bytes).digest('hex'));
  });

  it('SHA-256 of random strings', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'grapheme' }), async (s) => {
        expect(await sha256Hex(s)).toBe(createHash('sha256').update(s, 'utf8').digest('hex'));
      }),
      { numRuns: 50 },
    );
  });

  it('HMAC-SHA512 of random keys and messages', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ minLength: 1, unit: 'grapheme' }),
        fc.string({ unit: 'grapheme' }),
        async (key, msg) => {
          const expected = createHmac('sha512', Buffer.from(key, 'utf8'))
            .update(msg, 'utf8')
            .digest('hex');
          expect(await hmacSha512Hex(key, msg)).toBe(expected);
        },
      ),
      { numRuns: 50 },
    );
  });

  it('HMAC-SHA512 with a key longer than the block size (hashed first by HMAC)', async () => {
    const key = randomBytes(300);
    const expected = createHmac('sha512', key).update('x').digest('hex');
    expect(await hmacSha512Hex(key, 'x')).toBe(expected);
  });

  it('output is lowercase hex of the right length', async () => {
    expect(await sha1Hex('a')).toMatch(/^[0-9a-f]{40}$/);
    expect(await sha256Hex('a')).toMatch(/^[0-9a-f]{64}$/);
    expect(await hmacSha512Hex('k', 'a')).toMatch(/^[0-9a-f]{128}$/);
  });

  it('refuses an empty HMAC key with a clear error', async () => {
    await expect(hmacSha512Hex('', 'x')).rejects.toThrow(/must not be empty/);
  });
});
