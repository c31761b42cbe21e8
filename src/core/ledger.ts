/**
 * What a synced ledger looks like to every context: the records, the pages the popup's virtualised
 * list asks for, the per-token summary and the outcome of a sync. Plain JSON-safe data, so it can
 * cross the message boundary as is (architecture.md: contexts talk through messages and storage).
 *
 * The BiYong ledger (/biyong-user/balance/page, docs/providers/biyong.md, Endpoints) is the one
 * synced today; the shapes are platform-neutral so another platform's history can use them later.
 */

/** One ledger entry, as BiYong sends it. Amounts are exact decimal strings, never floats. */
export interface LedgerRecord {
  tokenSymbol: string;
  /** The signed change ("-0.05000000", "10.32"). */
  balance: string;
  /** Epoch milliseconds. */
  time: number;
}

/** Largest page a reader may ask for: what a virtualised list shows at once, with room to spare. */
export const LEDGER_READ_MAX = 1000;

/** A slice of the stored ledger, newest first: `records[0]` is the record at position `offset`. */
export interface LedgerPage {
  offset: number;
  /** How many records are stored in all (the list's length). */
  total: number;
  records: LedgerRecord[];
}

/** Net flow of one token over the whole stored ledger. */
export interface LedgerSummaryRow {
  token: string;
  /** Exact sum of every change, as a normalised decimal string ("-1.5", "0", "1234.0001"). */
  net: string;
  /** How many records of this token are stored. */
  count: number;
}

/** What is stored, for a status line ("12,345 records, synced 2 minutes ago"). */
export interface LedgerStatus {
  total: number;
  /** Time of the newest stored record (epoch ms), null while empty. */
  newestTime: number | null;
  /** When the last sync finished (epoch ms), null if none has finished yet. */
  lastSyncedAt: number | null;
  /** A sync was stopped part-way; the next one resumes where it stopped. */
  partial: boolean;
}

/** The outcome of one finished sync. */
export interface LedgerSyncResult {
  /** Records new to the store in this run. */
  added: number;
  /** Ledger requests made in this run (a sync with nothing new makes exactly one). */
  requests: number;
  /** Records stored in all after the run. */
  total: number;
  newestTime: number | null;
  /** The run carried on from a sync that had been stopped part-way. */
  resumed: boolean;
  /**
   * The stored ledger was dropped and synced from the start: another account, or the platform's
   * history no longer holds the records at our newest time (e.g. a reseeded sandbox).
   */
  reset: boolean;
  /** When the run finished (epoch ms). */
  syncedAt: number;
}
