import fc from 'fast-check';
import * as v from 'valibot';
import { beforeAll, describe, expect, it } from 'vitest';
import { isCoinDockError } from '../../core/errors';
import type { HttpResponse } from '../../core/http';
import { processBiyongResponse } from './requests';
import { importPublicKey } from './sign';
import { envelope, nodeResponseFrame, testKeys, type NodeKeyPair } from './test-kit';

let platform: NodeKeyPair;
let publicKey: CryptoKey;
beforeAll(async () => {
  platform = testKeys().platform;
  publicKey = await importPublicKey(platform.publicKeyB64);
});

function response(bytes: Uint8Array, status = 200): HttpResponse {
  return {
    status,
    headers: new Headers(),
    redirected: false,
    location: null,
    bytes,
    text: () => new TextDecoder().decode(bytes),
  };
}

const messageId = Uint8Array.from({ length: 16 }, (_, i) => 200 - i);
const prepared = { endpoint: '/biyong-user/auth', messageId };
const schema = v.object({ openId: v.string() });

async function outcome(bytes: Uint8Array): Promise<string> {
  try {
    await processBiyongResponse(
      response(bytes),
      prepared,
      { platformPublicKey: publicKey },
      schema,
    );
    return 'ok';
  } catch (e) {
    if (!isCoinDockError(e)) throw e; // anything else is a crash
    return e.code;
  }
}

describe('processBiyongResponse on damaged frames', () => {
  it('the intact frame passes; every truncation is a typed error, never a crash', async () => {
    const full = nodeResponseFrame(platform.privateKeyB64, messageId, envelope({ openId: 'o1' }));
    expect(await outcome(full)).toBe('ok');
    const kinds = new Set<string>();
    for (let n = 0; n < full.length; n++) {
      const kind = await outcome(full.subarray(0, n));
      expect(['bad_response', 'signature'], `length ${n}`).toContain(kind);
      kinds.add(kind);
    }
    // Cut inside the header → broken frame; cut inside the JSON → the signature no longer matches.
    expect([...kinds].sort()).toEqual(['bad_response', 'signature']);
  });

  it('any single flipped byte is refused', async () => {
    const full = nodeResponseFrame(platform.privateKeyB64, messageId, envelope({ openId: 'o1' }));
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 0, max: full.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        async (at, x) => {
          const bad = Uint8Array.from(full);
          bad[at] = (bad[at] ?? 0) ^ x;
          expect(await outcome(bad)).not.toBe('ok');
        },
      ),
      { numRuns: 200 },
    );
  });

  it('arbitrary bytes never crash the processor', async () => {
    await fc.assert(
      fc.asyncProperty(fc.uint8Array({ maxLength: 400 }), async (bytes) => {
        expect(await outcome(bytes)).not.toBe('ok');
      }),
      { numRuns: 300 },
    );
  });
});
