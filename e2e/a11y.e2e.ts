/**
 * Accessibility of the popup and the options page (axe-core, WCAG 2.1 A/AA; e2e/axe.ts) in the
 * states people see them in: empty (a fresh profile, as `npm start -- --fresh`), connected (the
 * demo profile, as `npm start`), dark, and 简体中文. Every state must have no violation; a failure
 * lists each one with the elements it was found on.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { axeViolations, type AxeViolation } from './axe';
import { optionsPainted, popupPainted, setUpDemoProfile } from './demo-profile';
import { launch, type Harness } from './harness';

type Which = 'popup' | 'options';

function report(violations: AxeViolation[]): string {
  return violations
    .map((v) => `${v.id} (${v.impact ?? 'n/a'}): ${v.help}\n    on ${v.targets.join('\n       ')}`)
    .join('\n');
}

/** Open a page as people see it (the popup at Chrome's popup width), drawn in full. */
async function open(h: Harness, which: Which, dark: boolean): Promise<Page> {
  const page = which === 'popup' ? await h.openPopup() : await h.openOptions();
  if (dark) await page.emulateMedia({ colorScheme: 'dark' });
  if (which === 'popup') {
    await page.setViewportSize({ width: 360, height: 600 });
    await popupPainted(page, h);
  } else {
    await optionsPainted(page);
  }
  return page;
}

async function expectNoViolations(
  h: Harness,
  which: Which,
  opts: { dark?: boolean; lang?: string } = {},
): Promise<void> {
  const page = await open(h, which, opts.dark ?? false);
  try {
    if (opts.lang) {
      // The page really is in that language (the check is not run on the English page twice).
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe(opts.lang);
    }
    const violations = await axeViolations(page);
    expect(violations, `axe found on the ${which}:\n${report(violations)}`).toEqual([]);
  } finally {
    await page.close();
  }
}

describe('empty: a fresh profile', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
  });
  afterAll(async () => {
    await h?.close();
  });

  it('popup', async () => {
    expect((await h.send('vault/status', {})).exists).toBe(false);
    await expectNoViolations(h, 'popup');
  });
  it('options', () => expectNoViolations(h, 'options'));

  it('the check itself sees what it is there to catch (an unlabelled field, faint text)', async () => {
    const page = await open(h, 'options', false);
    await page.evaluate(() => {
      const input = document.createElement('input');
      const faint = document.createElement('p');
      faint.textContent = 'Faint text';
      faint.style.cssText = 'color:#ccc;background:#fff';
      document.body.append(input, faint);
    });
    const ids = (await axeViolations(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(['label', 'color-contrast']));
    await page.close();
  });
});

describe('the demo profile', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launch();
    await setUpDemoProfile(h);
  }, 120_000);
  afterAll(async () => {
    await h?.close();
  });

  describe('connected', () => {
    it('popup', async () => {
      const { accounts } = await h.send('accounts/list', {});
      expect(Object.values(accounts).filter((a) => a?.state === 'connected')).toHaveLength(5);
      await expectNoViolations(h, 'popup');
    });
    it('options', () => expectNoViolations(h, 'options'));
  });

  describe('dark', () => {
    it('popup', () => expectNoViolations(h, 'popup', { dark: true }));
    it('options', () => expectNoViolations(h, 'options', { dark: true }));
  });

  describe('简体中文', () => {
    beforeAll(async () => {
      await h.send('settings/update', { language: 'zh-CN' });
    });
    afterAll(async () => {
      await h.send('settings/update', { language: 'auto' });
    });
    it('popup', () => expectNoViolations(h, 'popup', { lang: 'zh-CN' }));
    it('options', () => expectNoViolations(h, 'options', { lang: 'zh-CN' }));
  });
});
