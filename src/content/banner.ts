/**
 * The in-page banner, in a CLOSED shadow root: page scripts cannot reach into it
 * (`host.shadowRoot` is null for them) and page CSS cannot restyle it. Text only (textContent),
 * never HTML from the URL.
 *
 * Why the `!important`s on `:host`: a page rule such as `* { display: none !important }` matches
 * the host element. For normal declarations the page's rules beat `:host`, but for important
 * ones the shadow tree's win (CSS Cascade 4, §6.1 "Context"), whatever the page's specificity,
 * inline style or `!important`. `all: initial` stops inherited page styles (colour, font…) at
 * the host.
 */
import type { BannerView, Tone } from './banner-text';

const COLORS: Record<Tone, string> = { ok: '#0f7b3f', error: '#b42318', neutral: '#344054' };

const CSS = `
  :host {
    all: initial !important;
    display: block !important;
    position: fixed !important;
    z-index: 2147483647 !important;
    top: 12px !important;
    right: 12px !important;
    visibility: visible !important;
    opacity: 1 !important;
    pointer-events: auto !important;
    transform: none !important;
    contain: content !important;
  }
  .box { font: 14px/1.4 system-ui, sans-serif; color: #fff; border-radius: 8px;
    padding: 10px 14px; max-width: 380px; box-shadow: 0 4px 16px #0004;
    overflow-wrap: anywhere; }
  .box[data-tone="ok"] { background: ${COLORS.ok}; }
  .box[data-tone="error"] { background: ${COLORS.error}; }
  .box[data-tone="neutral"] { background: ${COLORS.neutral}; }
  .head { display: flex; align-items: start; gap: 8px; }
  .status { flex: 1; }
  p { margin: 4px 0 0; }
  .title { font-weight: 600; margin: 0; }
  button { font: inherit; cursor: pointer; color: inherit; }
  .close { all: unset; cursor: pointer; font-weight: 700; padding: 0 4px; }
  .open { margin-top: 8px; background: #fff2; border: 1px solid #fff8; border-radius: 6px;
    padding: 3px 10px; }
  button:focus-visible { outline: 2px solid #fff; outline-offset: 2px; }
`;

export interface BannerHandle {
  /** The page's element holding the closed root (what a page script could see). */
  host: HTMLElement;
  /** The closed root, for this script only. */
  root: ShadowRoot;
  /** Resolves once the view's text is in the live region. */
  filled: Promise<void>;
  update(view: BannerView): void;
  remove(): void;
}

/**
 * A live region announces changes, not content it was inserted with: the region is attached
 * empty and filled a moment later, so screen readers read the outcome out.
 */
const FILL_DELAY_MS = 50;

/**
 * Build the banner and attach it to the page. `onOpen` runs when the button is pressed, with the
 * section of CoinDock to open. The handle (and the closed root) stay in the content script's
 * world; the page sees only an empty custom element.
 */
export function showBanner(
  view: BannerView,
  onOpen: (section: BannerView['action']['section']) => void,
  doc: Document = document,
): BannerHandle {
  const host = doc.createElement('coindock-banner');
  const root = host.attachShadow({ mode: 'closed' });
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls: string) => {
    const e = doc.createElement(tag);
    e.className = cls;
    return e;
  };
  const style = el('style', '');
  style.textContent = CSS;
  const box = el('div', 'box');
  const head = el('div', 'head');
  // role=status: a polite live region holding everything the banner says.
  const status = el('div', 'status');
  status.setAttribute('role', 'status');
  const close = el('button', 'close');
  close.type = 'button';
  close.textContent = '×';
  close.addEventListener('click', () => host.remove());
  head.append(status, close);
  const open = el('button', 'open');
  open.type = 'button';
  let section: BannerView['action']['section'] = view.action.section;
  open.addEventListener('click', () => onOpen(section));
  box.append(head, open);
  root.append(style, box);

  let current = view;
  let live = false;

  function render(): void {
    const v = current;
    box.dataset.tone = v.tone;
    box.lang = v.lang;
    close.setAttribute('aria-label', v.closeLabel);
    close.title = v.closeLabel;
    open.textContent = v.action.label;
    section = v.action.section;
    if (!live) return;
    const title = el('p', 'title');
    title.textContent = v.title;
    const lines = v.lines.map((line) => {
      const p = el('p', 'line');
      p.textContent = line;
      return p;
    });
    status.replaceChildren(title, ...lines);
  }

  function update(v: BannerView): void {
    current = v;
    render();
  }

  // Everything but the live region's text is there from the start.
  render();
  (doc.body ?? doc.documentElement).append(host);
  const filled = new Promise<void>((resolve) => {
    setTimeout(() => {
      live = true;
      render();
      resolve();
    }, FILL_DELAY_MS);
  });
  return { host, root, filled, update, remove: () => host.remove() };
}
