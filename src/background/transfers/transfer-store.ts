/** Transfer records in storage.local, changed only by atomic read-modify-write updates. */
import { KEYS } from '../../core/storage-keys';
import type { Transfer } from '../../core/transfers';
import type { Store } from '../../core/store';
import { DEFAULT_TIMEOUT_MS } from '../../core/http';

/**
 * A transfer touched less than this ago may still be on its way to the platform (a request's
 * time limit plus margin): neither "sent" nor "never arrived" can be concluded about it yet.
 */
export const IN_FLIGHT_MS = DEFAULT_TIMEOUT_MS + 5_000;

export function createTransferStore(store: Store) {
  return {
    async all(): Promise<Transfer[]> {
      return Object.values(await store.get(KEYS.transfers)).sort(
        (a, b) => b.createdAt - a.createdAt,
      );
    },
    async get(id: string): Promise<Transfer | undefined> {
      return (await store.get(KEYS.transfers))[id];
    },
    /** Insert a new transfer; refuses an id that exists (a trade_id is never reused). */
    async insert(t: Transfer): Promise<boolean> {
      let inserted = false;
      await store.update(KEYS.transfers, (all) => {
        if (all[t.id]) return all;
        inserted = true;
        return { ...all, [t.id]: t };
      });
      return inserted;
    },
    /** Apply `fn` atomically; returns the updated transfer, or undefined when `fn` declines. */
    async change(
      id: string,
      fn: (t: Transfer) => Transfer | undefined,
    ): Promise<Transfer | undefined> {
      let result: Transfer | undefined;
      await store.update(KEYS.transfers, (all) => {
        const cur = all[id];
        result = cur ? fn(cur) : undefined;
        return result ? { ...all, [id]: { ...result, updatedAt: Date.now() } } : all;
      });
      return result;
    },
  };
}

export type TransferStore = ReturnType<typeof createTransferStore>;
