/**
 * `npm start`: build CoinDock, start the sandbox, and open Chromium with CoinDock loaded and set up
 * for the sandbox. Headed where there is a display; headless otherwise, and then it saves
 * screenshots of the popup and the options page. Runs until Ctrl-C and stops everything it started.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { launch, type Harness } from '../e2e/harness';
import { DEFAULT_PORT, DEMO, MERCHANT_PATHS, baseUrls } from '../sandbox/contract';

const root = resolve(import.meta.dirname, '..');

function hasDisplay(): boolean {
  if (process.platform === 'darwin' || process.platform === 'win32') return true;
  return Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
}

async function main(): Promise<void> {
  console.info('Building CoinDock…');
  execFileSync(join(root, 'node_modules', '.bin', 'vite'), ['build', '--logLevel', 'warn'], {
    cwd: root,
    stdio: 'inherit',
  });

  const headless = process.env.HEADLESS === '1' || !hasDisplay();
  const port = Number(process.env.SANDBOX_PORT ?? DEFAULT_PORT);
  // Filled in once launched; Ctrl-C during start-up still stops what was started.
  const running: { h?: Harness } = {};
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    console.info('\nStopping CoinDock, Chromium and the sandbox…');
    await running.h?.close();
    process.exit(code);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  const h = await launch({ headless, sandboxPort: port, sandboxLogs: true });
  running.h = h;
  const o = h.sandbox.origin;
  const urls = baseUrls(o);
  console.info(`
CoinDock is running against the sandbox.
  Extension id   ${h.extensionId}
  Popup          chrome-extension://${h.extensionId}/src/popup/index.html
  Options        chrome-extension://${h.extensionId}/src/options/index.html
  Sandbox        ${o}   (control API: ${o}/__control/health)
    FOMO ${urls.fomo}  ·  GOW ${urls.gow}  ·  BiYong ${urls.biyong}
    Grand Chain ${urls.grandchain}  ·  HiCoin ${urls.hicoin}
  Demo shop      ${o}${MERCHANT_PATHS.fomoReturn}
  Demo logins    Grand Chain ${DEMO.grandchain.users[0].email} / ${DEMO.grandchain.users[0].password} (sandbox data only)
`);

  if (headless) {
    const dir = join(root, 'screenshots');
    mkdirSync(dir, { recursive: true });
    const popup = await h.openPopup();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.getByTestId('worker-status').waitFor();
    await popup.screenshot({ path: join(dir, 'popup.png'), fullPage: true });
    const options = await h.openOptions();
    await options.setViewportSize({ width: 1000, height: 900 });
    await options.locator('nav').waitFor();
    await options.screenshot({ path: join(dir, 'options.png'), fullPage: true });
    console.info(`No display, so Chromium runs headless. Screenshots of the popup and the options page
are in ${relative(process.cwd(), dir) || '.'}/ (popup.png, options.png).`);
  } else {
    const options = await h.openOptions();
    await options.bringToFront();
  }
  console.info('Press Ctrl-C to stop.');
  h.context.on('close', () => void stop());
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
