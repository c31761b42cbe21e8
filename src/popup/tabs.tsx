/**
 * The popup's sections as ARIA tabs (WAI-ARIA Authoring Practices, "Tabs with automatic
 * activation"): one tab stop, arrow keys, Home and End move between the tabs and show each panel.
 */
import type { ComponentChildren, Ref } from 'preact';

export interface TabSpec<Id extends string> {
  id: Id;
  label: string;
  /** A count shown beside the label (pending transfers), when more than 0. */
  count?: number;
}

export const tabId = (id: string) => `tab-${id}`;
export const panelId = (id: string) => `panel-${id}`;

export function TabList<Id extends string>(props: {
  label: string;
  tabs: TabSpec<Id>[];
  selected: Id;
  onSelect: (id: Id) => void;
  /** Pointer or focus on a tab: a chance to load its code before it is chosen. */
  onHint?: (id: Id) => void;
  listRef?: Ref<HTMLDivElement>;
}) {
  const { tabs, selected } = props;
  function onKeyDown(e: KeyboardEvent) {
    const at = tabs.findIndex((x) => x.id === selected);
    const to =
      e.key === 'ArrowRight'
        ? (at + 1) % tabs.length
        : e.key === 'ArrowLeft'
          ? (at - 1 + tabs.length) % tabs.length
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? tabs.length - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    const next = tabs[to]!.id;
    props.onSelect(next);
    document.getElementById(tabId(next))?.focus();
  }
  return (
    <div role="tablist" aria-label={props.label} class="tabs" ref={props.listRef}>
      {tabs.map((x) => (
        <button
          key={x.id}
          type="button"
          role="tab"
          id={tabId(x.id)}
          aria-controls={panelId(x.id)}
          aria-selected={x.id === selected}
          tabIndex={x.id === selected ? 0 : -1}
          onClick={() => props.onSelect(x.id)}
          onKeyDown={onKeyDown}
          onPointerEnter={() => props.onHint?.(x.id)}
          onFocus={() => props.onHint?.(x.id)}
        >
          {x.label}
          {x.count ? <span class="count">{x.count}</span> : null}
        </button>
      ))}
    </div>
  );
}

export function TabPanel(props: {
  id: string;
  selected: boolean;
  children: ComponentChildren;
  panelRef?: Ref<HTMLDivElement>;
}) {
  return (
    <div
      role="tabpanel"
      id={panelId(props.id)}
      aria-labelledby={tabId(props.id)}
      hidden={!props.selected}
      tabIndex={0}
      class="stack"
      ref={props.panelRef}
    >
      {props.children}
    </div>
  );
}
