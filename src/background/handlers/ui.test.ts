import { afterEach, describe, expect, it, vi } from 'vitest';
import type { OptionsSection } from '../../core/messages';
import { uiHandlers } from './ui';

afterEach(() => vi.unstubAllGlobals());

const ORIGIN = 'chrome-extension://x/';
const OPTIONS = `${ORIGIN}src/options/index.html`;

/** The extension's tabs as getContexts lists them (in the order given), and what ui/open did. */
function stubChrome(urls: string[]) {
  const tabs = urls.map((url, i) => ({ id: i + 1, windowId: 1, url, active: false }));
  vi.stubGlobal('chrome', {
    runtime: {
      getURL: (p: string) => `${ORIGIN}${p}`,
      getContexts: async () =>
        tabs.map((t) => ({
          contextType: 'TAB',
          tabId: t.id,
          windowId: t.windowId,
          documentUrl: t.url,
        })),
    },
    tabs: {
      create: async (o: { url: string }) => {
        tabs.push({ id: tabs.length + 1, windowId: 1, url: o.url, active: true });
      },
      update: async (id: number, o: { url?: string; active?: boolean }) => {
        const t = tabs.find((x) => x.id === id)!;
        for (const x of tabs) x.active = x === t;
        if (o.url) t.url = o.url;
      },
    },
    windows: { update: async () => undefined },
  });
  return tabs;
}

const open = (section?: OptionsSection) =>
  uiHandlers()['ui/open'](section ? { section } : {}, {} as never);

describe('ui/open: one options tab', () => {
  it('opens a tab at the section when none is open; other extension tabs are not it', async () => {
    const tabs = stubChrome([`${ORIGIN}src/popup/index.html`]);
    await open('fomo');
    expect(tabs.map((t) => t.url)).toEqual([`${ORIGIN}src/popup/index.html`, `${OPTIONS}#fomo`]);
  });

  it('moves the open tab to the section instead of opening another; no section only focuses', async () => {
    const tabs = stubChrome([`${OPTIONS}#grandchain`]);
    await open('fomo');
    expect(tabs).toMatchObject([{ url: `${OPTIONS}#fomo`, active: true }]);
    await open();
    expect(tabs).toMatchObject([{ url: `${OPTIONS}#fomo`, active: true }]);
  });

  it.each([
    ['vault first', [`${OPTIONS}#vault`, `${OPTIONS}#fomo`]],
    ['fomo first', [`${OPTIONS}#fomo`, `${OPTIONS}#vault`]],
  ])(
    'with several open (%s), the one at the section is shown; none is moved there',
    async (_, urls) => {
      const tabs = stubChrome(urls);
      for (const section of ['fomo', 'vault', 'fomo'] as const) {
        await open(section);
        expect(tabs.map((t) => t.url)).toEqual(urls);
        expect(tabs.find((t) => t.active)?.url).toBe(`${OPTIONS}#${section}`);
      }
    },
  );
});
