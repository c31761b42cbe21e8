// The demo credentials: what GET /__demo/credentials serves, and BiYong's keys in PEM form.
import { createPrivateKey, createPublicKey, sign, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, DEMO_API, MERCHANT_PATHS } from './contract';
import {
  BIYONG_MERCHANT_PEM,
  BIYONG_PLATFORM_PUBLIC_PEM,
  DEMO_PLATFORMS,
  demoCredentials,
  pem,
} from './demo-keys';
import { startTestSandbox, type TestSandbox } from './test-support';

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(() => sb.close());

describe('GET /__demo/credentials', () => {
  it('serves every platform’s demo credentials for this origin, readable from any page, never cached', async () => {
    const res = await sb.get(DEMO_API.credentials, {
      headers: { origin: 'chrome-extension://abcdefghijklmnopabcdefghijklmnop' },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('application/json');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const body = (await res.json()) as Record<string, Record<string, unknown>>;
    expect(Object.keys(body).sort()).toEqual([...DEMO_PLATFORMS].sort());
    for (const fields of Object.values(body)) {
      for (const v of Object.values(fields)) expect(typeof v).toBe('string');
    }
    expect(body).toEqual(demoCredentials(sb.origin));
    // URLs are absolute on this sandbox's own origin (ephemeral port here).
    expect(body.fomo).toMatchObject({
      clientId: DEMO.fomo.clientId,
      clientSecret: DEMO.fomo.clientSecret,
      redirectUri: `${sb.origin}${MERCHANT_PATHS.fomoReturn}`,
      serverUri: `${sb.origin}${MERCHANT_PATHS.fomoCallback}`,
      frontUri: `${sb.origin}${MERCHANT_PATHS.fomoFront}`,
    });
    expect(body.hicoin?.redirectUri).toBe(`${sb.origin}${MERCHANT_PATHS.hicoinReturn}`);
    expect(body.gow).toEqual({
      apiKey: DEMO.gow.apiKey,
      secretKey: DEMO.gow.secretKey,
      account: 'alice@example.com',
    });
    expect(body.biyong?.merchantPrivateKey).toBe(DEMO.biyong.merchantPrivateKey);
    expect(body.grandchain).toEqual({ email: DEMO.grandchain.users[0].email });
  });

  it('answers a sandbox on another port with that port’s URLs', async () => {
    const other = await startTestSandbox();
    try {
      const body = (await (await other.get(DEMO_API.credentials)).json()) as {
        fomo: { redirectUri: string };
      };
      expect(other.origin).not.toBe(sb.origin);
      expect(body.fomo.redirectUri).toBe(`${other.origin}${MERCHANT_PATHS.fomoReturn}`);
    } finally {
      await other.close();
    }
  });

  it('is read-only', async () => {
    const res = await sb.post(DEMO_API.credentials, { clientId: 'x' });
    expect(res.status).toBe(405);
    expect(res.headers.get('allow')).toBe('GET');
  });
});

describe('BiYong’s demo keys as PEM', () => {
  it('are openssl’s usual PKCS#8 and SPKI armour around the same keys', () => {
    expect(BIYONG_MERCHANT_PEM.privateKey).toMatch(
      /^-----BEGIN PRIVATE KEY-----\n([A-Za-z0-9+/=]{64}\n)+[A-Za-z0-9+/=]{1,64}\n-----END PRIVATE KEY-----\n$/,
    );
    expect(BIYONG_MERCHANT_PEM.publicKey).toMatch(
      /^-----BEGIN PUBLIC KEY-----\n[\s\S]+\n-----END PUBLIC KEY-----\n$/,
    );
    const priv = createPrivateKey(BIYONG_MERCHANT_PEM.privateKey);
    expect(priv.asymmetricKeyType).toBe('rsa');
    expect(priv.export({ format: 'der', type: 'pkcs8' }).toString('base64')).toBe(
      DEMO.biyong.merchantPrivateKey,
    );
    const pub = createPublicKey(BIYONG_MERCHANT_PEM.publicKey);
    expect(pub.export({ format: 'der', type: 'spki' }).toString('base64')).toBe(
      DEMO.biyong.merchantPublicKey,
    );
    // A pair: what the PEM private key signs, the served base64 public key verifies.
    const data = Buffer.from('appId=biyong_demo_app');
    const sig = sign('sha256', data, priv);
    const served = createPublicKey({
      key: Buffer.from(demoCredentials(sb.origin).biyong.merchantPublicKey ?? '', 'base64'),
      format: 'der',
      type: 'spki',
    });
    expect(verify('sha256', data, served, sig)).toBe(true);
    expect(
      createPublicKey(BIYONG_PLATFORM_PUBLIC_PEM)
        .export({ format: 'der', type: 'spki' })
        .toString('base64'),
    ).toBe(DEMO.biyong.platformPublicKey);
  });

  it('wraps at 64 characters and ends with a newline', () => {
    expect(pem('PUBLIC KEY', 'A'.repeat(130))).toBe(
      `-----BEGIN PUBLIC KEY-----\n${'A'.repeat(64)}\n${'A'.repeat(64)}\nAA\n-----END PUBLIC KEY-----\n`,
    );
  });
});
