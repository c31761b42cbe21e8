/**
 * Redirect capture in a real Chromium: the content script decodes the return pages the sandbox's
 * merchant serves and says what they mean in its banner, in English and Chinese, out of the
 * page's reach.
 *
 * Reading a CLOSED shadow root: Playwright's locators (getByRole, ariaSnapshot) do not enter
 * closed roots — `page.getByRole('status')` finds nothing. The tests read the banner through the
 * DevTools protocol instead, which the page cannot use: `DOM.getDocument({ pierce: true })` for
 * the text and structure, `Accessibility.getFullAXTree` for roles and accessible names, and
 * `CSS.getComputedStyleForNode` for the styles inside. Nothing is exposed to the page for it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { banner, readBannerWith, withCdp } from './banner-reader';
import { launch, MERCHANT_PATHS, type Harness } from './harness';
import { FOMO_ERROR_CODES, FOMO_SUCCESS_TEXT } from '../src/providers/fomo/error-table';
import { PLATFORM_NAMES } from '../src/providers/capabilities';

let h: Harness;

beforeAll(async () => {
  h = await launch();
});
afterAll(async () => {
  await h?.close();
});

async function visit(path: string, params: Record<string, string>): Promise<Page> {
  const page = await h.context.newPage();
  await page.goto(`${h.sandbox.origin}${path}?${new URLSearchParams(params).toString()}`);
  return page;
}

const SECRET_AT = 'AT-e2e-secret-91c2d7';
let tradeSeq = 0;

function payReturn(status: string): Record<string, string> {
  tradeSeq += 1;
  return {
    status,
    trade_id: `T-ret-${tradeSeq}`,
    amount: '12.5',
    coin_id: '3',
    user_id: '10001',
    access_token: SECRET_AT,
    client_id: 'fomo_demo_app',
    state: 'st8',
    ...(status === '1' ? { httpcode: '200', transfer_id: `TX-${tradeSeq}` } : {}),
  };
}

/** Success and one code of each error family FOMO's pay page can answer with. */
const STATUSES = ['1', '7', '8', '201', '24', '54', '0', '23', '56', '82'];

function expectedWords(status: string, lang: 'en' | 'zh'): string {
  if (status === '1') return FOMO_SUCCESS_TEXT[lang];
  return FOMO_ERROR_CODES[status]![lang];
}

describe('FOMO pay returns in the banner', () => {
  for (const [lang, zh] of [
    ['en', false],
    ['zh-CN', true],
  ] as const) {
    it(`says each status in words with its code (${lang})`, async () => {
      await h.send('settings/update', { language: lang });
      for (const status of STATUSES) {
        const page = await visit(MERCHANT_PATHS.fomoReturn, payReturn(status));
        const b = await banner(page);
        expect(b.rootType).toBe('closed');
        expect(b.lang).toBe(lang);
        expect(b.title).toBe(`CoinDock · ${PLATFORM_NAMES.fomo[lang]}`);
        expect(b.lines[0]).toBe(`${status} — ${expectedWords(status, zh ? 'zh' : 'en')}`);
        expect(b.tone).toBe(status === '1' ? 'ok' : 'error');
        expect(b.lines).toContain(zh ? '金额：12.5 USDT' : 'Amount: 12.5 USDT');
        // Nothing pending exists for pay returns yet (transfers are not built): all unrecognised.
        expect(b.lines.at(-1)).toMatch(zh ? /^无法识别的返回/ : /^Unrecognised return/);
        expect(b.closeLabel).toBe(zh ? '关闭' : 'Close');
        expect(b.openLabel).toBe(zh ? '打开 CoinDock' : 'Open CoinDock');
        expect(JSON.stringify(b)).not.toContain(SECRET_AT);
        await page.close();
      }
      expect(JSON.stringify(await h.storage('local'))).not.toContain(SECRET_AT);
      expect(JSON.stringify(await h.storage('session'))).not.toContain(SECRET_AT);
    });
  }

  it('reports every return to the background unchanged (it keeps only public fields)', async () => {
    await h.send('settings/update', { language: 'en' });
    const params = payReturn('24');
    const page = await visit(MERCHANT_PATHS.fomoFront, params);
    await banner(page);
    const record = (await h.send('returns/list', {})).find(
      (r) => r.params.trade_id === params.trade_id,
    );
    expect(record).toMatchObject({ platform: 'fomo', params: { status: '24', amount: '12.5' } });
    expect(record?.had).toContain('access_token');
    await page.close();
  });

  it('shows "invalid amount" for an amount that is not a decimal, never the text', async () => {
    const page = await visit(MERCHANT_PATHS.fomoReturn, { ...payReturn('1'), amount: '1e9' });
    const b = await banner(page);
    expect(b.lines).toContain('Amount: invalid amount (USDT)');
    expect(b.lines.join('\n')).not.toContain('1e9');
    await page.close();
  });

  it('shows markup in the URL as text', async () => {
    const evil = '<img src=x onerror="document.title=`pwned`">';
    const page = await visit(MERCHANT_PATHS.fomoReturn, { ...payReturn('7'), trade_id: evil });
    const b = await banner(page);
    expect(b.lines).toContain(`Trade: ${evil}`);
    expect(await page.title()).not.toBe('pwned');
    await page.close();
  });
});

describe('authorisation returns in the banner', () => {
  it('HiCoin: a code is "authorised, finishing in CoinDock", never shown', async () => {
    const code = 'hc-code-secret-5511aa';
    const page = await visit(MERCHANT_PATHS.hicoinReturn, { code, state: 'abc123' });
    const b = await banner(page);
    expect(b.title).toBe(`CoinDock · ${PLATFORM_NAMES.hicoin.en}`);
    expect(b.lines[0]).toBe('Authorised, finishing in CoinDock');
    expect(b.tone).toBe('ok');
    expect(JSON.stringify(b)).not.toContain(code);
    await page.close();
  });

  it('HiCoin: error=access_denied is a decline, in Chinese too', async () => {
    await h.send('settings/update', { language: 'zh-CN' });
    const page = await visit(MERCHANT_PATHS.hicoinReturn, { error: 'access_denied', state: 'a1' });
    const b = await banner(page);
    expect(b.lines[0]).toBe('access_denied — 已拒绝授权');
    expect(b.tone).toBe('error');
    await h.send('settings/update', { language: 'en' });
    await page.close();
  });

  it('BiYong: biyerror=access_denied (the consent page’s Deny) and a biytoken', async () => {
    const denied = await visit(MERCHANT_PATHS.biyongReturn, { biyerror: 'access_denied' });
    const d = await banner(denied);
    expect(d.title).toBe(`CoinDock · ${PLATFORM_NAMES.biyong.en}`);
    expect(d.lines[0]).toBe('access_denied — Access declined');
    await denied.close();
    const token = 'biy-token-secret-7e7e';
    const granted = await visit(MERCHANT_PATHS.biyongReturn, { biytoken: token });
    const g = await banner(granted);
    expect(g.lines[0]).toBe('Authorised, finishing in CoinDock');
    expect(JSON.stringify(g)).not.toContain(token);
    await granted.close();
  });
});

describe('the banner’s accessibility and button', () => {
  it('is a status region with a labelled close button, and opens CoinDock at the activity', async () => {
    const page = await visit(MERCHANT_PATHS.fomoReturn, payReturn('8'));
    await banner(page);
    await withCdp(page, async (cdp) => {
      const { nodes } = (await cdp.send('Accessibility.getFullAXTree')) as {
        nodes: { role?: { value: string }; name?: { value: string } }[];
      };
      const roles = nodes.map((n) => `${n.role?.value}:${n.name?.value ?? ''}`);
      expect(roles).toContain('status:');
      expect(roles).toContain('button:Close');
      expect(roles).toContain('button:Open CoinDock');
      expect(roles).toContain(`StaticText:8 — ${FOMO_ERROR_CODES['8']!.en}`);

      const b = await readBannerWith(cdp);
      const { model } = (await cdp.send('DOM.getBoxModel', { nodeId: b!.nodes.open.nodeId })) as {
        model: { content: number[] };
      };
      const [x1, y1, , , x3, y3] = model.content as [number, number, 0, 0, number, number];
      await page.mouse.click((x1 + x3) / 2, (y1 + y3) / 2);
      // The options page at that section: a new tab, or the one already open moved there.
      const at = `chrome-extension://${h.extensionId}/src/options/index.html#activity`;
      await expect.poll(() => h.context.pages().filter((p) => p.url() === at).length).toBe(1);
    });
    await page.close();
  });
});

describe('isolation from the page', () => {
  const HOSTILE_CSS = `* { display: none !important; color: red !important; }
    coindock-banner { all: unset !important; display: none !important; opacity: 0 !important;
      visibility: hidden !important; position: static !important; }`;

  it('page CSS and scripts can neither read nor restyle the banner', async () => {
    const page = await h.context.newPage();
    // Runs in the page before its own scripts: hostile CSS, a spy on attachShadow that would
    // force roots open, and a script that restyles the banner the moment it appears.
    await page.addInitScript((css: string) => {
      const w = window as unknown as { seenShadows: string[] };
      w.seenShadows = [];
      // eslint-disable-next-line @typescript-eslint/unbound-method -- called below with .call(this)
      const original = Element.prototype.attachShadow;
      Element.prototype.attachShadow = function (init: ShadowRootInit) {
        w.seenShadows.push(this.tagName);
        return original.call(this, { ...init, mode: 'open' });
      };
      document.addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style');
        style.textContent = css;
        document.head.append(style);
      });
      new MutationObserver(() => {
        const host = document.querySelector<HTMLElement>('coindock-banner');
        if (host && !host.dataset.touched) {
          host.dataset.touched = '1';
          host.style.setProperty('display', 'none', 'important');
          host.style.setProperty('color', 'red', 'important');
        }
      }).observe(document, { childList: true, subtree: true });
    }, HOSTILE_CSS);
    await page.goto(
      `${h.sandbox.origin}${MERCHANT_PATHS.fomoReturn}?${new URLSearchParams(payReturn('7')).toString()}`,
    );
    const b = await banner(page);
    expect(b.lines[0]).toBe(`7 — ${FOMO_ERROR_CODES['7']!.en}`);

    const seen = await page.evaluate(() => {
      const host = document.querySelector<HTMLElement>('coindock-banner')!;
      const cs = getComputedStyle(host);
      return {
        touched: host.dataset.touched,
        shadowRoot: host.shadowRoot,
        inner: host.innerHTML,
        spied: (window as unknown as { seenShadows: string[] }).seenShadows,
        html: document.body.getHTML({ serializableShadowRoots: true }),
        display: cs.display,
        position: cs.position,
        visibility: cs.visibility,
        opacity: cs.opacity,
        color: cs.color,
      };
    });
    expect(seen.touched).toBe('1');
    expect(seen.shadowRoot).toBeNull();
    expect(seen.inner).toBe('');
    // The content script runs in its own world: the page's patched attachShadow never saw it.
    expect(seen.spied).toEqual([]);
    expect(seen.html).not.toContain('Signature');
    expect(seen).toMatchObject({
      display: 'block',
      position: 'fixed',
      visibility: 'visible',
      opacity: '1',
    });
    expect(seen.color).not.toBe('rgb(255, 0, 0)');

    // Inside, the banner keeps its own look.
    await withCdp(page, async (cdp) => {
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const inside = await readBannerWith(cdp);
      const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', {
        nodeId: inside!.nodes.box.nodeId,
      })) as { computedStyle: { name: string; value: string }[] };
      const style = Object.fromEntries(computedStyle.map((p) => [p.name, p.value]));
      expect(style.display).toBe('block');
      expect(style.color).toBe('rgb(255, 255, 255)');
      expect(style['background-color']).toBe('rgb(180, 35, 24)');
    });
    await page.close();
  });

  it('stays rendered when the page hides everything else', async () => {
    const page = await h.context.newPage();
    await page.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        const style = document.createElement('style');
        style.textContent =
          'body * { display: none !important; } coindock-banner { width: 0 !important; height: 0 !important; }';
        document.head.append(style);
      });
    });
    await page.goto(
      `${h.sandbox.origin}${MERCHANT_PATHS.fomoReturn}?${new URLSearchParams(payReturn('24')).toString()}`,
    );
    await banner(page);
    const rect = await page.evaluate(() => {
      const r = document.querySelector('coindock-banner')!.getBoundingClientRect();
      return { w: r.width, h: r.height };
    });
    expect(rect.w).toBeGreaterThan(100);
    expect(rect.h).toBeGreaterThan(30);
    await page.close();
  });

  it('a page posting a fake report changes nothing', async () => {
    const params = payReturn('1');
    const page = await visit(MERCHANT_PATHS.fomoReturn, params);
    await banner(page);
    const afterVisit = await h.send('returns/list', {});
    expect(afterVisit.map((r) => r.params.trade_id)).toContain(params.trade_id);
    await page.evaluate((origin) => {
      const forged = `${origin}/merchant/fomo/return?status=1&trade_id=T-forged-pm`;
      const envelope = { __coindock: 1, name: 'returns/report', payload: { url: forged } };
      window.postMessage(envelope, '*');
      window.postMessage(JSON.stringify(envelope), '*');
      document.dispatchEvent(new CustomEvent('coindock', { detail: envelope }));
    }, h.sandbox.origin);
    await page.waitForTimeout(750);
    const after = await h.send('returns/list', {});
    expect(after.map((r) => r.id)).toEqual(afterVisit.map((r) => r.id));
    expect(after.map((r) => r.params.trade_id)).not.toContain('T-forged-pm');
    await page.close();
  });
});

describe('pages that are not configured return URLs', () => {
  async function expectNoBanner(url: string): Promise<void> {
    const page = await h.context.newPage();
    await page.goto(url);
    await page.waitForLoadState('load');
    // Longer than the script takes to report and draw on a configured page.
    await page.waitForTimeout(1000);
    expect(await page.locator('coindock-banner').count()).toBe(0);
    await page.close();
  }

  it('get no banner: another origin, another path, a longer path', async () => {
    const before = (await h.send('returns/list', {})).length;
    const q = '?status=7&trade_id=T-unconfigured&state=x';
    const localhost = h.sandbox.origin.replace('127.0.0.1', 'localhost');
    await expectNoBanner(`${localhost}${MERCHANT_PATHS.fomoReturn}${q}`);
    await expectNoBanner(`${h.sandbox.origin}${MERCHANT_PATHS.fomoCallback}${q}`);
    // The match pattern (path + "*") lets the script run here; the background does not
    // recognise the page, so the script shows nothing.
    await expectNoBanner(`${h.sandbox.origin}${MERCHANT_PATHS.fomoReturn}-other${q}`);
    const after = await h.send('returns/list', {});
    expect(after.length).toBe(before);
    expect(after.map((r) => r.params.trade_id)).not.toContain('T-unconfigured');
  });
});

describe('a page with a strict Content Security Policy', () => {
  it('still gets a styled banner', async () => {
    const page = await h.context.newPage();
    await page.route(`${h.sandbox.origin}${MERCHANT_PATHS.fomoReturn}*`, async (route) => {
      const response = await route.fetch();
      await route.fulfill({
        response,
        headers: {
          ...response.headers(),
          'content-security-policy': "default-src 'none'; style-src 'none'; script-src 'none'",
        },
      });
    });
    await page.goto(
      `${h.sandbox.origin}${MERCHANT_PATHS.fomoReturn}?${new URLSearchParams(payReturn('7')).toString()}`,
    );
    const b = await banner(page);
    expect(b.lines[0]).toBe(`7 — ${FOMO_ERROR_CODES['7']!.en}`);
    // The policy is in force: an inline style the page adds is refused.
    const pageStyled = await page.evaluate(() => {
      const probe = document.createElement('style');
      probe.textContent = 'body { color: rgb(1, 2, 3) !important; }';
      document.head.append(probe);
      return getComputedStyle(document.body).color;
    });
    expect(pageStyled).not.toBe('rgb(1, 2, 3)');
    await withCdp(page, async (cdp) => {
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const inside = await readBannerWith(cdp);
      const { computedStyle } = (await cdp.send('CSS.getComputedStyleForNode', {
        nodeId: inside!.nodes.box.nodeId,
      })) as { computedStyle: { name: string; value: string }[] };
      const style = Object.fromEntries(computedStyle.map((p) => [p.name, p.value]));
      expect(style['background-color']).toBe('rgb(180, 35, 24)');
      expect(style.color).toBe('rgb(255, 255, 255)');
    });
    await page.close();
  });
});
