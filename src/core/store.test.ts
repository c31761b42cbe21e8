import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import { createStore, defineKey, memoryArea, type Migration } from './store';
import { createSerialQueue } from './queue';

function backends() {
  return { local: memoryArea(), session: memoryArea() };
}
const counter = defineKey('local', 'counter', v.number(), () => 0);
const list = defineKey('session', 'list', v.array(v.string()), () => []);

describe('store', () => {
  it('returns a fresh default when nothing is stored', async () => {
    const store = createStore(backends());
    const a = await store.get(list);
    a.push('mutated');
    expect(await store.get(list)).toEqual([]);
  });

  it('keeps every one of 100 concurrent read-modify-write updates', async () => {
    const store = createStore(backends());
    await Promise.all(Array.from({ length: 100 }, () => store.update(counter, (n) => n + 1)));
    expect(await store.get(counter)).toBe(100);
  });

  it('falls back to the default and reports a stored value that fails its schema', async () => {
    const b = backends();
    await b.local.set('counter', 'not a number');
    const invalid: string[] = [];
    const store = createStore(b, (k) => invalid.push(k));
    expect(await store.get(counter)).toBe(0);
    expect(invalid).toEqual(['counter']);
    // The bad raw value is not destroyed by a read.
    expect(await b.local.get('counter')).toBe('not a number');
  });

  it('keeps areas apart', async () => {
    const b = backends();
    const store = createStore(b);
    await store.set(list, ['x']);
    expect(b.session.dump()).toEqual({ list: ['x'] });
    expect(b.local.dump()).toEqual({});
  });

  it('runs migrations in order, each once, and records the version', async () => {
    const b = backends();
    const store = createStore(b);
    const ran: number[] = [];
    const migrations: Migration[] = [
      {
        version: 2,
        description: 'double',
        run: async (s) => void (await s.update(counter, (n) => n * 2), ran.push(2)),
      },
      {
        version: 1,
        description: 'seed',
        run: async (s) => void (await s.set(counter, 5), ran.push(1)),
      },
    ];
    expect(await store.migrate(migrations)).toEqual([1, 2]);
    expect(await store.get(counter)).toBe(10);
    expect(await store.migrate(migrations)).toEqual([]);
    expect(ran).toEqual([1, 2]);
    expect(await b.local.get('schemaVersion')).toBe(2);
  });

  it('a failing migration stops the list and is retried next time', async () => {
    const b = backends();
    const store = createStore(b);
    let fail = true;
    const migrations: Migration[] = [
      { version: 1, description: 'ok', run: async (s) => s.set(counter, 1) },
      {
        version: 2,
        description: 'flaky',
        run: async () => {
          if (fail) throw new Error('disk full');
        },
      },
    ];
    await expect(store.migrate(migrations)).rejects.toThrow('disk full');
    expect(await b.local.get('schemaVersion')).toBe(1);
    fail = false;
    expect(await store.migrate(migrations)).toEqual([2]);
  });
});

describe('serial queue', () => {
  it('runs tasks one at a time in order, and a failure does not stop the queue', async () => {
    const q = createSerialQueue();
    const log: string[] = [];
    const slow = (name: string, ms: number) => () =>
      new Promise<string>((r) => setTimeout(() => (log.push(name), r(name)), ms));
    const a = q.run(slow('a', 30));
    const b = q.run(() => Promise.reject(new Error('b failed')));
    const c = q.run(slow('c', 1));
    await expect(b).rejects.toThrow('b failed');
    expect(await Promise.all([a, c])).toEqual(['a', 'c']);
    expect(log).toEqual(['a', 'c']);
    await q.idle();
  });
});
