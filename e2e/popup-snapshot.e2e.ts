/**
 * The popup's paint-first snapshot (src/ui/popup-snapshot.ts, public/popup-snapshot.js): the
 * portfolio the popup last rendered goes on screen before any module has loaded, the live popup
 * replaces it, it holds nothing secret, a damaged one is ignored, and it goes when settings or
 * the vault change.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launch, type Harness } from './harness';
import { goToSection, openSection } from './options-page';
import { setUpFiveAccounts } from './accounts-setup';
import { demoCredentials } from './fixtures';
import { DEMO } from '../sandbox/contract';
import { DESCRIPTIONS } from '../src/providers/descriptions';
import { PLATFORMS } from '../src/core/platform';
import { POPUP_SNAPSHOT_KEY } from '../src/core/storage-keys';

let h: Harness;

beforeAll(async () => {
  h = await launch();
  await setUpFiveAccounts(h, 30);
});
afterAll(async () => {
  await h?.close();
});

const identities = (page: Page) =>
  page.locator('li[data-platform] [data-testid=identity]').allTextContents();

/** The stored snapshot as the page sees it (null when there is none). */
const storedSnapshot = (page: Page) =>
  page.evaluate((key) => localStorage.getItem(key), POPUP_SNAPSHOT_KEY);

/** A popup opened and left once its five live cards are there; returns what they showed. */
async function openLive(): Promise<{ page: Page; shown: string[] }> {
  const page = await h.openPopup();
  await expect.poll(async () => (await identities(page)).length).toBe(5);
  await expect.poll(() => page.locator('[data-snapshot]').count()).toBe(0);
  return { page, shown: await identities(page) };
}

describe('the popup snapshot', () => {
  it('keeps the portfolio the popup rendered, and nothing secret', async () => {
    const { page, shown } = await openLive();
    await expect.poll(() => storedSnapshot(page)).not.toBeNull();
    const { version, lang, html } = JSON.parse((await storedSnapshot(page))!) as {
      version: string;
      lang: string;
      html: string;
    };
    expect(version).toBe((await h.send('ping', {})).version);
    expect(lang).toBe('en');
    const held = await page.evaluate((markup) => {
      const doc = new DOMParser().parseFromString(markup, 'text/html');
      return {
        identities: [...doc.querySelectorAll('li[data-platform] [data-testid=identity]')].map(
          (e) => e.textContent,
        ),
        fields: doc.querySelectorAll('input, textarea, select, form').length,
      };
    }, html);
    expect(held.identities).toEqual(shown);
    expect(held.fields).toBe(0);
    // What arrives after the first paint is kept too: BiYong's net flow, read from the worker.
    await page.getByTestId('biyong-net-flow').waitFor();
    await expect.poll(() => storedSnapshot(page)).toContain('data-testid=\\"biyong-net-flow\\"');
    const creds = demoCredentials(h.sandbox.origin);
    const secrets = PLATFORMS.flatMap((p) =>
      DESCRIPTIONS[p].credentials.filter((f) => f.secret).map((f) => creds[p][f.key]),
    ).filter((s): s is string => !!s);
    secrets.push(...DEMO.grandchain.users.map((u) => u.password));
    expect(secrets.length).toBeGreaterThan(4);
    for (const s of secrets) expect(html).not.toContain(s);
    await page.close();
  });

  it('paints first on the next opening; the live popup then takes its place', async () => {
    await (await openLive()).page.close();
    const { page, shown } = await openLive();
    const t = await page.evaluate(() => {
      const mark = performance.getEntriesByName('coindock:snapshot-shown')[0] as
        PerformanceMark | undefined;
      return {
        shownIdentities: (mark?.detail as { identities?: number } | undefined)?.identities,
        shownAt: mark?.startTime,
        firstContentfulPaint: performance.getEntriesByName('first-contentful-paint')[0]?.startTime,
      };
    });
    expect(t.shownIdentities).toBe(5);
    // The first thing on screen came after the snapshot went in: the snapshot was it.
    expect(t.firstContentfulPaint).toBeGreaterThanOrEqual(t.shownAt!);
    // Live, not a picture: nothing inert is left and the cards' buttons work from the keyboard.
    expect(shown).toHaveLength(5);
    expect(await page.locator('[inert]').count()).toBe(0);
    const disconnect = page.locator('li[data-platform="hicoin"]').getByRole('button', {
      name: 'Disconnect',
    });
    await disconnect.focus();
    expect(await disconnect.evaluate((b) => b === document.activeElement)).toBe(true);
    await page.close();
  });

  it('is ignored when damaged or from another version, and the popup renders as usual', async () => {
    const first = await openLive();
    const good = (await storedSnapshot(first.page))!;
    await first.page.close();
    const other = JSON.stringify({ ...(JSON.parse(good) as object), version: '0.0.1' });
    // Written from another page of the extension (same origin), with no popup open to re-take it.
    const setter = await h.openOptions();
    for (const bad of ['{"html": 42', other]) {
      await setter.evaluate(([key, value]) => localStorage.setItem(key, value), [
        POPUP_SNAPSHOT_KEY,
        bad,
      ] as const);
      const again = await openLive();
      const marks = await again.page.evaluate(
        () => performance.getEntriesByName('coindock:snapshot-shown').length,
      );
      expect(marks, bad.slice(0, 20)).toBe(0);
      await again.page.close();
      // …and the popup wrote a good one over it.
      const now = JSON.parse((await storedSnapshot(setter))!) as { version: string };
      expect(now.version).toBe((await h.send('ping', {})).version);
    }
    await setter.close();
  });

  it('goes when the language changes in the options page, and with "forget everything"', async () => {
    const { page } = await openLive();
    expect(await storedSnapshot(page)).not.toBeNull();
    await page.close();

    const options = await openSection(h, 'language');
    await options.getByLabel('Language', { exact: true }).selectOption('zh-CN');
    await options.getByRole('button', { name: '保存', exact: true }).click();
    await expect.poll(() => storedSnapshot(options)).toBeNull();

    // The next popup paints from storage, in Chinese, and keeps a Chinese snapshot.
    const zh = await openLive();
    expect(await zh.page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await expect
      .poll(
        async () => (JSON.parse((await storedSnapshot(zh.page)) ?? '{}') as { lang?: string }).lang,
      )
      .toBe('zh-CN');
    await zh.page.close();

    options.once('dialog', (d) => void d.accept());
    await goToSection(options, 'vault');
    await options.getByRole('button', { name: '清除全部数据' }).click();
    await expect.poll(() => storedSnapshot(options)).toBeNull();
    await options.close();
  });
});
