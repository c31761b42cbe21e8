/**
 * One ledger page folded into the stored state, as a pure function: which records are new, the
 * chunks to write, and the meta after them. The caller commits the result in one transaction.
 */
import { errors } from '../../core/errors';
import type { LedgerRecord } from '../../core/ledger';
import { addFlows } from './net-flow';
import { addOne, isEmpty, sameTimeKey, takeOne } from './record-id';
import { CHUNK_SIZE, chunkOf, type LedgerMeta, type SyncRun } from './ledger-store';

/**
 * The platform no longer holds records we stored at our newest time (its history was rewritten,
 * e.g. a reseeded sandbox): the stored ledger cannot be extended and must be synced anew.
 */
export class LedgerDiverged extends Error {
  constructor() {
    super('stored ledger records are missing from the platform');
    this.name = 'LedgerDiverged';
  }
}

export type RunningMeta = LedgerMeta & { run: SyncRun };

export interface PageOutcome {
  /** The meta after this page; the run's cursor is left for the caller to advance. */
  meta: RunningMeta;
  chunks: Array<[number, LedgerRecord[]]>;
  /** Contents of the partial chunk at the new end (empty when the last chunk is full). */
  tail: LedgerRecord[];
  added: number;
}

export function applyPage(
  meta: RunningMeta,
  tail: readonly LedgerRecord[],
  records: readonly LedgerRecord[],
): PageOutcome {
  const { startTime } = meta.run;
  const skip = { ...meta.run.skip };
  let newestTime = meta.newestTime;
  const fresh: LedgerRecord[] = [];

  for (const r of records) {
    // Seed 002 does not state an order; the sandbox (and the incremental window) rely on oldest
    // first. A record older than one we hold means paging by offset would lose or repeat records.
    if (newestTime !== null && r.time < newestTime) {
      throw errors.bad_response(
        { en: 'The ledger did not arrive in time order', zh: '资金流水未按时间顺序返回' },
        { platform: 'biyong', endpoint: '/biyong-user/balance/page' },
      );
    }
    if (startTime !== null) {
      if (r.time === startTime && takeOne(skip, sameTimeKey(r))) continue;
      if (r.time > startTime && !isEmpty(skip)) throw new LedgerDiverged();
    }
    fresh.push({ tokenSymbol: r.tokenSymbol, balance: r.balance, time: r.time });
    newestTime = r.time;
  }

  // The identities at the newest time, computed once per page from its end (keys are built only
  // for the records at that millisecond: cheap, and no object grows a property per record).
  let boundary = meta.boundary;
  if (fresh.length > 0) {
    boundary = newestTime === meta.newestTime ? { ...meta.boundary } : {};
    for (let i = fresh.length - 1; i >= 0 && fresh[i]?.time === newestTime; i--) {
      addOne(boundary, sameTimeKey(fresh[i]!));
    }
  }

  const chunks: Array<[number, LedgerRecord[]]> = [];
  let index = chunkOf(meta.count);
  let current = tail.slice();
  for (const r of fresh) {
    current.push(r);
    if (current.length === CHUNK_SIZE) {
      chunks.push([index, current]);
      index++;
      current = [];
    }
  }
  if (fresh.length > 0 && current.length > 0) chunks.push([index, current]);

  return {
    meta: {
      ...meta,
      count: meta.count + fresh.length,
      newestTime,
      boundary,
      flows: fresh.length > 0 ? addFlows(meta.flows, fresh) : meta.flows,
      run: { ...meta.run, skip },
    },
    chunks,
    tail: current,
    added: fresh.length,
  };
}
