import { beforeAll, describe, expect, it } from 'vitest';
import { SkewClock } from '../../core/http';
import { buildBiyongRequest } from './requests';
import { loadBiyongKeys } from './client';
import {
  generateMerchantKeyPair,
  importMerchantPrivateKey,
  importPublicKey,
  signBytes,
  verifyBytes,
  type BiyongHashMode,
} from './sign';
import {
  nodeKeyPair,
  nodeParseRequest,
  nodeSign,
  nodeVerify,
  testKeys,
  type NodeKeyPair,
} from './test-kit';

let keys: { merchant: NodeKeyPair; platform: NodeKeyPair };
beforeAll(() => {
  keys = testKeys();
});

const fixedClock = (ms: number) => new SkewClock({ now: () => ms });

describe('request signing (known answers from node:crypto)', () => {
  for (const mode of ['SHA1', 'SHA256', 'SHA384', 'SHA512'] as BiyongHashMode[]) {
    it(`${mode}: the body equals sigLen ‖ node's PKCS#1 v1.5 signature ‖ raw, byte for byte`, async () => {
      const k = await loadBiyongKeys({
        appId: 'app_1',
        merchantPrivateKey: keys.merchant.privateKeyB64,
        platformPublicKey: keys.platform.publicKeyB64,
        hashMode: mode,
      });
      const messageId = Uint8Array.from({ length: 16 }, (_, i) => 0xa0 + i);
      const ts = 1_700_000_123_456;
      const prepared = await buildBiyongRequest(
        'https://biyong.example/api/',
        k,
        fixedClock(ts),
        '/biyong-user/info',
        { openId: 'open_1' },
        { messageId },
      );
      // Expected, computed independently: PKCS#1 v1.5 is deterministic.
      const tsBytes = Buffer.alloc(8);
      tsBytes.writeBigUInt64BE(BigInt(ts));
      const raw = Buffer.concat([
        tsBytes,
        Buffer.from(messageId),
        Buffer.from('{"openId":"open_1"}'),
      ]);
      const sig = nodeSign(keys.merchant.privateKeyB64, raw, mode);
      const len = Buffer.alloc(4);
      len.writeUInt32BE(sig.length);
      expect(Buffer.from(prepared.request.body as Uint8Array)).toEqual(
        Buffer.concat([len, sig, raw]),
      );
      expect(prepared.request.url).toBe('https://biyong.example/api/biyong-user/info');
      expect(prepared.request.method).toBe('POST');
      expect(prepared.request.headers).toEqual({
        'Content-Type': 'application/json',
        AppId: 'app_1',
        RsaSignHashMode: mode,
      });
    });
  }

  it('sends {} when there are no parameters, and a fresh random messageId each time', async () => {
    const k = await loadBiyongKeys({
      appId: 'a',
      merchantPrivateKey: keys.merchant.privateKeyB64,
      platformPublicKey: keys.platform.publicKeyB64,
    });
    const a = await buildBiyongRequest('http://x', k, fixedClock(5), '/common/test', undefined);
    const b = await buildBiyongRequest('http://x', k, fixedClock(5), '/common/test', undefined);
    const pa = nodeParseRequest(a.request.body as Uint8Array);
    const pb = nodeParseRequest(b.request.body as Uint8Array);
    expect(pa.params).toEqual({});
    expect(pa.timestampMs).toBe(5);
    expect(pa.messageId.equals(pb.messageId)).toBe(false);
    expect(Buffer.from(a.messageId).equals(pa.messageId)).toBe(true);
    expect(nodeVerify(keys.merchant.publicKeyB64, pa.raw, pa.signature)).toBe(true);
  });
});

describe('keys', () => {
  it('verifies what node signs with the platform key, and rejects a flipped bit', async () => {
    const pub = await importPublicKey(keys.platform.publicKeyB64);
    const data = new TextEncoder().encode('messageId‖json');
    const sig = nodeSign(keys.platform.privateKeyB64, data);
    expect(await verifyBytes(pub, sig, data)).toBe(true);
    const bad = Buffer.from(sig);
    bad[10] = (bad[10] ?? 0) ^ 1;
    expect(await verifyBytes(pub, bad, data)).toBe(false);
    expect(await verifyBytes(pub, sig.subarray(1), data)).toBe(false);
  });

  it('generates an RSA-2048 pair that node:crypto accepts in both directions', async () => {
    const pair = await generateMerchantKeyPair();
    const der = Buffer.from(pair.publicKey, 'base64');
    // SPKI of RSA-2048 is 294 bytes.
    expect(der.length).toBe(294);
    const data = new TextEncoder().encode('hello BiYong');
    const priv = await importMerchantPrivateKey(pair.privateKey);
    const sig = await signBytes(priv, data);
    expect(nodeVerify(pair.publicKey, data, sig)).toBe(true);
    const pub = await importPublicKey(pair.publicKey);
    expect(await verifyBytes(pub, nodeSign(pair.privateKey, data), data)).toBe(true);
  });

  it('a key that is not a key is invalid_input and the error does not contain it', async () => {
    const junk = 'bm90IGEga2V5IGF0IGFsbA==';
    const e = await importMerchantPrivateKey(junk).catch((x: unknown) => x);
    expect(e).toMatchObject({ code: 'invalid_input', platform: 'biyong' });
    expect(String((e as Error).message)).not.toContain(junk);
    // A public key where the private one belongs is refused too.
    await expect(importMerchantPrivateKey(nodeKeyPair(1024).publicKeyB64)).rejects.toMatchObject({
      code: 'invalid_input',
    });
    await expect(importPublicKey('%%%')).rejects.toMatchObject({ code: 'invalid_input' });
  });
});
