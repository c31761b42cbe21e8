import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { PLATFORMS } from '../core/platform';
import { everyPlatform, somePlatforms } from './by-platform';

// What import.meta.glob hands over: paths relative to src/providers, in file-system order.
const found = (ids: readonly string[], file: string) =>
  Object.fromEntries([...ids].sort().map((id) => [`./${id}/${file}`, `${id}:${file}`]));

describe('provider tables found by file name', () => {
  it('puts every platform’s file under its id, in the order of PLATFORMS', () => {
    const table = everyPlatform(found(PLATFORMS, 'adapter.ts'), 'adapter.ts');
    expect(Object.keys(table)).toEqual([...PLATFORMS]);
    for (const p of PLATFORMS) expect(table[p]).toBe(`${p}:adapter.ts`);
  });

  it('names the platform whose file is missing', () => {
    const withoutGow = PLATFORMS.filter((p) => p !== 'gow');
    expect(() => everyPlatform(found(withoutGow, 'description.ts'), 'description.ts')).toThrow(
      'src/providers/{gow}/description.ts is missing',
    );
  });

  it('refuses a folder that is not in PLATFORMS, naming the file and where to add it', () => {
    const withNew = [...PLATFORMS, 'stray'];
    expect(() => everyPlatform(found(withNew, 'adapter.ts'), 'adapter.ts')).toThrow(
      'src/providers/stray/adapter.ts: "stray" is not in PLATFORMS (src/core/platform.ts)',
    );
    expect(() => somePlatforms(found(['stray'], 'return-decode.ts'), 'return-decode.ts')).toThrow(
      /stray/,
    );
  });

  it('refuses a file without a default export', () => {
    const table = { ...found(PLATFORMS, 'adapter.ts'), './hicoin/adapter.ts': undefined };
    expect(() => everyPlatform(table, 'adapter.ts')).toThrow(
      'src/providers/hicoin/adapter.ts has no default export',
    );
  });

  it('keeps only the platforms that have an optional file, in the order of PLATFORMS', () => {
    const table = somePlatforms(found(['hicoin', 'fomo'], 'return-decode.ts'), 'return-decode.ts');
    expect(Object.keys(table)).toEqual(['fomo', 'hicoin']);
  });

  it('finds exactly the platforms of PLATFORMS among src/providers’ folders', () => {
    const here = fileURLToPath(new URL('.', import.meta.url));
    const folders = readdirSync(here, { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(folders.sort()).toEqual([...PLATFORMS].sort());
  });
});
