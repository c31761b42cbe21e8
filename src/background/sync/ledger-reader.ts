/**
 * Reading a stored ledger back: pages newest first for the popup's virtualised list, the per-token
 * summary and a status line. Reads never hold more than the requested page (at most two chunks).
 *
 * Records only ever get appended within a generation, so positions below the meta's `count` never
 * change under a reader; a reset writes a new generation, and a reader that meets a missing chunk
 * of its (old) generation reads the meta again.
 */
import { errors } from '../../core/errors';
import {
  LEDGER_READ_MAX,
  type LedgerPage,
  type LedgerRecord,
  type LedgerStatus,
  type LedgerSummaryRow,
} from '../../core/ledger';
import { flowRows } from './net-flow';
import { CHUNK_SIZE, chunkOf, type LedgerMeta, type LedgerStore } from './ledger-store';

export interface LedgerReader {
  /** Up to `limit` (≤ 1000) records, newest first, starting `offset` records from the newest. */
  readPage(offset: number, limit: number): Promise<LedgerPage>;
  /** Net flow per token over everything stored, tokens in alphabetical order. */
  summary(): Promise<LedgerSummaryRow[]>;
  status(): Promise<LedgerStatus>;
}

function badArgs(en: string, zh: string) {
  return errors.invalid_input({ en, zh }, { platform: 'biyong', endpoint: 'ledger-read' });
}

/** `openId`: when given, a ledger stored for another account reads as empty. */
export function createLedgerReader(store: LedgerStore, openId?: string): LedgerReader {
  async function meta(): Promise<LedgerMeta | undefined> {
    const m = await store.readMeta();
    return m && (openId === undefined || m.openId === openId) ? m : undefined;
  }

  async function slice(m: LedgerMeta, lo: number, hi: number): Promise<LedgerRecord[] | undefined> {
    const first = chunkOf(lo);
    const indices: number[] = [];
    for (let c = first; c <= chunkOf(hi - 1); c++) indices.push(c);
    const chunks = await store.readChunks(m.generation, indices);
    const out: LedgerRecord[] = [];
    for (let i = hi - 1; i >= lo; i--) {
      const rec = chunks[chunkOf(i) - first]?.[i % CHUNK_SIZE];
      if (!rec) return undefined;
      out.push(rec);
    }
    return out;
  }

  return {
    async readPage(offset, limit) {
      if (!Number.isSafeInteger(offset) || offset < 0) {
        throw badArgs('offset must be an integer from 0', 'offset 必须是从 0 开始的整数');
      }
      if (!Number.isSafeInteger(limit) || limit < 1 || limit > LEDGER_READ_MAX) {
        throw badArgs(
          `limit must be 1–${LEDGER_READ_MAX}`,
          `limit 必须在 1~${LEDGER_READ_MAX} 之间`,
        );
      }
      // Twice at most: the second time after a reset replaced the generation we were reading.
      for (let attempt = 0; attempt < 2; attempt++) {
        const m = await meta();
        if (!m) return { offset, total: 0, records: [] };
        const hi = m.count - offset;
        if (hi <= 0) return { offset, total: m.count, records: [] };
        const records = await slice(m, Math.max(0, hi - limit), hi);
        if (records) return { offset, total: m.count, records };
      }
      throw errors.internal(
        { en: 'The stored ledger is damaged; sync again', zh: '本地资金流水已损坏，请重新同步' },
        { platform: 'biyong', endpoint: 'ledger-read' },
      );
    },

    async summary() {
      const m = await meta();
      return m ? flowRows(m.flows) : [];
    },

    async status() {
      const m = await meta();
      return {
        total: m?.count ?? 0,
        newestTime: m?.newestTime ?? null,
        lastSyncedAt: m?.lastSyncedAt ?? null,
        partial: m?.run != null,
      };
    },
  };
}
