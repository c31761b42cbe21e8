/**
 * `npm start`: build CoinDock, start the sandbox, and open Chromium with CoinDock loaded and set up
 * for the sandbox. By default with the demo profile (e2e/demo-profile.ts: a vault, all five
 * accounts connected, BiYong's ledger synced, a few transfers), so the first window shows CoinDock
 * at work; `npm start -- --fresh` keeps a clean profile (no vault, nothing connected) for trying
 * the setup by hand. Headed where there is a display; headless otherwise, and then it saves
 * screenshots of the popup and the options page (light, dark, 简体中文). Runs until Ctrl-C and stops
 * everything it started.
 *
 * Flags: --fresh (clean profile), --logs (print every sandbox request), --firefox (the Firefox
 * build in Firefox instead: dist-firefox/ installed as a temporary add-on, as about:debugging
 * does; docs/firefox.md). Env: SANDBOX_PORT, HEADLESS=1, CHROME_PATH (scripts/chromium.ts),
 * FIREFOX_PATH (scripts/firefox.ts).
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launch, type Harness } from '../e2e/harness';
import type { Page as FirefoxPage } from 'puppeteer-core';
import { launchFirefox, type FirefoxHarness } from '../e2e-firefox/harness';
import {
  DEMO_LEDGER,
  optionsPainted,
  popupPainted,
  setUpDemoProfile,
  type DemoHarness,
  type DemoProfile,
} from '../e2e/demo-profile';
import { DEFAULT_PORT, DEMO_API, MERCHANT_PATHS, baseUrls } from '../sandbox/contract';
import { DEMO_GRANDCHAIN_USER, DEMO_PLATFORMS, type DemoPlatform } from '../sandbox/demo-keys';
import { TRANSFER_KIND_NAMES } from '../src/core/transfer-kinds';
import type { PlatformCapabilities } from '../src/providers/types';
import { FIXED_UUID } from './firefox';

const root = resolve(import.meta.dirname, '..');
// Filled in once launched: Ctrl-C or a failure during start-up still stops what was started.
const running: { h?: Pick<Harness, 'close'> } = {};
// Each platform's name as its own capabilities.ts gives it (tsx runs this file, and has no
// import.meta.glob: src/providers/capabilities.ts cannot be imported here).
const NAMES = Object.fromEntries(
  await Promise.all(
    DEMO_PLATFORMS.map(async (p) => {
      const m = (await import(`../src/providers/${p}/capabilities.ts`)) as {
        default: PlatformCapabilities;
      };
      return [p, m.default.name.en] as const;
    }),
  ),
) as Record<DemoPlatform, string>;

function hasDisplay(): boolean {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

interface Flags {
  fresh: boolean;
  logs: boolean;
  firefox: boolean;
}

function parseFlags(): Flags {
  try {
    const { values } = parseArgs({
      options: {
        fresh: { type: 'boolean' },
        logs: { type: 'boolean' },
        firefox: { type: 'boolean' },
      },
    });
    return {
      fresh: values.fresh ?? false,
      logs: values.logs ?? false,
      firefox: values.firefox ?? false,
    };
  } catch (e) {
    console.error(`npm start: ${e instanceof Error ? e.message : String(e)}
Usage: npm start [-- --fresh] [-- --logs] [-- --firefox]
  --fresh    a clean profile: no vault, nothing connected (try the setup by hand)
  --logs     print every request the sandbox answers
  --firefox  the Firefox build in Firefox (a temporary add-on) instead of Chromium`);
    process.exit(2);
  }
}

async function main(): Promise<void> {
  const flags = parseFlags();
  // Since the process started (tsx's start-up and the build included): what the user waits.
  const seconds = () => process.uptime().toFixed(1);
  const browserName = flags.firefox ? 'Firefox' : 'Chromium';
  console.info(`Building CoinDock${flags.firefox ? ' for Firefox' : ''}…`);
  execFileSync(
    join(root, 'node_modules', '.bin', 'vite'),
    ['build', '--logLevel', 'warn', ...(flags.firefox ? ['--mode', 'firefox'] : [])],
    { cwd: root, stdio: 'inherit' },
  );

  const headless = process.env.HEADLESS === '1' || !hasDisplay();
  const port = Number(process.env.SANDBOX_PORT ?? DEFAULT_PORT);
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    console.info(`\nStopping CoinDock, ${browserName} and the sandbox…`);
    await running.h?.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  console.info(
    `Starting the sandbox and ${browserName}${headless ? ' (headless: no display)' : ''}…`,
  );
  const opts = { headless, sandboxPort: port, sandboxLogs: flags.logs };
  const b = flags.firefox ? await startFirefox(opts) : await startChromium(opts);
  const demo = flags.fresh
    ? undefined
    : await setUpDemoProfile(b.h, { log: (line) => console.info(`  ${line}`) });
  console.info(readyText(seconds(), demo, b.h.sandbox.origin, b));

  if (headless) {
    const dir = join(root, 'screenshots');
    mkdirSync(dir, { recursive: true });
    const files = await b.screenshots(dir);
    console.info(`No display, so ${browserName} runs headless. Screenshots are in ${relative(process.cwd(), dir) || '.'}/:
  ${files.join('  ')}`);
  } else {
    await b.show(demo !== undefined);
  }
  const demoCmd = flags.firefox ? 'npm start -- --firefox' : 'npm start';
  const freshCmd = flags.firefox ? 'npm start -- --firefox --fresh' : 'npm start -- --fresh';
  console.info(
    flags.fresh
      ? `Press Ctrl-C to stop. \`${demoCmd}\` (without --fresh) starts with the demo profile.`
      : `Press Ctrl-C to stop. \`${freshCmd}\` starts with a clean profile instead.`,
  );
  b.onClosed(() => void stop());
}

/** A browser running CoinDock: what differs between Chromium and Firefox, the rest is main's. */
interface Started {
  h: DemoHarness & Pick<Harness, 'close'>;
  /** The line naming the extension, and the origin of its pages. */
  id: string;
  origin: string;
  /** Screenshots of the popup and the options page; the file names written. */
  screenshots(dir: string): Promise<string[]>;
  /** With a display: open the options page, and the popup too when there is a demo to see. */
  show(demo: boolean): Promise<void>;
  onClosed(listener: () => void): void;
}

type LaunchOptions = { headless: boolean; sandboxPort: number; sandboxLogs: boolean };

async function startChromium(opts: LaunchOptions): Promise<Started> {
  const h = await launch(opts);
  running.h = h;
  return {
    h,
    id: `Extension id   ${h.extensionId}`,
    origin: `chrome-extension://${h.extensionId}`,
    screenshots: (dir) => screenshots(h, dir),
    async show(demo) {
      const options = await h.openOptions();
      if (demo) await h.openPopup();
      else await options.bringToFront();
    },
    onClosed: (listener) => h.context.on('close', listener),
  };
}

/** What `npm start` prints once CoinDock is ready, in either browser. */
function readyText(
  seconds: string,
  demo: DemoProfile | undefined,
  o: string,
  ext: { id: string; origin: string },
): string {
  const urls = baseUrls(o);
  const gc = DEMO_GRANDCHAIN_USER;
  return `
CoinDock is ready (${seconds} s) — ${demo ? 'DEMO PROFILE' : 'FRESH PROFILE: no vault, nothing connected'}
${demo ? demoSummary(demo) : freshSummary(o)}
  ${ext.id}
  Popup          ${ext.origin}/src/popup/index.html
  Options        ${ext.origin}/src/options/index.html
  Sandbox        ${o}   (control API: ${o}/__control/health; demo keys: ${o}${DEMO_API.credentials})
    FOMO ${urls.fomo}  ·  GOW ${urls.gow}  ·  BiYong ${urls.biyong}
    Grand Chain ${urls.grandchain}  ·  HiCoin ${urls.hicoin}
  Demo shop      ${o}${MERCHANT_PATHS.fomoReturn}
  Demo logins    Grand Chain ${gc.email} / ${gc.password} (sandbox data only)
`;
}

/**
 * `npm start -- --firefox`: the same demo in Firefox, with dist-firefox/ installed as a temporary
 * add-on (gone when Firefox quits, as one loaded from about:debugging is). Headless where there is
 * no display, and then it saves screenshots of the popup and the options page.
 */
async function startFirefox(opts: LaunchOptions): Promise<Started> {
  const h: FirefoxHarness = await launchFirefox(opts);
  running.h = h;
  return {
    h,
    id: `Add-on id      ${h.addonId} (temporary, internal UUID ${FIXED_UUID})`,
    origin: h.origin,
    async screenshots(dir) {
      const popup = await h.openPopup();
      await popup.setViewport({ width: 360, height: 600 });
      await quietPage(popup);
      await popup.screenshot({ path: join(dir, 'firefox-popup.png'), fullPage: true });
      const options = await h.openOptions();
      await options.setViewport({ width: 1000, height: 900 });
      await quietPage(options);
      await options.screenshot({ path: join(dir, 'firefox-options.png'), fullPage: true });
      return ['firefox-popup.png', 'firefox-options.png'];
    },
    async show(demo) {
      await h.openOptions();
      if (demo) await h.openPopup();
    },
    onClosed: (listener) => h.browser.on('disconnected', listener),
  };
}

/**
 * Wait until a Firefox page has drawn what it loads after its first paint (the charts and the
 * activity list come in lazily): no change to its document for half a second, at most 10 s.
 */
async function quietPage(page: FirefoxPage): Promise<void> {
  // A string, not a function: tsx would add its own helpers (__name) the page does not have.
  await page.evaluate(`new Promise((resolve) => {
    const done = () => { watch.disconnect(); clearTimeout(timer); clearTimeout(cap); resolve(); };
    let timer = setTimeout(done, 500);
    const cap = setTimeout(done, 10000);
    const watch = new MutationObserver(() => { clearTimeout(timer); timer = setTimeout(done, 500); });
    watch.observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  })`);
}

function demoSummary(d: DemoProfile): string {
  const accounts = DEMO_PLATFORMS.map((p) => `${NAMES[p]} (${d.accounts[p].label})`).join(' · ');
  const biyong = d.activity.sources.find((s) => s.source === 'biyong')?.count ?? 0;
  const transfers = d.transfers
    .map((t) => `${t.amount} ${t.token} ${TRANSFER_KIND_NAMES[t.kind].en} (${t.state})`)
    .join(' · ');
  return `
  Vault passphrase   ${d.passphrase}
                     New for this run. CoinDock locks itself after a while: unlock it with this.
  Connected          ${accounts}
  Activity           ${d.activity.total} rows, ${biyong} of them BiYong ledger records over the last ${DEMO_LEDGER.days / 7} weeks
  Transfers          ${transfers}

  Next: open CoinDock from the toolbar's puzzle-piece menu (pin it there), look at accounts,
  activity and transfers, or send another transfer. Settings: right-click the icon → Options.
`;
}

function freshSummary(origin: string): string {
  return `
  Next: open CoinDock's Options, create a vault (choose a passphrase), then for each platform keep
  the Sandbox environment and fill in its keys: "Fill in sandbox demo keys", or copy them from
  ${origin}${DEMO_API.credentials}. Then connect each account from the popup.
`;
}

/**
 * The popup (360 px wide, as Chrome shows it) and the options page, each in light, dark and
 * 简体中文. Returns the file names written.
 */
async function screenshots(h: Harness, dir: string): Promise<string[]> {
  const variants = [
    { suffix: '', dark: false, language: 'auto' },
    { suffix: '-dark', dark: true, language: 'auto' },
    { suffix: '-zh-CN', dark: false, language: 'zh-CN' },
  ] as const;
  const files: string[] = [];
  for (const v of variants) {
    await h.send('settings/update', { language: v.language });
    const popup = await h.openPopup();
    if (v.dark) await popup.emulateMedia({ colorScheme: 'dark' });
    await popup.setViewportSize({ width: 360, height: 600 });
    await popupPainted(popup, h);
    files.push(`popup${v.suffix}.png`);
    await popup.screenshot({ path: join(dir, `popup${v.suffix}.png`), fullPage: true });
    await popup.close();

    const options = await h.openOptions();
    if (v.dark) await options.emulateMedia({ colorScheme: 'dark' });
    await options.setViewportSize({ width: 1000, height: 900 });
    await optionsPainted(options);
    files.push(`options${v.suffix}.png`);
    await options.screenshot({ path: join(dir, `options${v.suffix}.png`), fullPage: true });
    await options.close();
  }
  await h.send('settings/update', { language: 'auto' });
  return files;
}

main().catch(async (e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  await running.h?.close();
  process.exit(1);
});
