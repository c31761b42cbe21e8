/**
 * Typed storage over the key-value areas, with defaults, queued writes and ordered migrations.
 * Areas are injected (`StorageBackends`) so this runs in Node tests; `src/ext/storage.ts` (the one
 * storage module) binds them to `chrome.storage.local` and `chrome.storage.session`, and owns the
 * IndexedDB databases (`DATABASES` in storage-keys.ts) that features keep large data in.
 */
import * as v from 'valibot';
import { createSerialQueue } from './queue';

export type Area = 'local' | 'session';

export interface AreaBackend {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  remove(key: string): Promise<void>;
  clear(): Promise<void>;
}

/** IndexedDB databases as migrations and wipes see them: whole databases, by name. */
export interface DatabaseBackend {
  delete(name: string): Promise<void>;
}

export type StorageBackends = Record<Area, AreaBackend> & {
  /** Absent where there is no IndexedDB (Node tests of key-value logic): nothing to delete. */
  databases?: DatabaseBackend;
};

export interface StorageKey<T> {
  area: Area;
  name: string;
  /** Returned (as a fresh copy) when nothing is stored or the stored value fails the schema. */
  defaultValue: () => T;
  schema: v.GenericSchema<unknown, T>;
}

export function defineKey<T>(
  area: Area,
  name: string,
  schema: v.GenericSchema<unknown, T>,
  defaultValue: () => T,
): StorageKey<T> {
  return { area, name, schema, defaultValue };
}

export interface Migration {
  /** The schema version this migration produces; run in ascending order, each once. */
  version: number;
  description: string;
  run(store: Store): Promise<void>;
}

export interface Store {
  get<T>(key: StorageKey<T>): Promise<T>;
  set<T>(key: StorageKey<T>, value: T): Promise<void>;
  /** Read-modify-write through the queue: concurrent updates never lose each other's changes. */
  update<T>(key: StorageKey<T>, fn: (current: T) => T | Promise<T>): Promise<T>;
  remove<T>(key: StorageKey<T>): Promise<void>;
  /** Run pending migrations; returns the versions applied. */
  migrate(migrations: readonly Migration[]): Promise<number[]>;
  backends: StorageBackends;
}

const VERSION_KEY = 'schemaVersion';

export function createStore(backends: StorageBackends, onInvalid?: (key: string) => void): Store {
  const queue = createSerialQueue();

  async function read<T>(key: StorageKey<T>): Promise<T> {
    const raw = await backends[key.area].get(key.name);
    if (raw === undefined) return key.defaultValue();
    const parsed = v.safeParse(key.schema, raw);
    if (parsed.success) return parsed.output;
    // A stored value that no longer fits its schema is reported, not silently dropped: the
    // caller sees the default, and the raw value stays until something writes the key.
    onInvalid?.(key.name);
    return key.defaultValue();
  }

  const store: Store = {
    backends,
    get: read,
    set: (key, value) => queue.run(() => backends[key.area].set(key.name, value)),
    update: (key, fn) =>
      queue.run(async () => {
        const next = await fn(await read(key));
        await backends[key.area].set(key.name, next);
        return next;
      }),
    remove: (key) => queue.run(() => backends[key.area].remove(key.name)),
    async migrate(migrations) {
      const sorted = [...migrations].sort((a, b) => a.version - b.version);
      return queue.run(async () => {
        const applied: number[] = [];
        let current = Number((await backends.local.get(VERSION_KEY)) ?? 0);
        for (const m of sorted) {
          if (m.version <= current) continue;
          // Migrations write through the backends directly: the queue is already held.
          await m.run(unqueued(store, backends, read));
          await backends.local.set(VERSION_KEY, m.version);
          current = m.version;
          applied.push(m.version);
        }
        return applied;
      });
    },
  };
  return store;
}

function unqueued(
  store: Store,
  backends: StorageBackends,
  read: <T>(key: StorageKey<T>) => Promise<T>,
): Store {
  return {
    ...store,
    get: read,
    set: (key, value) => backends[key.area].set(key.name, value),
    update: async (key, fn) => {
      const next = await fn(await read(key));
      await backends[key.area].set(key.name, next);
      return next;
    },
    remove: (key) => backends[key.area].remove(key.name),
  };
}

/** An in-memory area for tests and for Node scripts. Values are structured-cloned like the real ones. */
export function memoryArea(): AreaBackend & { dump(): Record<string, unknown> } {
  const m = new Map<string, unknown>();
  return {
    get: (k) => Promise.resolve(m.has(k) ? structuredClone(m.get(k)) : undefined),
    set: (k, val) => {
      m.set(k, structuredClone(val));
      return Promise.resolve();
    },
    remove: (k) => {
      m.delete(k);
      return Promise.resolve();
    },
    clear: () => {
      m.clear();
      return Promise.resolve();
    },
    dump: () => Object.fromEntries(m),
  };
}
