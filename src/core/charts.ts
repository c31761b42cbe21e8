/**
 * The two pictures of the popup, as data the worker computes from what it stores and the popup
 * draws (src/popup/activity/charts.tsx): BiYong's per-token ledger over time and Grand Chain's
 * balance history. Plain JSON-safe data; amounts are exact decimal strings (Grand Chain's in fen,
 * an integer), never floats.
 */

/** How many tokens the ledger chart draws: the most active ones (as the net flow lists them). */
export const LEDGER_CHART_TOKENS = 3;
/** Equal time buckets the ledger's span is cut into (one point of each line per bucket). */
export const LEDGER_CHART_BUCKETS = 24;

export interface LedgerChartToken {
  token: string;
  /** Records of this token. */
  count: number;
  /** Sum of the token's positive changes ("0" when none); normalised decimal. */
  inflow: string;
  /** Sum of its negative changes, negative ("-12.5") or "0". */
  outflow: string;
  /** inflow + outflow: the last point. */
  net: string;
  /** Cumulative net flow at the end of each bucket, oldest first: `buckets` exact decimals. */
  points: string[];
}

/**
 * BiYong's stored ledger, per token, over its whole span: bucket k covers
 * [from + k·(to − from)/buckets, from + (k+1)·(to − from)/buckets), the last one including `to`.
 */
export interface LedgerChartView {
  /** Oldest and newest record times (ms); null when nothing is stored. */
  from: number | null;
  to: number | null;
  /** 0 with no records; 1 when every record has the same time. */
  buckets: number;
  tokens: LedgerChartToken[];
  /** Tokens stored but not drawn (beyond the most active LEDGER_CHART_TOKENS). */
  others: number;
}

/** Grand Chain's balance in fen after one change of its history. */
export interface BalancePoint {
  time: number;
  /** Balance after the change, fen (an integer as a decimal string). */
  fen: string;
  /** The change itself, fen, signed. */
  deltaFen: string;
}

export interface BalanceHistoryView {
  /** The balance Grand Chain last reported (with a transfer or a receive) and when; null before. */
  reported: { time: number; fen: string } | null;
  /** Balance before the oldest point; null when unknown (see `complete`). */
  startFen: string | null;
  /** Oldest first. */
  points: BalancePoint[];
  /**
   * False when walking back from the reported balance met a change history does not explain
   * (the balance would go below zero: money added outside the history, e.g. a top-up): older
   * balances are then unknown and left out.
   */
  complete: boolean;
}
