import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeRequestFrame,
  decodeResponseFrame,
  encodeRaw,
  encodeSigned,
  FrameError,
  MAX_SIGNATURE_BYTES,
} from './frame';

/** The same frame assembled independently with Buffer. */
function bufferFrame(sig: Uint8Array, payload: Uint8Array): Buffer {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(sig.length);
  return Buffer.concat([len, Buffer.from(sig), Buffer.from(payload)]);
}

const bytes = (min: number, max: number) => fc.uint8Array({ minLength: min, maxLength: max });

describe('request frame', () => {
  it('lays out timestamp ‖ messageId ‖ JSON big-endian, byte for byte', () => {
    const ts = 1_525_616_709_780;
    const id = Uint8Array.from({ length: 16 }, (_, i) => i + 1);
    const json = new TextEncoder().encode('{"openId":"x"}');
    const raw = encodeRaw(ts, id, json);
    const expected = Buffer.alloc(8);
    expected.writeBigUInt64BE(BigInt(ts));
    expect(Buffer.from(raw)).toEqual(Buffer.concat([expected, Buffer.from(id), Buffer.from(json)]));
  });

  it('round-trips any timestamp, id, JSON and signature', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
        bytes(16, 16),
        bytes(0, 300),
        bytes(1, 600),
        (ts, id, json, sig) => {
          const body = encodeSigned(sig, encodeRaw(ts, id, json));
          expect(Buffer.from(body)).toEqual(bufferFrame(sig, encodeRaw(ts, id, json)));
          const d = decodeRequestFrame(body);
          expect(d.timestampMs).toBe(ts);
          expect(Buffer.from(d.messageId)).toEqual(Buffer.from(id));
          expect(Buffer.from(d.json)).toEqual(Buffer.from(json));
          expect(Buffer.from(d.signature)).toEqual(Buffer.from(sig));
        },
      ),
    );
  });

  it('refuses a messageId that is not 16 bytes and timestamps that do not fit', () => {
    expect(() => encodeRaw(1, new Uint8Array(15), new Uint8Array())).toThrow(RangeError);
    expect(() => encodeRaw(-1, new Uint8Array(16), new Uint8Array())).toThrow(RangeError);
    expect(() => encodeRaw(1.5, new Uint8Array(16), new Uint8Array())).toThrow(RangeError);
    expect(() => encodeSigned(new Uint8Array(0), new Uint8Array(24))).toThrow(RangeError);
  });
});

describe('response frame', () => {
  it('round-trips: signature, messageId and JSON come back as sent', () => {
    fc.assert(
      fc.property(bytes(1, MAX_SIGNATURE_BYTES), bytes(16, 16), bytes(0, 400), (sig, id, json) => {
        const body = bufferFrame(sig, Buffer.concat([id, json]));
        const d = decodeResponseFrame(body);
        if (d.kind !== 'signed') throw new Error('expected a signed frame');
        expect(Buffer.from(d.signature)).toEqual(Buffer.from(sig));
        expect(Buffer.from(d.messageId)).toEqual(Buffer.from(id));
        expect(Buffer.from(d.json)).toEqual(Buffer.from(json));
        expect(Buffer.from(d.signed)).toEqual(Buffer.concat([id, json]));
      }),
    );
  });

  it('a body whose first byte is not 0x00 is a UTF-8 error message', () => {
    const d = decodeResponseFrame(new TextEncoder().encode('验签失败 signature error'));
    expect(d).toEqual({ kind: 'error', message: '验签失败 signature error' });
  });

  it('an error message that is not UTF-8 is a FrameError', () => {
    expect(() => decodeResponseFrame(Uint8Array.from([0x41, 0xff, 0xfe]))).toThrow(FrameError);
  });

  it('truncation at every length gives a FrameError or a frame whose parts lie inside the body', () => {
    const sig = Uint8Array.from({ length: 256 }, (_, i) => i & 0xff);
    const id = Uint8Array.from({ length: 16 }, () => 7);
    const json = new TextEncoder().encode('{"status":"0","data":{"openId":"abc"}}');
    const full = bufferFrame(sig, Buffer.concat([id, json]));
    for (let n = 0; n <= full.length; n++) {
      const cut = full.subarray(0, n);
      if (n < 4 + sig.length + 16) {
        expect(() => decodeResponseFrame(cut), `length ${n}`).toThrow(FrameError);
      } else {
        const d = decodeResponseFrame(cut);
        if (d.kind !== 'signed') throw new Error('expected a signed frame');
        expect(d.signature.length).toBe(sig.length);
        expect(d.json.length).toBe(n - 4 - sig.length - 16);
      }
    }
  });

  it('length fields that lie (zero, bigger than the body, huge) are FrameErrors', () => {
    const frame = (len: number, rest: number) => {
      const b = Buffer.alloc(4 + rest);
      b.writeUInt32BE(len);
      return b;
    };
    expect(() => decodeResponseFrame(frame(0, 100))).toThrow(/zero/);
    expect(() => decodeResponseFrame(frame(200, 100))).toThrow(/exceeds/);
    expect(() => decodeResponseFrame(frame(0x00ffffff, 100))).toThrow(/implausibly/);
    expect(() => decodeResponseFrame(Uint8Array.from([0, 0, 1]))).toThrow(/shorter/);
    expect(() => decodeResponseFrame(new Uint8Array(0))).toThrow(/empty/);
  });

  it('any bytes at all: either a FrameError or parts that add up to the body', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          bytes(0, 64),
          // A first byte of 0 with an arbitrary (often lying) length field and tail.
          fc.tuple(fc.integer({ min: 0, max: 0xffffff }), bytes(0, 300)).map(([len, tail]) => {
            const b = Buffer.alloc(4 + tail.length);
            b.writeUInt32BE(len);
            b.set(tail, 4);
            return new Uint8Array(b);
          }),
        ),
        (body) => {
          let d;
          try {
            d = decodeResponseFrame(body);
          } catch (e) {
            expect(e).toBeInstanceOf(FrameError);
            return;
          }
          if (d.kind === 'signed') {
            const sigLen = Buffer.from(body).readUInt32BE(0);
            expect(d.signature.length).toBe(sigLen);
            expect(4 + d.signature.length + d.messageId.length + d.json.length).toBe(body.length);
            expect(d.messageId.length).toBe(16);
          } else {
            expect(body[0]).not.toBe(0);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
