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
  const service = {
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
    /**
     * Apply `fn` atomically; returns the updated transfer, or undefined when `fn` declines.
     * A final state is final: a change that would move a succeeded or failed transfer to another
     * state is declined here whoever asks (a late poll answer, a replayed return), so no caller
     * can turn a result the user was told about back into something else.
     */
    async change(
      id: string,
      fn: (t: Transfer) => Transfer | undefined,
    ): Promise<Transfer | undefined> {
      let result: Transfer | undefined;
      await store.update(KEYS.transfers, (all) => {
        const cur = all[id];
        result = cur ? fn(cur) : undefined;
        if (cur && result && cur.state !== 'pending' && result.state !== cur.state) {
          result = undefined;
        }
        return result ? { ...all, [id]: { ...result, updatedAt: Date.now() } } : all;
      });
      return result;
    },
    /** `change`, applied only while the transfer is pending (declined once it is final). */
    async changePending(id: string, fn: (t: Transfer) => Transfer): Promise<Transfer | undefined> {
      return service.change(id, (cur) => (cur.state === 'pending' ? fn(cur) : undefined));
    },
  };
  return service;
}

export type TransferStore = ReturnType<typeof createTransferStore>;
