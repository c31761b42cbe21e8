/**
 * Pasted BiYong keys in every form openssl and BiYong's console give them, made by node:crypto
 * here: each reads to the DER WebCrypto imports, and signs / verifies for real; every wrong paste
 * is refused with its reason.
 */
import { generateKeyPairSync, createVerify, createSign } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { normalizeRsaKey, readRsaKey, rsaKeyProblem } from './keys';
import { importMerchantPrivateKey, importPublicKey, signBytes, verifyBytes } from './sign';
import { utf8 } from '../../core/bytes';

type Pair = ReturnType<typeof makePair>;
function makePair() {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  return {
    pkcs8Pem: privateKey.export({ type: 'pkcs8', format: 'pem' }) as string,
    pkcs1Pem: privateKey.export({ type: 'pkcs1', format: 'pem' }) as string,
    pkcs8B64: (privateKey.export({ type: 'pkcs8', format: 'der' }) as Buffer).toString('base64'),
    spkiPem: publicKey.export({ type: 'spki', format: 'pem' }) as string,
    pkcs1PubPem: publicKey.export({ type: 'pkcs1', format: 'pem' }) as string,
    spkiB64: (publicKey.export({ type: 'spki', format: 'der' }) as Buffer).toString('base64'),
    encryptedPem: privateKey.export({
      type: 'pkcs8',
      format: 'pem',
      cipher: 'aes-256-cbc',
      passphrase: 'pw',
    }) as string,
  };
}

let pair: Pair;
beforeAll(() => {
  pair = makePair();
});

const message = utf8('messageId and body');

describe('BiYong private keys', () => {
  it('PKCS#8 PEM, PKCS#1 PEM and base64 all store as the same base64 PKCS#8', () => {
    expect(normalizeRsaKey(pair.pkcs8Pem, 'private')).toBe(pair.pkcs8B64);
    expect(normalizeRsaKey(pair.pkcs1Pem, 'private')).toBe(pair.pkcs8B64);
    expect(normalizeRsaKey(pair.pkcs8B64, 'private')).toBe(pair.pkcs8B64);
    // Base64 broken over lines, as consoles show it.
    const wrapped = pair.pkcs8B64.replace(/(.{64})/g, '$1\n');
    expect(normalizeRsaKey(wrapped, 'private')).toBe(pair.pkcs8B64);
  });

  for (const form of ['pkcs8Pem', 'pkcs1Pem', 'pkcs8B64'] as const) {
    it(`${form}: signs what node verifies with the public key`, async () => {
      const key = await importMerchantPrivateKey(pair[form]);
      const sig = await signBytes(key, message);
      const ok = createVerify('RSA-SHA256').update(message).verify(pair.spkiPem, Buffer.from(sig));
      expect(ok).toBe(true);
    });
  }

  it('refuses a public key, saying so', () => {
    expect(rsaKeyProblem(pair.spkiPem, 'private')?.en).toBe(
      'This is a public key; paste the private key',
    );
    expect(rsaKeyProblem(pair.spkiB64, 'private')?.en).toBe(
      'This is a public key; paste the private key',
    );
  });

  it('refuses an encrypted key and says how to export it', () => {
    const p = rsaKeyProblem(pair.encryptedPem, 'private');
    expect(p?.en).toMatch(/locked with a passphrase/);
    expect(p?.en).toContain('openssl pkcs8 -topk8 -nocrypt');
  });

  it('names the character where base64 breaks (1-based, in the pasted text)', () => {
    const bad = pair.pkcs8B64.slice(0, 40) + '#' + pair.pkcs8B64.slice(41);
    expect(rsaKeyProblem(bad, 'private')?.en).toBe('Not valid base64 at character 41: “#”');
    expect(rsaKeyProblem(bad, 'private')?.zh).toBe('第 41 个字符不是有效的 base64：“#”');
  });

  it('says a cut key is incomplete, and a PEM without its end line', () => {
    expect(rsaKeyProblem(pair.pkcs8B64.slice(0, 800), 'private')?.en).toMatch(/incomplete/);
    const noEnd = pair.pkcs8Pem.replace(/-----END PRIVATE KEY-----\s*$/, '');
    expect(rsaKeyProblem(noEnd, 'private')?.en).toBe(
      'The PEM block has no “-----END PRIVATE KEY-----” line; paste the whole key, last line included',
    );
  });

  it('refuses a key of another algorithm', () => {
    const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const pem = ec.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
    expect(rsaKeyProblem(pem, 'private')?.en).toMatch(/not an RSA key/);
    const sec1 = ec.privateKey.export({ type: 'sec1', format: 'pem' }) as string;
    expect(rsaKeyProblem(sec1, 'private')?.en).toBe(
      'This is not an RSA key (EC); BiYong signs with RSA keys',
    );
  });

  it('refuses text that decodes to no key', () => {
    expect(rsaKeyProblem('aGVsbG8gd29ybGQ=', 'private')?.en).toBe(
      'This is not an RSA key: the text decodes, but not to a key',
    );
  });
});

describe('BiYong public keys', () => {
  it('SPKI PEM, PKCS#1 PEM and base64 all store as the same base64 SPKI', () => {
    for (const form of [pair.spkiPem, pair.pkcs1PubPem, pair.spkiB64]) {
      expect(normalizeRsaKey(form, 'public')).toBe(pair.spkiB64);
    }
  });

  for (const form of ['spkiPem', 'pkcs1PubPem', 'spkiB64'] as const) {
    it(`${form}: verifies what node signs`, async () => {
      const key = await importPublicKey(pair[form]);
      const sig = createSign('RSA-SHA256').update(message).sign(pair.pkcs8Pem);
      expect(await verifyBytes(key, sig, message)).toBe(true);
    });
  }

  it('refuses a private key, saying so', () => {
    expect(rsaKeyProblem(pair.pkcs8Pem, 'public')?.en).toBe(
      'This is a private key; paste the public key (the private one stays with you)',
    );
  });

  it('reads to DER WebCrypto imports, or a problem, never both', () => {
    const r = readRsaKey(pair.spkiPem, 'public');
    expect('der' in r && !('problem' in r)).toBe(true);
  });
});
