import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  bytesEqual,
  concatBytes,
  fromBase64,
  fromHex,
  fromUtf8,
  base64ByteLength,
  isCanonicalBase64,
  randomAlphanumeric,
  randomBytes,
  toBase64,
  toHex,
  utf8,
} from './bytes';

describe('utf8', () => {
  it('agrees with Buffer for any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(Buffer.from(utf8(s))).toEqual(Buffer.from(s, 'utf8'));
        expect(fromUtf8(utf8(s))).toBe(s);
      }),
    );
  });

  it('strict decoding rejects malformed bytes', () => {
    expect(() => fromUtf8(Uint8Array.from([0xc3]))).toThrow(TypeError);
    expect(() => fromUtf8(Uint8Array.from([0xff, 0x41]))).toThrow(TypeError);
    expect(() => fromUtf8(Uint8Array.from([0xed, 0xa0, 0x80]))).toThrow(TypeError); // a lone surrogate
  });
});

describe('hex', () => {
  it('agrees with Buffer and round-trips', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 200 }), (b) => {
        const hex = toHex(b);
        expect(hex).toBe(Buffer.from(b).toString('hex'));
        expect(fromHex(hex)).toEqual(new Uint8Array(b));
        expect(fromHex(hex.toUpperCase())).toEqual(new Uint8Array(b));
        expect(toHex(b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength))).toBe(hex);
      }),
    );
  });

  it('rejects odd lengths and non-hex characters', () => {
    for (const bad of ['abc', '0g', 'zz', ' 00', '0x00'])
      expect(() => fromHex(bad)).toThrow(TypeError);
  });
});

describe('base64', () => {
  it('agrees with Buffer, including chunk boundaries past 32 KiB', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (b) => {
        const s = toBase64(b);
        expect(s).toBe(Buffer.from(b).toString('base64'));
        expect(fromBase64(s)).toEqual(new Uint8Array(b));
      }),
    );
    // A deterministic pattern: randomBytes() cannot exceed 64 KiB (getRandomValues quota).
    const big = Uint8Array.from({ length: 0x8000 * 2 + 17 }, (_, i) => (i * 31 + 7) & 0xff);
    expect(toBase64(big)).toBe(Buffer.from(big).toString('base64'));
  });

  it('accepts URL-safe, unpadded and wrapped input (pasted keys)', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 1, maxLength: 120 }), (b) => {
        const url = Buffer.from(b).toString('base64url');
        expect(fromBase64(url)).toEqual(new Uint8Array(b));
        const wrapped = (
          Buffer.from(b)
            .toString('base64')
            .match(/.{1,16}/g) ?? []
        ).join('\n ');
        expect(fromBase64(wrapped)).toEqual(new Uint8Array(b));
      }),
    );
  });

  it('rejects characters outside the alphabet', () => {
    for (const bad of ['ab$d', 'a*==', '中文']) expect(() => fromBase64(bad)).toThrow(TypeError);
  });
});

describe('concat, equality, randomness', () => {
  it('concatBytes equals Buffer.concat', () => {
    fc.assert(
      fc.property(fc.array(fc.uint8Array({ maxLength: 40 }), { maxLength: 6 }), (parts) => {
        expect(Buffer.from(concatBytes(...parts))).toEqual(Buffer.concat(parts));
      }),
    );
  });

  it('bytesEqual: equal iff same length and same bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 32 }), fc.uint8Array({ maxLength: 32 }), (a, b) => {
        expect(bytesEqual(a, b)).toBe(Buffer.from(a).equals(Buffer.from(b)));
        expect(bytesEqual(a, Uint8Array.from(a))).toBe(true);
      }),
    );
    expect(bytesEqual(Uint8Array.from([1, 2]), Uint8Array.from([1, 3]))).toBe(false);
  });

  it('randomBytes gives the length asked for, and differs between calls', () => {
    expect(randomBytes(16)).toHaveLength(16);
    expect(toHex(randomBytes(16))).not.toBe(toHex(randomBytes(16)));
  });

  it('randomAlphanumeric: exact length, alphabet only, every symbol reachable', () => {
    for (const n of [0, 1, 32, 128]) {
      const s = randomAlphanumeric(n);
      expect(s).toHaveLength(n);
      expect(s).toMatch(/^[A-Za-z0-9]*$/);
    }
    const seen = new Set(randomAlphanumeric(20_000));
    expect(seen.size).toBe(62);
  });
});

describe('isCanonicalBase64', () => {
  it('accepts what toBase64 writes, with its byte length', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (b) => {
        const s = toBase64(b);
        expect(isCanonicalBase64(s)).toBe(true);
        expect(base64ByteLength(s)).toBe(b.length);
      }),
    );
  });

  it('refuses every other spelling: no padding, extra padding, non-zero spare bits, URL-safe', () => {
    for (const s of [
      'A',
      'AB',
      'A==',
      'A===',
      '====',
      'AB=',
      'AB==C',
      'QR==',
      'QUJ=',
      '-_==',
      'QQ ==',
    ]) {
      expect(isCanonicalBase64(s)).toBe(false);
    }
    for (const s of ['', 'QQ==', 'QUI=', 'QUJD']) expect(isCanonicalBase64(s)).toBe(true);
  });

  it('never accepts a string atob would refuse', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9+/=]{0,12}$/), (s) => {
        if (isCanonicalBase64(s)) expect(() => fromBase64(s)).not.toThrow();
      }),
    );
  });
});
