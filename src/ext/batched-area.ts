/**
 * A chrome.storage area as a store backend, with reads batched: every `get` issued in the same
 * tick goes to the browser as one `get([...keys])` — one IPC instead of one per key (the popup
 * reads eight keys as it opens, and paints only when they are in).
 *
 * Order is kept: a write first sends the reads batched before it, so a read issued before a
 * write sees what was stored before it, exactly as with direct calls.
 */
import type { AreaBackend } from '../core/store';

type Area = Pick<chrome.storage.StorageArea, 'get' | 'set' | 'remove' | 'clear'>;

interface Waiter {
  resolve: (value: unknown) => void;
  reject: (reason: unknown) => void;
}

export function batchedArea(area: Area): AreaBackend {
  let batch: Map<string, Waiter[]> | undefined;

  function flush(): void {
    const reads = batch;
    batch = undefined;
    if (!reads) return;
    area.get([...reads.keys()]).then(
      (found) => {
        for (const [key, waiters] of reads) {
          // Two reads of one key each get their own copy, as two direct reads would.
          waiters.forEach((w, i) => w.resolve(i === 0 ? found[key] : structuredClone(found[key])));
        }
      },
      (e: unknown) => {
        for (const waiters of reads.values()) for (const w of waiters) w.reject(e);
      },
    );
  }

  return {
    get: (key) =>
      new Promise((resolve, reject) => {
        if (!batch) {
          batch = new Map();
          queueMicrotask(flush);
        }
        const waiters = batch.get(key) ?? [];
        waiters.push({ resolve, reject });
        batch.set(key, waiters);
      }),
    set: (key, value) => {
      flush();
      return area.set({ [key]: value });
    },
    remove: (key) => {
      flush();
      return area.remove(key);
    },
    clear: () => {
      flush();
      return area.clear();
    },
  };
}
