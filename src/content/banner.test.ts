// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { showBanner } from './banner';
import { bannerView, type BannerView } from './banner-text';
import { decodeReturn } from '../providers/returns';
import type { ReturnVerdict } from '../core/messages';

afterEach(() => {
  document.body.replaceChildren();
});

const fomo = (lang: ReturnVerdict['lang']): ReturnVerdict => ({
  recognised: true,
  platform: 'fomo',
  lang,
});

function view(query: string, verdict: ReturnVerdict): BannerView {
  return bannerView(
    decodeReturn(`https://shop.example/r?${query}`, verdict.platform),
    verdict,
    undefined,
    verdict.lang,
  );
}

describe('the banner element', () => {
  it('lives in a closed shadow root the page cannot open', async () => {
    const b = showBanner(view('status=7', fomo('en')), () => undefined);
    const host = document.querySelector('coindock-banner');
    expect(host).toBe(b.host);
    expect((host as HTMLElement).shadowRoot).toBeNull();
    expect(host?.childNodes.length).toBe(0);
    await b.filled;
    expect(b.root.querySelector('[role="status"]')?.textContent).toContain('7 — Signature error');
  });

  it('attaches the live region empty and fills it afterwards, so it is announced', async () => {
    const b = showBanner(view('status=1', fomo('en')), () => undefined);
    const status = b.root.querySelector('[role="status"]') as HTMLElement;
    expect(b.host.isConnected).toBe(true);
    expect(status.textContent).toBe('');
    await b.filled;
    expect(status.textContent).toContain('1 — Success');
  });

  it('renders text from the URL as text, never as markup', async () => {
    const evil = '<img src=x onerror=alert(1)>';
    const q = `status=${encodeURIComponent(evil)}&trade_id=${encodeURIComponent(evil)}`;
    const b = showBanner(view(q, fomo('en')), () => undefined);
    await b.filled;
    expect(b.root.querySelector('img')).toBeNull();
    expect(b.root.querySelector('[role="status"]')?.textContent).toContain(evil);
  });

  it('takes the latest view, labels its close button in the view’s language, and closes', async () => {
    const b = showBanner(view('status=7', fomo('en')), () => undefined);
    b.update(view('status=24', fomo('zh-CN')));
    await b.filled;
    const status = b.root.querySelector('[role="status"]') as HTMLElement;
    const box = b.root.querySelector('.box') as HTMLElement;
    expect(box.lang).toBe('zh-CN');
    expect(box.dataset.tone).toBe('error');
    expect(status.textContent).toContain('24 — 余额不足');
    expect(status.textContent).not.toContain('7 —');
    const close = b.root.querySelector('button.close') as HTMLButtonElement;
    expect(close.getAttribute('aria-label')).toBe('关闭');
    close.click();
    expect(document.querySelector('coindock-banner')).toBeNull();
  });

  it('opens the section of the latest view', async () => {
    const onOpen = vi.fn();
    const b = showBanner(view('status=1', fomo('en')), onOpen);
    b.update(view('code=x', { recognised: true, platform: 'hicoin', lang: 'en' }));
    await b.filled;
    const open = b.root.querySelector('button.open') as HTMLButtonElement;
    expect(open.textContent).toBe('Open CoinDock');
    open.click();
    expect(onOpen).toHaveBeenCalledWith('accounts');
  });
});
