// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { showBanner } from './banner';
import { bannerView, pendingView } from './banner-text';
import { decodeReturn } from '../core/return-decode';

afterEach(() => {
  document.body.replaceChildren();
});

describe('the banner element', () => {
  it('lives in a closed shadow root the page cannot open', () => {
    const b = showBanner(pendingView('en'), () => undefined);
    const host = document.querySelector('coindock-banner');
    expect(host).toBe(b.host);
    expect((host as HTMLElement).shadowRoot).toBeNull();
    expect(host?.childNodes.length).toBe(0);
    expect(b.root.querySelector('[role="status"]')?.textContent).toContain('Checking this return…');
  });

  it('renders text from the URL as text, never as markup', () => {
    const evil = '<img src=x onerror=alert(1)>';
    const d = decodeReturn(
      `https://shop.example/r?status=${encodeURIComponent(evil)}&trade_id=${encodeURIComponent(evil)}`,
      'fomo',
    );
    const b = showBanner(bannerView(d, undefined, 'unreachable', 'en'), () => undefined);
    expect(b.root.querySelector('img')).toBeNull();
    expect(b.root.querySelector('.body')?.textContent).toContain(evil);
  });

  it('updates in place, labels its close button in the view’s language, and closes', () => {
    const b = showBanner(pendingView('en'), () => undefined);
    const d = decodeReturn('https://shop.example/r?status=24', 'fomo');
    b.update(
      bannerView(d, { recognised: true, platform: 'fomo', lang: 'zh-CN' }, undefined, 'zh-CN'),
    );
    const status = b.root.querySelector('[role="status"]') as HTMLElement;
    expect(status.lang).toBe('zh-CN');
    expect(status.dataset.tone).toBe('error');
    expect(status.textContent).toContain('24 — 余额不足');
    const close = b.root.querySelector('button.close') as HTMLButtonElement;
    expect(close.getAttribute('aria-label')).toBe('关闭');
    close.click();
    expect(document.querySelector('coindock-banner')).toBeNull();
  });

  it('opens the section of the latest view', () => {
    const onOpen = vi.fn();
    const b = showBanner(pendingView('en'), onOpen);
    b.update(
      bannerView(
        decodeReturn('https://shop.example/r?code=x', 'hicoin'),
        { recognised: true, platform: 'hicoin', lang: 'en' },
        undefined,
        'en',
      ),
    );
    const open = b.root.querySelector('button.open') as HTMLButtonElement;
    expect(open.textContent).toBe('Open CoinDock');
    open.click();
    expect(onOpen).toHaveBeenCalledWith('accounts');
  });
});
