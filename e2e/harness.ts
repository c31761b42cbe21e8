/**
 * The real-browser harness every e2e test uses: Debian's Chromium (or CHROME_PATH) with the
 * built extension loaded in a fresh profile, the sandbox on an ephemeral loopback port, and
 * helpers to reach each context, stop the service worker through CDP, read extension storage and
 * drive the sandbox's control API.
 */
import { mkdtemp, rm, mkdir, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { startTestSandbox } from '../sandbox/test-support';
import { CONTROL, MERCHANT_PATHS } from '../sandbox/contract';
import { chromiumArgs, ensureChromium } from '../scripts/chromium';
import type { MessageMap, MessageName } from '../src/core/messages';

export const DIST = resolve(import.meta.dirname, '..', 'dist');

type Sandbox = Awaited<ReturnType<typeof startTestSandbox>>;
type StorageArea = 'local' | 'session' | 'sync';

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  sandbox: Sandbox;
  /** The running service worker (waits for it to start if it is not running). */
  worker(): Promise<Worker>;
  /** Open an extension page, e.g. `src/popup/index.html`. */
  openExtensionPage(path: string): Promise<Page>;
  /** The popup, on one of its tabs (default: Accounts). */
  openPopup(tab?: 'accounts' | 'activity' | 'transfers'): Promise<Page>;
  openOptions(): Promise<Page>;
  /** Send a message to the worker as a privileged extension page would. */
  send<K extends MessageName>(
    name: K,
    payload: MessageMap[K]['req'],
  ): Promise<MessageMap[K]['res']>;
  /** Stop the service worker as Chrome does when it is idle; the next event restarts it. */
  stopWorker(): Promise<void>;
  /**
   * Quit the browser and start it again on the same profile and extension, as a user restarting
   * Chrome does: local storage, IndexedDB and the profile survive; `storage.session` (so the
   * vault's key) and open tabs do not. The sandbox keeps running. Resolves once the service
   * worker has started by itself (nothing is sent to wake it); `context` and every helper then
   * use the new browser. Pages from before the restart are closed.
   */
  restartBrowser(): Promise<void>;
  /** Everything in one chrome.storage area. */
  storage(area: StorageArea): Promise<Record<string, unknown>>;
  /** Call the sandbox's control API. */
  control(path: string, body?: unknown, method?: 'GET' | 'POST' | 'DELETE'): Promise<unknown>;
  close(): Promise<void>;
}

export interface LaunchOptions {
  /** Point every platform at the sandbox and register its merchant return URLs (default true). */
  configureSandbox?: boolean;
  headless?: boolean;
  /** Sandbox port (default 0: ephemeral). */
  sandboxPort?: number;
  /** Log sandbox requests (default false). */
  sandboxLogs?: boolean;
  /** The unpacked extension to load (default dist/). */
  extensionDir?: string;
}

export async function launch(opts: LaunchOptions = {}): Promise<Harness> {
  const extensionDir = opts.extensionDir ?? DIST;
  if (!existsSync(join(extensionDir, 'manifest.json'))) {
    throw new Error('dist/ is missing: run `npm run build` first (npm run test:e2e does).');
  }
  const executablePath = ensureChromium();
  const sandbox = await startTestSandbox({
    port: opts.sandboxPort ?? 0,
    quiet: !opts.sandboxLogs,
  });
  const profile = await mkdtemp(join(tmpdir(), 'coindock-e2e-'));
  // Developer mode lets chrome.runtime.reload() keep an unpacked extension enabled.
  await mkdir(join(profile, 'Default'), { recursive: true });
  await writeFile(
    join(profile, 'Default', 'Preferences'),
    JSON.stringify({ extensions: { ui: { developer_mode: true } } }),
  );
  const openBrowser = () =>
    chromium.launchPersistentContext(profile, {
      executablePath,
      headless: opts.headless ?? true,
      args: chromiumArgs(extensionDir),
    });
  // A `let`: restartBrowser() replaces it, and every helper below reads it when called.
  let context: BrowserContext;
  try {
    context = await openBrowser();
  } catch (e) {
    await sandbox.close();
    await rm(profile, { recursive: true, force: true });
    throw e;
  }

  const firstWorker =
    context.serviceWorkers()[0] ??
    (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(firstWorker.url()).host;
  const origin = `chrome-extension://${extensionId}`;
  let bridge: Page | undefined;

  async function page(): Promise<Page> {
    if (!bridge || bridge.isClosed()) {
      bridge = await context.newPage();
      // A blank extension page is a privileged sender, like the popup.
      await bridge.goto(`${origin}/src/options/index.html`);
    }
    return bridge;
  }

  const h: Harness = {
    context,
    extensionId,
    sandbox,
    async worker() {
      const running = context.serviceWorkers().find((w) => w.url().startsWith(origin));
      if (running) return running;
      const waiting = context.waitForEvent('serviceworker', { timeout: 15_000 });
      // Any extension event wakes it; a ping is the cheapest.
      await h.send('ping', {});
      return waiting;
    },
    async openExtensionPage(path) {
      const p = await context.newPage();
      await p.goto(`${origin}/${path}`);
      return p;
    },
    openPopup: (tab) => h.openExtensionPage(`src/popup/index.html${tab ? `#${tab}` : ''}`),
    openOptions: () => h.openExtensionPage('src/options/index.html'),
    async send(name, payload) {
      const p = await page();
      const reply: unknown = await p.evaluate(
        ([n, body]) =>
          chrome.runtime.sendMessage<unknown, unknown>({ __coindock: 1, name: n, payload: body }),
        [name, payload] as const,
      );
      return unwrapReply(name, reply);
    },
    async stopWorker() {
      const p = await page();
      const cdp = await context.newCDPSession(p);
      try {
        // Playwright's worker list lags behind; the DevTools protocol says when it has stopped.
        const stopped = new Promise<void>((resolve, reject) => {
          const timer = setTimeout(
            () => reject(new Error('The service worker did not stop')),
            10_000,
          );
          cdp.on('ServiceWorker.workerVersionUpdated', (e) => {
            const ours = e.versions.filter((v) => v.scriptURL.startsWith(origin));
            if (ours.length && ours.every((v) => v.runningStatus === 'stopped')) {
              clearTimeout(timer);
              resolve();
            }
          });
        });
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        await stopped;
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
    async restartBrowser() {
      await context.close();
      bridge = undefined;
      context = await openBrowser();
      h.context = context;
      // Wait for the worker to come up on its own, as it does for a user (CoinDock listens to
      // runtime.onStartup; Chromium also starts it for an extension loaded from the command
      // line): a ping here would wake it and hide start-up work that only a message triggers.
      const w =
        context.serviceWorkers().find((x) => x.url().startsWith(origin)) ??
        (await context
          .waitForEvent('serviceworker', {
            predicate: (x) => x.url().startsWith(origin),
            timeout: 15_000,
          })
          .catch(() => {
            throw new Error('The service worker did not start with the browser');
          }));
      // An unpacked extension's id comes from its path: the same directory, the same id.
      const id = new URL(w.url()).host;
      if (id !== extensionId) {
        throw new Error(`The extension id changed across the restart: ${extensionId} → ${id}`);
      }
    },
    async storage(area) {
      const p = await page();
      return p.evaluate((a) => chrome.storage[a].get(null), area);
    },
    control: (path, body, method) => sandbox.controlOk(path, body, method),
    async close() {
      await context.close().catch(() => undefined);
      await sandbox.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true }).catch(() => undefined);
    },
  };

  if (opts.configureSandbox ?? true) await configureForSandbox(h);
  return h;
}

/** The worker's answer to a message: its value, or an Error naming the message and the code. */
export function unwrapReply<K extends MessageName>(name: K, reply: unknown): MessageMap[K]['res'] {
  const r = reply as {
    ok: boolean;
    value?: unknown;
    error?: { code: string; message: { en: string } };
  };
  if (!r?.ok)
    throw new Error(
      `${name} failed: ${r?.error?.code ?? 'no reply'} ${r?.error?.message.en ?? ''}`,
    );
  return r.value as MessageMap[K]['res'];
}

/** Point every platform at the sandbox and register the sandbox's merchant pages as return URLs. */
export async function configureForSandbox(h: Pick<Harness, 'send' | 'sandbox'>): Promise<void> {
  const o = h.sandbox.origin;
  await h.send('settings/update', {
    sandboxOrigin: o,
    platforms: {
      fomo: {
        environment: 'sandbox',
        returnUrls: [o + MERCHANT_PATHS.fomoReturn, o + MERCHANT_PATHS.fomoFront],
      },
      gow: { environment: 'sandbox', returnUrls: [] },
      biyong: { environment: 'sandbox', returnUrls: [o + MERCHANT_PATHS.biyongReturn] },
      grandchain: { environment: 'sandbox', returnUrls: [] },
      hicoin: { environment: 'sandbox', returnUrls: [o + MERCHANT_PATHS.hicoinReturn] },
    },
  });
}

export { CONTROL, MERCHANT_PATHS };
