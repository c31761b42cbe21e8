/**
 * A virtualised list: only the rows in view (plus a few either side) are in the DOM, so a list
 * of 100,000 rows costs what 20 do. Rows have one fixed height, which makes the window a matter of
 * arithmetic (`windowOf`) and the scroll height exact.
 *
 * Keyboard: the list is one tab stop (role="listbox", rows role="option" with their position in
 * the whole list, aria-setsize/aria-posinset); ↑/↓ move the active row, PageUp/PageDown by a
 * screen, Home/End to the ends; the active row is scrolled into view and announced through
 * aria-activedescendant.
 */
import type { ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import './virtual-list.css';

export interface RowWindow {
  /** First row rendered (inclusive). */
  start: number;
  /** Last row rendered + 1 (exclusive). */
  end: number;
}

/** Rows [start, end) to render for a viewport at `scrollTop`, `overscan` rows either side. */
export function windowOf(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  total: number,
  overscan = 5,
): RowWindow {
  if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
  const maxTop = Math.max(0, total * rowHeight - viewportHeight);
  const top = Math.min(Math.max(0, scrollTop), maxTop);
  const first = Math.floor(top / rowHeight);
  const visible = Math.ceil((top + Math.max(0, viewportHeight)) / rowHeight);
  return {
    start: Math.max(0, first - overscan),
    end: Math.min(total, Math.max(visible, first + 1) + overscan),
  };
}

/** The scrollTop that brings row `index` fully into view (unchanged if it already is). */
export function scrollToShow(
  index: number,
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
): number {
  const top = index * rowHeight;
  if (top < scrollTop) return top;
  if (top + rowHeight > scrollTop + viewportHeight) return top + rowHeight - viewportHeight;
  return scrollTop;
}

/** Where a key moves the active row; undefined for keys the list does not handle. */
export function keyTarget(
  key: string,
  active: number,
  total: number,
  pageRows: number,
): number | undefined {
  if (total <= 0) return undefined;
  const clamp = (i: number) => Math.min(total - 1, Math.max(0, i));
  switch (key) {
    case 'ArrowDown':
      return clamp(active + 1);
    case 'ArrowUp':
      return clamp(active - 1);
    case 'PageDown':
      return clamp(active + Math.max(1, pageRows));
    case 'PageUp':
      return clamp(active - Math.max(1, pageRows));
    case 'Home':
      return 0;
    case 'End':
      return total - 1;
    default:
      return undefined;
  }
}

export interface VirtualListProps {
  total: number;
  rowHeight: number;
  /** Height of the scrolling viewport in px. */
  height: number;
  /** Accessible name of the list. */
  label: string;
  /** Prefix of the rows' DOM ids (for aria-activedescendant). */
  idPrefix: string;
  /** Row content; called only for rendered rows. */
  renderRow(index: number): ComponentChildren;
  /** Called with the rendered window whenever it changes (load the data it needs). */
  onWindow?(w: RowWindow): void;
  overscan?: number;
  /** Changing it scrolls back to the top (e.g. a new filter). */
  resetKey?: string;
  /** Changing it reports the window again (the data behind the rows was refreshed). */
  dataKey?: string | number;
}

export function VirtualList(p: VirtualListProps) {
  const ref = useRef<HTMLDivElement>(null);
  const [scrollTop, setScrollTop] = useState(0);
  const [active, setActive] = useState(0);
  const win = windowOf(scrollTop, p.height, p.rowHeight, p.total, p.overscan);

  useLayoutEffect(() => {
    if (ref.current) ref.current.scrollTop = 0;
    setScrollTop(0);
    setActive(0);
  }, [p.resetKey]);

  useEffect(() => {
    p.onWindow?.(win);
  }, [win.start, win.end, p.total, p.dataKey]);

  const current = Math.min(active, Math.max(0, p.total - 1));

  function onKeyDown(e: KeyboardEvent) {
    const pageRows = Math.floor(p.height / p.rowHeight);
    const next = keyTarget(e.key, current, p.total, pageRows);
    if (next === undefined) return;
    e.preventDefault();
    setActive(next);
    const el = ref.current;
    if (el) {
      const top = scrollToShow(next, el.scrollTop, p.height, p.rowHeight);
      el.scrollTop = top;
      setScrollTop(top);
    }
  }

  const rows = [];
  for (let i = win.start; i < win.end; i++) {
    rows.push(
      <div
        key={i}
        id={`${p.idPrefix}-${i}`}
        role="option"
        aria-selected={i === current}
        aria-setsize={p.total}
        aria-posinset={i + 1}
        class={i === current ? 'vrow active' : 'vrow'}
        style={{ top: `${i * p.rowHeight}px`, height: `${p.rowHeight}px` }}
        onClick={() => setActive(i)}
      >
        {p.renderRow(i)}
      </div>,
    );
  }

  return (
    <div
      ref={ref}
      class="vlist"
      role="listbox"
      tabIndex={0}
      aria-label={p.label}
      aria-activedescendant={p.total > 0 ? `${p.idPrefix}-${current}` : undefined}
      style={{ height: `${p.height}px` }}
      onScroll={(e) => setScrollTop(e.currentTarget.scrollTop)}
      onKeyDown={onKeyDown}
    >
      <div class="vspacer" style={{ height: `${p.total * p.rowHeight}px` }}>
        {rows}
      </div>
    </div>
  );
}
