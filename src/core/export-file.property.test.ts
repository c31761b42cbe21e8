/**
 * `readExport` over arbitrary damaged files: whatever the file holds, the answer is a typed
 * CoinDockError (a DOMException from `atob` or WebCrypto, or a TypeError, must never escape), and
 * no file makes it derive a key with more than MAX_ITERATIONS rounds.
 *
 * Inputs are a real export with one or two leaves replaced, deleted or wrapped, truncated text,
 * and arbitrary JSON. Iteration counts inside the allowed range are left out of the generator:
 * each costs a real key derivation (0.15 to 2 s), and the unit tests cover them.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildExport, readExport } from './export-file';
import { isCoinDockError } from './errors';
import { defaultSettings } from './settings';
import { MAX_ITERATIONS, MIN_ITERATIONS } from './vault';

const PASS = 'export passphrase';
let content = '';

beforeAll(async () => {
  content = (await buildExport(PASS, defaultSettings(), { 'gow.secretKey': 'S3CRET' })).content;
});

const LEAVES = [
  ['format'],
  ['version'],
  ['createdAt'],
  ['vault'],
  ['vault', 'format'],
  ['vault', 'version'],
  ['vault', 'kdf'],
  ['vault', 'kdf', 'name'],
  ['vault', 'kdf', 'hash'],
  ['vault', 'kdf', 'iterations'],
  ['vault', 'kdf', 'salt'],
  ['vault', 'cipher'],
  ['vault', 'check'],
  ['vault', 'check', 'iv'],
  ['vault', 'check', 'ct'],
  ['vault', 'data', 'iv'],
  ['vault', 'data', 'ct'],
] as const;

/** Base64 look-alikes: non-canonical padding and trailing bits, URL-safe letters, spaces. */
const base64ish = fc.oneof(
  fc.stringMatching(/^[A-Za-z0-9+/=_\- ]{0,30}$/),
  fc.constantFrom('A', 'A=', 'A==', 'A===', 'AB==', 'AB=', 'ABC', 'ABD=', '====', '=', 'QQ'),
  fc.base64String({ maxLength: 20 }),
);

/** Numbers, the out-of-range ones above all (2^32 − 1 was accepted, 2^32 was a TypeError). */
const number = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(2 ** 32 - 1, 2 ** 32, 2 ** 53, 1e300, -1, 0, 0.5, MIN_ITERATIONS - 1),
  fc.integer({ min: MAX_ITERATIONS + 1, max: Number.MAX_SAFE_INTEGER }),
);

/** Anything but an accepted iteration count or a free-text string (each would derive a key). */
const value = fc
  .oneof(fc.jsonValue({ maxDepth: 2 }), base64ish, number)
  .filter(
    (x) =>
      !(typeof x === 'number' && Number.isInteger(x) && x >= MIN_ITERATIONS && x <= MAX_ITERATIONS),
  );

type Mutation = { path: readonly string[]; op: 'set' | 'delete' | 'wrap'; value: unknown };
const mutation: fc.Arbitrary<Mutation> = fc.record({
  path: fc.constantFrom(...LEAVES),
  op: fc.constantFrom('set', 'set', 'set', 'delete', 'wrap'),
  value,
});

function mutate(text: string, ms: Mutation[]): string {
  const file = JSON.parse(text) as Record<string, unknown>;
  for (const m of ms) {
    let at: Record<string, unknown> = file;
    for (const key of m.path.slice(0, -1)) {
      const next = at[key];
      if (!next || typeof next !== 'object') break;
      at = next as Record<string, unknown>;
    }
    const last = m.path[m.path.length - 1]!;
    // createdAt is free text: only a non-string changes whether the file is accepted.
    if (last === 'createdAt' && m.op === 'set' && typeof m.value === 'string') continue;
    if (m.op === 'delete') delete at[last];
    else if (m.op === 'wrap') at[last] = [at[last]];
    else at[last] = m.value;
  }
  return JSON.stringify(file);
}

const input = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.array(mutation, { minLength: 1, maxLength: 2 }).map((ms) => ({ ms })),
  },
  { weight: 1, arbitrary: fc.nat().map((cut) => ({ cut })) },
  { weight: 1, arbitrary: fc.json({ maxDepth: 3 }).map((text) => ({ text })) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 200 }).map((text) => ({ text })) },
);

describe('readExport over damaged files', () => {
  it('answers 10,000 of them with typed errors only', async () => {
    let untyped = 0;
    let derived = 0;
    const runs = 10_000;
    await fc.assert(
      fc.asyncProperty(input, async (i) => {
        const text =
          'ms' in i
            ? mutate(content, i.ms)
            : 'cut' in i
              ? content.slice(0, i.cut % content.length)
              : i.text;
        try {
          await readExport(text, PASS);
          // Only a mutation that changes nothing that matters may still open.
        } catch (e) {
          if (!isCoinDockError(e)) {
            untyped++;
            throw e;
          }
          // invalid_input is answered before the key derivation; anything else came after it.
          if (e.code !== 'invalid_input') derived++;
        }
      }),
      { numRuns: runs },
    );
    console.info(
      `readExport property: ${runs} inputs, ${untyped} untyped errors, ${derived} reached the key derivation`,
    );
    expect(untyped).toBe(0);
  }, 600_000);
});
