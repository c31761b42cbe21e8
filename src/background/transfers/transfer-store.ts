/**
 * Transfer records in storage.local, changed only by atomic read-modify-write updates. Each is
 * read through its kind's schema (`readTransfers`): one that does not fit is reported once, as a
 * typed error, and left in storage untouched (no change can reach it, none of the others is lost).
 */
import { KEYS } from '../../core/storage-keys';
import type { CoinDockError } from '../../core/errors';
import { readTransfers, type Transfer } from '../../core/transfers';
import type { Store } from '../../core/store';
import { DEFAULT_TIMEOUT_MS } from '../../core/http';

/**
 * A transfer touched less than this ago may still be on its way to the platform (a request's
 * time limit plus margin): neither "sent" nor "never arrived" can be concluded about it yet.
 */
export const IN_FLIGHT_MS = DEFAULT_TIMEOUT_MS + 5_000;

export function createTransferStore(
  store: Store,
  report: (e: CoinDockError) => void = (e) => console.warn(`CoinDock: ${e.message}`),
) {
  const reported = new Set<string>();
  /** The readable transfers; each unreadable one reported once per worker life. */
  function read(stored: Record<string, unknown>): Transfer[] {
    const { transfers, unreadable } = readTransfers(stored);
    for (const e of unreadable) {
      if (reported.has(e.message)) continue;
      reported.add(e.message);
      report(e);
    }
    return transfers;
  }
  const one = (stored: Record<string, unknown>, id: string) =>
    id in stored ? read({ [id]: stored[id] })[0] : undefined;

  const service = {
    async all(): Promise<Transfer[]> {
      return read(await store.get(KEYS.transfers));
    },
    async get(id: string): Promise<Transfer | undefined> {
      return one(await store.get(KEYS.transfers), id);
    },
    /** The transfer `id` if it is one of the kinds `is` accepts. */
    async getOf<T extends Transfer>(
      id: string,
      is: (t: Transfer) => t is T,
    ): Promise<T | undefined> {
      const t = await service.get(id);
      return t && is(t) ? t : undefined;
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
        const cur = one(all, id);
        result = cur ? fn(cur) : undefined;
        if (cur && result && cur.state !== 'pending' && result.state !== cur.state) {
          result = undefined;
        }
        return result ? { ...all, [id]: { ...result, updatedAt: Date.now() } } : all;
      });
      return result;
    },
    /**
     * `change` for a transfer of the kinds `is` accepts (declined for any other): the producer
     * of one kind changes that kind's details only.
     */
    async changeOf<T extends Transfer>(
      id: string,
      is: (t: Transfer) => t is T,
      fn: (t: T) => T | undefined,
    ): Promise<T | undefined> {
      return (await service.change(id, (cur) => (is(cur) ? fn(cur) : undefined))) as T | undefined;
    },
    /** `changeOf`, applied only while the transfer is pending (declined once it is final). */
    async changePending<T extends Transfer>(
      id: string,
      is: (t: Transfer) => t is T,
      fn: (t: T) => T,
    ): Promise<T | undefined> {
      return service.changeOf(id, is, (cur) => (cur.state === 'pending' ? fn(cur) : undefined));
    },
  };
  return service;
}

export type TransferStore = ReturnType<typeof createTransferStore>;
