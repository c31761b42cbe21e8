import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { POPUP_SNAPSHOT_KEY } from '../core/storage-keys';

// public/popup-snapshot.js is plain JS (it runs before any module and imports nothing), so the
// key it reads is written out there: it must be the key the popup writes.
describe('popup snapshot key', () => {
  const script = readFileSync(join(import.meta.dirname, '../../public/popup-snapshot.js'), 'utf8');

  it('is the one the classic script reads', () => {
    const read = [...script.matchAll(/localStorage\.getItem\('([^']+)'\)/g)].map((m) => m[1]);
    expect(read).toEqual([POPUP_SNAPSHOT_KEY]);
  });

  it('is versioned, so a change of markup can start afresh', () => {
    expect(POPUP_SNAPSHOT_KEY).toMatch(/\.v\d+$/);
  });
});
