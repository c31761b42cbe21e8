import { describe, expect, it } from 'vitest';
import { batchedArea } from './batched-area';

/**
 * A stand-in for a chrome.storage area: calls are answered in the order they were made (as the
 * browser does), and every call is recorded.
 */
function fakeArea(initial: Record<string, unknown> = {}) {
  const data = new Map(Object.entries(initial));
  const calls: string[] = [];
  let failNextGet = false;
  let chain = Promise.resolve();
  const later = <T>(work: () => T): Promise<T> => {
    const p = chain.then(work);
    chain = p.then(
      () => undefined,
      () => undefined,
    );
    return p;
  };
  return {
    calls,
    failNextGet: () => (failNextGet = true),
    get(keys: string[]) {
      calls.push(`get ${keys.join(',')}`);
      const fail = failNextGet;
      failNextGet = false;
      return later(() => {
        if (fail) throw new Error('storage unavailable');
        return Object.fromEntries(
          keys.filter((k) => data.has(k)).map((k) => [k, structuredClone(data.get(k))]),
        );
      });
    },
    set(items: Record<string, unknown>) {
      calls.push(`set ${Object.keys(items).join(',')}`);
      return later(() => {
        for (const [k, v] of Object.entries(items)) data.set(k, structuredClone(v));
      });
    },
    remove(key: string) {
      calls.push(`remove ${key}`);
      return later(() => void data.delete(key));
    },
    clear() {
      calls.push('clear');
      return later(() => data.clear());
    },
  };
}

describe('batchedArea', () => {
  it('sends the reads of one tick as one get and answers each with its own value', async () => {
    const area = fakeArea({ a: 1, b: { n: 2 } });
    const backend = batchedArea(area as never);
    const values = await Promise.all([backend.get('a'), backend.get('b'), backend.get('missing')]);
    expect(values).toEqual([1, { n: 2 }, undefined]);
    expect(area.calls).toEqual(['get a,b,missing']);
    // The next tick is a new batch.
    expect(await backend.get('a')).toBe(1);
    expect(area.calls).toEqual(['get a,b,missing', 'get a']);
  });

  it('gives two reads of the same key separate copies', async () => {
    const area = fakeArea({ list: [1, 2] });
    const backend = batchedArea(area as never);
    const [x, y] = (await Promise.all([backend.get('list'), backend.get('list')])) as number[][];
    expect(x).toEqual([1, 2]);
    expect(y).toEqual([1, 2]);
    x!.push(3);
    expect(y).toEqual([1, 2]);
    expect(area.calls).toEqual(['get list']);
  });

  it('keeps the order of a read and a write issued in the same tick', async () => {
    const area = fakeArea({ k: 'old' });
    const backend = batchedArea(area as never);
    const before = backend.get('k');
    const written = backend.set('k', 'new');
    const after = backend.get('k');
    await written;
    expect(await before).toBe('old');
    expect(await after).toBe('new');
    expect(area.calls).toEqual(['get k', 'set k', 'get k']);
  });

  it('sends pending reads before a remove or a clear', async () => {
    const area = fakeArea({ k: 1, j: 2 });
    const backend = batchedArea(area as never);
    const k = backend.get('k');
    const removed = backend.remove('k');
    const j = backend.get('j');
    const cleared = backend.clear();
    await Promise.all([removed, cleared]);
    expect([await k, await j]).toEqual([1, 2]);
    expect(area.calls).toEqual(['get k', 'remove k', 'get j', 'clear']);
  });

  it('rejects every read of a batch whose get failed, and the next batch works', async () => {
    const area = fakeArea({ a: 1 });
    const backend = batchedArea(area as never);
    area.failNextGet();
    const results = await Promise.allSettled([backend.get('a'), backend.get('b')]);
    expect(results.map((r) => r.status)).toEqual(['rejected', 'rejected']);
    expect(await backend.get('a')).toBe(1);
  });
});
