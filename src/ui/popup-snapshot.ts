/**
 * The popup's paint-first snapshot. After the popup has rendered its portfolio from data, a
 * copy of that markup (header and account cards) is kept in the extension origin's
 * localStorage; on the next opening, public/popup-snapshot.js — a tiny classic script the HTML
 * parser runs before any module has loaded — puts it on screen at once, inert. main.tsx removes
 * it in the same task as the first real render, so the user sees the stored portfolio, then the
 * live one, never an empty popup. Nothing but what the popup displayed is kept (no tokens, no
 * keys), and the options page removes it when settings or the vault change.
 */
import { POPUP_SNAPSHOT_KEY } from '../core/storage-keys';

/** The `elementtiming` of a snapshot copy gets this suffix, so paints of the two can be told apart. */
export const SNAPSHOT_TIMING_SUFFIX = '-snapshot';

/** Keep `parts` (rendered elements, in order) as the next opening's first paint. */
export function saveSnapshot(parts: (Element | null | undefined)[], lang: string): void {
  const main = document.createElement('main');
  for (const part of parts) {
    if (!part) return;
    main.append(part.cloneNode(true));
  }
  for (const el of main.querySelectorAll('[elementtiming]')) {
    el.setAttribute(
      'elementtiming',
      `${el.getAttribute('elementtiming')}${SNAPSHOT_TIMING_SUFFIX}`,
    );
  }
  // A copy is for looking at: no ids to clash with, no form state to keep.
  for (const el of main.querySelectorAll('[id]')) el.removeAttribute('id');
  try {
    localStorage.setItem(POPUP_SNAPSHOT_KEY, JSON.stringify({ lang, html: main.outerHTML }));
  } catch {
    // Storage full or unavailable: the popup still renders, only without the head start.
  }
}

export function clearSnapshot(): void {
  try {
    localStorage.removeItem(POPUP_SNAPSHOT_KEY);
  } catch {
    // Nothing to clear.
  }
}

/** Whether public/popup-snapshot.js has put a snapshot into `app`. */
export function snapshotShown(app: Element): boolean {
  return app.firstElementChild?.hasAttribute('data-snapshot') ?? false;
}

/** After the next frame has been produced (a task after its animation-frame callbacks). */
export function nextFrame(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
}

/** Take the snapshot off the page (just before the real render, in the same task). */
export function removeSnapshotView(app: Element): void {
  app.replaceChildren();
}
