/**
 * Find a Chromium/Chrome to drive: CHROME_PATH, then the usual install paths. On Debian/Ubuntu as
 * root it installs Debian's `chromium` package (never a browser download of its own: those fail
 * on a closed network and are not what users run); otherwise it says exactly what to install.
 */
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { aptInstall, canAptInstall } from './apt';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

export function findChromium(): string | undefined {
  const env = process.env.CHROME_PATH;
  if (env) {
    if (!existsSync(env))
      throw new Error(`CHROME_PATH is set to ${env}, but there is no such file.`);
    return env;
  }
  return CANDIDATES.find((p) => existsSync(p));
}

export function ensureChromium(log: (s: string) => void = console.info): string {
  const found = findChromium();
  if (found) return found;
  if (canAptInstall()) {
    log('Chromium not found: installing Debian’s chromium package (apt-get)…');
    aptInstall('chromium');
    const after = findChromium();
    if (after) return after;
  }
  throw new Error(
    [
      'CoinDock needs Chromium or Google Chrome to run, and none was found.',
      process.platform === 'linux'
        ? '  Debian/Ubuntu: sudo apt-get install -y chromium   (or install Google Chrome)'
        : '  Install Google Chrome or Chromium.',
      '  Or point CHROME_PATH at an existing browser binary: CHROME_PATH=/path/to/chrome npm start',
    ].join('\n'),
  );
}

/** Flags for a quiet, self-contained browser on a closed network (see shared/testing.md). */
export function chromiumArgs(extensionDir: string): string[] {
  return [
    // Chromium refuses to start as root with its sandbox on; a normal user keeps the sandbox.
    ...(process.getuid?.() === 0 ? ['--no-sandbox'] : []),
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--disable-dev-shm-usage',
    `--disable-extensions-except=${extensionDir}`,
    `--load-extension=${extensionDir}`,
  ];
}

export function chromiumVersion(path: string): string {
  try {
    return execFileSync(path, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown version';
  }
}
