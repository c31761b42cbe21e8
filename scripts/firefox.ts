/**
 * Find a Firefox to drive: FIREFOX_PATH, then `firefox-esr` / `firefox` on PATH and the usual
 * install paths. On Debian/Ubuntu as root it installs Debian's `firefox-esr` package (as
 * scripts/chromium.ts does Chromium: never a browser download of its own); otherwise it says
 * exactly what to install.
 */
import { existsSync, readFileSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { aptInstall, canAptInstall } from './apt';

const NAMES = ['firefox-esr', 'firefox'];
const PATHS = [
  '/usr/lib/firefox-esr/firefox-esr',
  '/usr/lib/firefox/firefox',
  '/snap/bin/firefox',
  '/Applications/Firefox.app/Contents/MacOS/firefox',
];

export function findFirefox(): string | undefined {
  const env = process.env.FIREFOX_PATH;
  if (env) {
    if (!existsSync(env))
      throw new Error(`FIREFOX_PATH is set to ${env}, but there is no such file.`);
    return env;
  }
  const dirs = (process.env.PATH ?? '').split(delimiter).filter(Boolean);
  for (const name of NAMES) {
    const hit = dirs.map((d) => join(d, name)).find((p) => existsSync(p));
    if (hit) return hit;
  }
  return PATHS.find((p) => existsSync(p));
}

export function ensureFirefox(log: (s: string) => void = console.info): string {
  const found = findFirefox();
  if (found) return found;
  if (canAptInstall()) {
    log('Firefox not found: installing Debian’s firefox-esr package (apt-get)…');
    aptInstall('firefox-esr');
    const after = findFirefox();
    if (after) return after;
  }
  throw new Error(
    [
      'The Firefox build needs Firefox 140 or newer to run, and none was found.',
      process.platform === 'linux'
        ? '  Debian/Ubuntu: sudo apt-get install -y firefox-esr   (or install Firefox)'
        : '  Install Firefox.',
      '  Or point FIREFOX_PATH at an existing Firefox binary.',
    ].join('\n'),
  );
}

/** The add-on id a Firefox build declares (vite.config.ts sets it). */
export function addonIdOf(distDir: string): string {
  const m = JSON.parse(readFileSync(join(distDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const id = m.browser_specific_settings?.gecko?.id;
  if (!id) throw new Error(`${distDir} is not a Firefox build: its manifest has no gecko id.`);
  return id;
}

/**
 * Firefox gives each install of an add-on a random internal UUID (its moz-extension:// host).
 * The pref `extensions.webextensions.uuids` (add-on id → UUID) fixes it for a profile, so the
 * tests and `npm start -- --firefox` know the pages' addresses before the add-on is installed.
 */
export const FIXED_UUID = 'c01d0c4e-0000-4000-8000-000000000001';

export function firefoxPrefs(addonId: string): Record<string, string | number | boolean> {
  return {
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: FIXED_UUID }),
    // A quiet browser on a closed network: no first-run pages, no update or telemetry traffic.
    'browser.shell.checkDefaultBrowser': false,
    'app.update.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.enabled': false,
    'extensions.getAddons.cache.enabled': false,
  };
}
