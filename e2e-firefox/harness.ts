/**
 * The Firefox harness: Debian's firefox-esr (or FIREFOX_PATH) driven by puppeteer-core over
 * WebDriver BiDi, dist-firefox/ installed as a temporary add-on (BiDi `webExtension.install`), the
 * sandbox on an ephemeral loopback port (as e2e/harness.ts does for Chromium). No browser download.
 *
 * Two Firefox specifics (docs/firefox.md, "Tests"):
 * - WebDriver BiDi refuses to navigate a tab to a moz-extension:// page unless the browser was
 *   started with `--remote-allow-system-access`; the same flag lets the harness reach the
 *   browser's own (chrome) context, where it unloads the event page exactly as Firefox does after
 *   its idle timeout (`Extension.terminateBackground()`).
 * - The add-on's internal UUID is fixed by a pref (scripts/firefox.ts), so page addresses are
 *   known.
 */
import puppeteer, { TargetType, type Browser, type Page } from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startTestSandbox } from '../sandbox/test-support';
import { addonIdOf, ensureFirefox, firefoxPrefs, FIXED_UUID } from '../scripts/firefox';
import { configureForSandbox, unwrapReply, type Harness, type LaunchOptions } from '../e2e/harness';
import { waitUntilConnected, type ConsentPlatform } from '../e2e/fixtures';

export const DIST_FIREFOX = resolve(import.meta.dirname, '..', 'dist-firefox');

/** The Chromium harness's calls that mean the same here: the sandbox, messages, control API. */
type Shared = Pick<Harness, 'sandbox' | 'send' | 'control' | 'close'>;

export interface FirefoxHarness extends Shared {
  browser: Browser;
  /** The add-on's id (its manifest's gecko id). */
  addonId: string;
  /** moz-extension://<uuid> */
  origin: string;
  openExtensionPage(path: string): Promise<Page>;
  openPopup(tab?: 'accounts' | 'activity' | 'transfers'): Promise<Page>;
  openOptions(): Promise<Page>;
  /**
   * The next tab the browser opens (e.g. by the add-on), once it shows an http(s) page. Call it
   * before the action that opens the tab: tabs already open then are not it.
   */
  nextTab(): Promise<Page>;
  /**
   * Connect an account granted on the platform's consent page, as a person would: the add-on
   * opens the tab, the user approves; resolves once this flow has connected the account.
   */
  connectThroughConsent(platform: ConsentPlatform): Promise<void>;
  /** Unload the event page as Firefox does when it is idle; the next event starts it again. */
  unloadBackground(): Promise<void>;
  /** Firefox's own word on the event page: "running", "stopped", … */
  backgroundState(): Promise<string>;
  storage(area: 'local' | 'session'): Promise<Record<string, unknown>>;
  /**
   * Answer Firefox's add-on permission prompt (the doorhanger `permissions.request` shows) as the
   * user would, with its Allow or its cancel button; resolves with the prompt's heading, or
   * throws if no prompt appears.
   */
  answerPermissionPrompt(allow: boolean): Promise<string>;
}

export type FirefoxLaunchOptions = Pick<
  LaunchOptions,
  'headless' | 'configureSandbox' | 'sandboxPort' | 'sandboxLogs'
>;

/**
 * Raw WebDriver BiDi, for what puppeteer has no call for (the browser window's own context, closed
 * shadow roots): puppeteer's BiDi browser keeps its connection as `connection`.
 */
function bidiOf(browser: Browser) {
  return (
    browser as unknown as {
      connection: { send(method: string, params: object): Promise<{ result: unknown }> };
    }
  ).connection;
}

/** The consent page's approving button, by its text (the sandbox's pages name them so). */
const APPROVE: Record<ConsentPlatform, string> = {
  fomo: 'Authorize',
  hicoin: 'Allow',
  biyong: 'Authorize',
};

/** Click a button by its visible text, waiting for it to appear. */
export async function clickButton(page: Page, text: string): Promise<void> {
  const button = await page.waitForSelector(`button::-p-text(${text})`, { timeout: 20_000 });
  await button!.click();
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Navigate to an extension page. BiDi's navigation events do not follow the switch to the
 * extension's process, so `goto` does not settle: the page is awaited by its own readiness, asked
 * again while the document is being replaced (a question asked mid-switch fails).
 */
async function gotoExtensionPage(page: Page, url: string): Promise<void> {
  void page.goto(url, { timeout: 60_000 }).catch(() => undefined);
  const base = url.split('#')[0]!;
  const deadline = Date.now() + 30_000;
  for (;;) {
    const ready = await page
      .evaluate((u) => location.href.startsWith(u) && document.readyState === 'complete', base)
      .catch(() => false);
    if (ready) return;
    if (Date.now() > deadline) throw new Error(`${url} did not load`);
    await sleep(50);
  }
}

export async function launchFirefox(opts: FirefoxLaunchOptions = {}): Promise<FirefoxHarness> {
  if (!existsSync(join(DIST_FIREFOX, 'manifest.json'))) {
    throw new Error('dist-firefox/ is missing: run `npm run build:firefox` first.');
  }
  const addonId = addonIdOf(DIST_FIREFOX);
  const executablePath = ensureFirefox();
  const sandbox = await startTestSandbox({ port: opts.sandboxPort ?? 0, quiet: !opts.sandboxLogs });
  let browser: Browser;
  try {
    browser = await puppeteer.launch({
      browser: 'firefox',
      protocol: 'webDriverBiDi',
      executablePath,
      headless: opts.headless ?? true,
      args: ['--remote-allow-system-access'],
      extraPrefsFirefox: firefoxPrefs(addonId),
    });
    const id = await browser.installExtension(DIST_FIREFOX);
    if (id !== addonId) throw new Error(`Installed ${id}, expected ${addonId}`);
  } catch (e) {
    await sandbox.close();
    throw e;
  }
  const origin = `moz-extension://${FIXED_UUID}`;
  let bridge: Page | undefined;

  const bidi = bidiOf(browser);
  async function inChrome(expression: string): Promise<unknown> {
    const tree = (await bidi.send('browsingContext.getTree', { 'moz:scope': 'chrome' })).result as {
      contexts: { context: string }[];
    };
    const r = (
      await bidi.send('script.evaluate', {
        expression,
        target: { context: tree.contexts[0]!.context },
        awaitPromise: true,
      })
    ).result as { type: string; result?: { value?: unknown }; exceptionDetails?: { text: string } };
    if (r.type !== 'success') throw new Error(`chrome context: ${r.exceptionDetails?.text}`);
    return r.result?.value;
  }
  const extension = `ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs')
    .ExtensionParent.GlobalManager.getExtension(${JSON.stringify(addonId)})`;

  /** The extension page messages and storage reads go through, opened again if it was closed. */
  async function bridgePage(): Promise<Page> {
    if (!bridge || bridge.isClosed()) bridge = await h.openExtensionPage('src/options/index.html');
    return bridge;
  }

  const h: FirefoxHarness = {
    browser,
    addonId,
    sandbox,
    origin,
    async openExtensionPage(path) {
      const p = await browser.newPage();
      await gotoExtensionPage(p, `${origin}/${path}`);
      return p;
    },
    openPopup: (tab) => h.openExtensionPage(`src/popup/index.html${tab ? `#${tab}` : ''}`),
    openOptions: () => h.openExtensionPage('src/options/index.html'),
    async send(name, payload) {
      const reply: unknown = await (
        await bridgePage()
      ).evaluate(
        (n, body) => chrome.runtime.sendMessage({ __coindock: 1, name: n, payload: body }),
        name,
        payload as never,
      );
      return unwrapReply(name, reply);
    },
    async nextTab() {
      const before = new Set(browser.targets());
      const target = await browser.waitForTarget(
        (t) => !before.has(t) && t.type() === TargetType.PAGE && /^https?:/.test(t.url()),
        { timeout: 30_000 },
      );
      const page = (await target.page())!;
      await page.waitForFunction(() => document.readyState === 'complete', { timeout: 30_000 });
      return page;
    },
    async connectThroughConsent(platform) {
      const since = Date.now();
      const opened = h.nextTab();
      await h.send('accounts/connect', { platform });
      await clickButton(await opened, APPROVE[platform]);
      await waitUntilConnected(h, platform, since);
    },
    async unloadBackground() {
      await inChrome(`(${extension}).terminateBackground()`);
      for (let i = 0; i < 100 && (await h.backgroundState()) !== 'stopped'; i++) await sleep(50);
    },
    async backgroundState() {
      return String(await inChrome(`String((${extension}).backgroundState)`));
    },
    async answerPermissionPrompt(allow) {
      const answer = `(() => {
        const n = PopupNotifications._currentNotifications.find(
          (x) => x.id === 'addon-webext-permissions');
        if (!n) return null;
        // The add-on's name goes where the heading says <>.
        const heading = String(n.message).replace('<>', String(n.options.name ?? ''));
        ${allow ? 'n.mainAction.callback()' : 'n.secondaryActions[0].callback()'};
        PopupNotifications.remove(n);
        return heading;
      })()`;
      for (let i = 0; i < 200; i++) {
        const heading = await inChrome(answer);
        if (typeof heading === 'string') return heading;
        await sleep(50);
      }
      throw new Error('Firefox showed no permission prompt');
    },
    async storage(area) {
      return (await bridgePage()).evaluate((a) => chrome.storage[a].get(null), area);
    },
    control: (path, body, method) => sandbox.controlOk(path, body, method),
    async close() {
      await browser.close().catch(() => undefined);
      await sandbox.close().catch(() => undefined);
    },
  };
  if (opts.configureSandbox ?? true) await configureForSandbox(h);
  return h;
}

/** A serialized DOM node as WebDriver BiDi returns it (closed shadow roots included). */
interface BidiNode {
  type: 'node';
  value: {
    nodeType: number;
    localName?: string;
    nodeValue?: string;
    attributes?: Record<string, string>;
    children?: BidiNode[];
    shadowRoot?: BidiNode | null;
  };
}

function textOf(n: BidiNode | null | undefined): string {
  if (!n) return '';
  if (n.value.nodeType === 3) return n.value.nodeValue ?? '';
  return [n.value.shadowRoot, ...(n.value.children ?? [])].map(textOf).join(' ');
}

/**
 * The text of CoinDock's banner on a page. The banner's shadow root is closed, so page script
 * cannot read it; WebDriver BiDi serializes closed roots on request (`includeShadowTree: 'all'`),
 * the Firefox counterpart of e2e/banner-reader.ts's DevTools `pierce`.
 */
export async function bannerText(h: FirefoxHarness, page: Page): Promise<string> {
  const bidi = bidiOf(h.browser);
  const context = (page.mainFrame() as unknown as { browsingContext: { id: string } })
    .browsingContext.id;
  const r = (
    await bidi.send('script.evaluate', {
      expression: `document.querySelector('coindock-banner')`,
      target: { context },
      awaitPromise: false,
      serializationOptions: { includeShadowTree: 'all', maxDomDepth: 30 },
    })
  ).result as { result?: BidiNode | { type: 'null' } };
  const node = r.result;
  if (!node || node.type !== 'node') return '';
  return textOf(node).replace(/\s+/g, ' ').trim();
}
