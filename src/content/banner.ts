/**
 * The in-page banner, in a CLOSED shadow root: the page's CSS cannot restyle it and its scripts
 * cannot reach into it (`host.shadowRoot` is null for them). Text only, never HTML from the URL.
 */
export interface BannerContent {
  title: string;
  detail: string;
  tone: 'ok' | 'error' | 'neutral';
}

const COLORS = { ok: '#0f7b3f', error: '#b42318', neutral: '#344054' } as const;

export function showBanner(content: BannerContent, doc: Document = document): HTMLElement {
  const host = doc.createElement('coindock-banner');
  const root = host.attachShadow({ mode: 'closed' });
  const style = doc.createElement('style');
  style.textContent = `
    :host { all: initial; position: fixed; z-index: 2147483647; top: 12px; right: 12px; }
    .box { font: 14px/1.4 system-ui, sans-serif; color: #fff; background: ${COLORS[content.tone]};
      border-radius: 8px; padding: 10px 14px; max-width: 360px; box-shadow: 0 4px 16px #0004; }
    .title { font-weight: 600; }
    button { all: unset; cursor: pointer; margin-left: 8px; font-weight: 700; }
  `;
  const box = doc.createElement('div');
  box.className = 'box';
  box.setAttribute('role', 'status');
  const title = doc.createElement('div');
  title.className = 'title';
  title.textContent = content.title;
  const close = doc.createElement('button');
  close.textContent = '×';
  close.setAttribute('aria-label', 'Close');
  close.addEventListener('click', () => host.remove());
  title.append(close);
  const detail = doc.createElement('div');
  detail.textContent = content.detail;
  box.append(title, detail);
  root.append(style, box);
  (doc.body ?? doc.documentElement).append(host);
  return host;
}
