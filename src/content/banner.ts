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
  .title { font-weight: 600; flex: 1; margin: 0; }
  p { margin: 4px 0 0; }
  button { font: inherit; cursor: pointer; color: inherit; }
  .close { all: unset; cursor: pointer; font-weight: 700; padding: 0 4px; }
  .open { margin-top: 8px; background: #fff2; border: 1px solid #fff8; border-radius: 6px;
    padding: 3px 10px; }
  button:focus-visible { outline: 2px solid #fff; outline-offset: 2px; }
`;

export interface BannerHandle {
  /** The page's element holding the closed root (what a page script could see). */
  host: HTMLElement;
  update(view: BannerView): void;
  remove(): void;
}

/**
 * Build the banner and attach it to the page. `onOpen` runs when the button is pressed, with the
 * section of CoinDock to open. The returned handle (and the closed root) stay in the content
 * script's world; the page sees only an empty custom element.
 */
export function showBanner(
  view: BannerView,
  onOpen: (section: BannerView['action']['section']) => void,
  doc: Document = document,
): BannerHandle & { root: ShadowRoot } {
  const host = doc.createElement('coindock-banner');
  const root = host.attachShadow({ mode: 'closed' });
  const el = <K extends keyof HTMLElementTagNameMap>(tag: K, cls?: string) => {
    const e = doc.createElement(tag);
    if (cls) e.className = cls;
    return e;
  };
  const style = el('style');
  style.textContent = CSS;
  // role=status: a polite live region, so the text that replaces "checking…" is announced.
  const box = el('div', 'box');
  box.setAttribute('role', 'status');
  const head = el('div', 'head');
  const title = el('p', 'title');
  const close = el('button', 'close');
  close.type = 'button';
  close.textContent = '×';
  close.addEventListener('click', () => host.remove());
  head.append(title, close);
  const body = el('div', 'body');
  const open = el('button', 'open');
  open.type = 'button';
  let section: BannerView['action']['section'] = view.action.section;
  open.addEventListener('click', () => onOpen(section));
  box.append(head, body, open);
  root.append(style, box);

  function update(v: BannerView): void {
    box.dataset.tone = v.tone;
    box.lang = v.lang;
    title.textContent = v.title;
    close.setAttribute('aria-label', v.closeLabel);
    close.title = v.closeLabel;
    body.replaceChildren(
      ...v.lines.map((line) => {
        const p = el('p');
        p.textContent = line;
        return p;
      }),
    );
    open.textContent = v.action.label;
    section = v.action.section;
  }

  update(view);
  (doc.body ?? doc.documentElement).append(host);
  return { host, root, update, remove: () => host.remove() };
}
