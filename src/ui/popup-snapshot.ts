/**
 * The popup's paint-first snapshot. After the popup has rendered its portfolio from data, a
 * copy of that markup (header, summary, tab list and account cards) is kept in the extension
 * origin's localStorage. On the next opening, public/popup-snapshot.js — a tiny classic script at the
 * top of the popup's <head>, so neither stylesheets nor modules hold it up — puts it into #app
 * as soon as the parser has made #app (at once, or when parsing ends), marked `inert` (not
 * focusable or clickable), `aria-busy` and `data-snapshot`, and leaves a performance mark
 * `coindock:snapshot-shown` with how many identities it showed (bench/popup-paint.ts reads it).
 * main.tsx lets that frame paint, then replaces the snapshot with the live popup in the same
 * task as its first render: the user sees the stored portfolio, then the live one, never an
 * empty popup. A damaged snapshot, or one taken by another version of CoinDock, is ignored.
 *
 * Nothing but what the popup displayed is kept (no tokens, no keys), and the storage module
 * (src/ext/storage.ts) removes it when settings or the vault change (a new language, "forget
 * everything"), in whichever extension page is open.
 */
import { POPUP_SNAPSHOT_KEY } from '../core/storage-keys';

/**
 * The `elementtiming` of a snapshot copy gets this suffix, so its paints are never taken for the
 * live cards' (bench/popup-paint.ts times those).
 */
const SNAPSHOT_TIMING_SUFFIX = '-snapshot';

/** Keep `parts` (rendered elements, in order) as the next opening's first paint. */
function saveSnapshot(parts: (Element | null | undefined)[], lang: string): void {
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
  // The popup opens on its first tab, whichever was chosen when the copy was taken.
  main.querySelectorAll('[role=tab]').forEach((tab, i) => {
    tab.setAttribute('aria-selected', String(i === 0));
  });
  try {
    const version = chrome.runtime.getManifest().version;
    localStorage.setItem(
      POPUP_SNAPSHOT_KEY,
      JSON.stringify({ version, lang, html: main.outerHTML }),
    );
  } catch {
    // Storage full or unavailable: the popup still renders, only without the head start.
  }
}

/**
 * Save `parts` now and again after each change to them (debounced); returns the stop. The
 * language is the document's, which the popup sets as it renders.
 */
export function keepSnapshot(parts: (Element | null)[], debounceMs = 100): () => void {
  const save = () => saveSnapshot(parts, document.documentElement.lang);
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(save, debounceMs);
  });
  for (const part of parts) {
    if (part) observer.observe(part, { subtree: true, childList: true, characterData: true });
  }
  save();
  return () => {
    observer.disconnect();
    clearTimeout(timer);
  };
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
