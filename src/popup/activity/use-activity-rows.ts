/**
 * The rows of the activity list as the virtualised list needs them: fetched from the worker in
 * blocks of BLOCK rows around what is on screen, kept in a bounded cache. After a refresh
 * (`version` changes) the rows already shown stay until their new block arrives, so a sync never
 * blanks the list; after a filter change they go at once, since they would be wrong.
 */
import { useRef, useState } from 'preact/hooks';
import { send } from '../../ext/messaging';
import { toCoinDockError, type CoinDockError } from '../../core/errors';
import type { ActivityFilter, ActivityItem } from '../../core/activity';

export const BLOCK = 100;
/** Blocks kept (5,000 rows): what is on screen and around it. */
const BLOCKS_KEPT = 50;

interface Snapshot {
  key: string;
  version: number;
  /** Block 0 was asked for: every snapshot asks once, since it tells the new total. */
  started: boolean;
  total: number | undefined;
  blocks: Map<number, ActivityItem[]>;
  previous: Map<number, ActivityItem[]> | undefined;
  pending: Set<number>;
}

export interface ActivityRows {
  /** Rows matching the filter; undefined until the first block arrived. */
  total: number | undefined;
  /** A row, or undefined while its block is loading. */
  row(index: number): ActivityItem | undefined;
  /** Load the blocks covering rows [start, end). */
  ensure(start: number, end: number): void;
  error: CoinDockError | undefined;
}

export function useActivityRows(filter: ActivityFilter, version: number): ActivityRows {
  const key = JSON.stringify([filter.platform ?? '', filter.token ?? '', filter.query ?? '']);
  const snap = useRef<Snapshot>({
    key,
    version,
    started: false,
    total: undefined,
    blocks: new Map(),
    previous: undefined,
    pending: new Set(),
  });
  const [, rerender] = useState(0);
  const [error, setError] = useState<CoinDockError>();

  let s = snap.current;
  if (s.key !== key || s.version !== version) {
    const sameFilter = s.key === key;
    s = snap.current = {
      key,
      version,
      started: false,
      total: sameFilter ? s.total : undefined,
      blocks: new Map(),
      previous: sameFilter ? (s.blocks.size ? s.blocks : s.previous) : undefined,
      pending: new Set(),
    };
  }

  function load(target: Snapshot, block: number) {
    target.pending.add(block);
    send('activity/page', { ...filter, offset: block * BLOCK, limit: BLOCK }).then(
      (page) => {
        if (snap.current !== target) return;
        target.pending.delete(block);
        target.total = page.total;
        target.blocks.set(block, page.items);
        while (target.blocks.size > BLOCKS_KEPT) {
          target.blocks.delete(target.blocks.keys().next().value!);
        }
        setError(undefined);
        rerender((n) => n + 1);
      },
      (e: unknown) => {
        if (snap.current !== target) return;
        target.pending.delete(block);
        setError(toCoinDockError(e));
      },
    );
  }

  const current = s;
  // Asked for by every new snapshot, not only while the total is unknown: after a sync the list
  // may have grown from 0 rows, and with no list on screen nothing else would ask.
  if (!current.started) {
    current.started = true;
    load(current, 0);
  }

  return {
    total: current.total,
    error,
    row(index) {
      const b = Math.floor(index / BLOCK);
      return (current.blocks.get(b) ?? current.previous?.get(b))?.[index % BLOCK];
    },
    ensure(start, end) {
      if (end <= start) return;
      for (let b = Math.floor(start / BLOCK); b <= Math.floor((end - 1) / BLOCK); b++) {
        if (!current.blocks.has(b) && !current.pending.has(b)) load(current, b);
      }
    },
  };
}
