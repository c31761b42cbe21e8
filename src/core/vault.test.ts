import { describe, expect, it } from 'vitest';
import { createVault, exportKey, importKey, open, rekey, unlock, MIN_ITERATIONS } from './vault';
import { fromBase64, toBase64 } from './bytes';
import { hasCode } from './errors';

// PBKDF2 at 600k iterations takes ~0.3 s in Node: these tests use the real minimum on purpose.
const secrets = { 'gow.secretKey': 'gow-secret-XYZ', 'token.fomo': 'at-123' };

describe('vault', () => {
  it('round-trips secrets and never stores them in clear', async () => {
    const { sealed } = await createVault('correct horse battery', secrets);
    const text = JSON.stringify(sealed);
    expect(text).not.toContain('gow-secret-XYZ');
    expect(text).not.toContain('at-123');
    expect(sealed.kdf.iterations).toBeGreaterThanOrEqual(MIN_ITERATIONS);
    expect(fromBase64(sealed.kdf.salt)).toHaveLength(16);
    expect((await unlock(sealed, 'correct horse battery')).secrets).toEqual(secrets);
  });

  it('uses a fresh salt and IVs every time', async () => {
    const a = (await createVault('correct horse battery', secrets)).sealed;
    const b = (await createVault('correct horse battery', secrets)).sealed;
    expect(a.kdf.salt).not.toBe(b.kdf.salt);
    expect(a.data.iv).not.toBe(b.data.iv);
  });

  it('tells a wrong passphrase from damaged data', async () => {
    const { sealed } = await createVault('correct horse battery', secrets);
    await expect(unlock(sealed, 'wrong horse battery')).rejects.toSatisfy((e) =>
      hasCode(e, 'locked'),
    );

    const ct = fromBase64(sealed.data.ct);
    ct[0] = (ct[0] ?? 0) ^ 1;
    const damaged = { ...sealed, data: { ...sealed.data, ct: toBase64(ct) } };
    await expect(unlock(damaged, 'correct horse battery')).rejects.toSatisfy((e) =>
      hasCode(e, 'bad_response'),
    );
    await expect(unlock({ hello: 'world' }, 'x')).rejects.toSatisfy((e) =>
      hasCode(e, 'bad_response'),
    );
  });

  it('refuses weakened parameters: lowered iterations fail the schema, other edited parameters fail decryption', async () => {
    const { sealed } = await createVault('correct horse battery', secrets);
    const weaker = { ...sealed, kdf: { ...sealed.kdf, iterations: 1000 } };
    await expect(unlock(weaker, 'correct horse battery')).rejects.toSatisfy((e) =>
      hasCode(e, 'bad_response'),
    );
    const raised = { ...sealed, kdf: { ...sealed.kdf, iterations: sealed.kdf.iterations + 1 } };
    await expect(unlock(raised, 'correct horse battery')).rejects.toSatisfy((e) =>
      hasCode(e, 'locked'),
    );
  });

  it('opens again with the exported session key, as after a worker restart', async () => {
    const { sealed, key } = await createVault('correct horse battery', secrets);
    const again = await importKey(await exportKey(key));
    expect(await open(sealed, again)).toEqual(secrets);
  });

  it('changes the passphrase and raises iterations by re-encrypting', async () => {
    const { sealed } = await createVault('correct horse battery', secrets);
    const { sealed: next } = await rekey(
      sealed,
      'correct horse battery',
      'new passphrase 2',
      MIN_ITERATIONS + 10_000,
    );
    expect(next.kdf.iterations).toBe(MIN_ITERATIONS + 10_000);
    expect((await unlock(next, 'new passphrase 2')).secrets).toEqual(secrets);
    await expect(unlock(next, 'correct horse battery')).rejects.toSatisfy((e) =>
      hasCode(e, 'locked'),
    );
  });

  it('rejects short passphrases and too few iterations', async () => {
    await expect(createVault('short')).rejects.toSatisfy((e) => hasCode(e, 'invalid_input'));
    await expect(createVault('long enough pass', {}, 1000)).rejects.toSatisfy((e) =>
      hasCode(e, 'invalid_input'),
    );
  });
});
