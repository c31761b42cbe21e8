import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { crx, type ManifestV3Export } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import baseManifest from './manifest.json' with { type: 'json' };

/**
 * Builds of one manifest:
 * - default (`npm run build`, used by `npm start`, the e2e tests and loading dist/ by hand): adds
 *   host access to loopback so CoinDock can talk to the local sandbox without a permission prompt;
 * - `--mode store` (`npm run package`): exactly manifest.json, loopback access left out.
 * - `--mode firefox` / `--mode firefox-store` (`npm run build:firefox`, `npm run package:firefox`):
 *   the same two for Firefox, into dist-firefox/ (firefoxManifest below; docs/firefox.md).
 * Every other host is an optional permission, asked for when the user configures it.
 */
/**
 * crxjs lists every `?script` import as a web-accessible resource for all sites. The content
 * script is injected by chrome.scripting (which needs no such entry), and a web-accessible file
 * lets any page detect that CoinDock is installed, so the entry is removed after the build.
 */
function noWebAccessibleContentScript(): Plugin {
  let outDir = 'dist';
  return {
    name: 'coindock:no-web-accessible-content-script',
    enforce: 'post',
    configResolved(config) {
      outDir = config.build.outDir;
    },
    writeBundle() {
      const file = join(outDir, 'manifest.json');
      const m = JSON.parse(readFileSync(file, 'utf8')) as {
        web_accessible_resources?: { resources: string[] }[];
      };
      const kept = (m.web_accessible_resources ?? [])
        .map((w) => ({ ...w, resources: w.resources.filter((r) => !r.startsWith('src/content/')) }))
        .filter((w) => w.resources.length > 0);
      if (kept.length) m.web_accessible_resources = kept;
      else delete m.web_accessible_resources;
      writeFileSync(file, JSON.stringify(m, null, 2));
    },
  };
}

type Manifest = Omit<typeof baseManifest, 'host_permissions'> & { host_permissions: string[] };

/**
 * The Firefox add-on's id: fixed, so storage and granted permissions survive updates. The tests
 * and `npm start -- --firefox` read it from the built manifest.
 */
const GECKO_ID = 'coindock@coindock.app';
/**
 * The oldest Firefox CoinDock runs in: 140 (the ESR before 153) is the first with
 * `data_collection_permissions`, which addons.mozilla.org requires of new add-ons; everything
 * else CoinDock uses is older (storage.session 115, scripting.registerContentScripts 102,
 * MV3 109, optional_host_permissions 128). docs/firefox.md.
 */
const GECKO_MIN_VERSION = '140.0';

/**
 * Firefox's manifest: an event page instead of a service worker (Firefox has none for
 * extensions; crxjs in `browser: 'firefox'` mode emits `background.scripts` with type module),
 * the gecko id and minimum version, and no Chrome-only keys (Firefox warns on each unknown key).
 */
function firefoxManifest(m: Manifest): ManifestV3Export {
  const { minimum_chrome_version: _chromeOnly, background, ...rest } = m;
  // What leaves the device, and to whom: only to the platforms the user connects (their sign-in
  // and the amounts of the transfers they send); nothing to CoinDock.
  const required: ('authenticationInfo' | 'financialAndPaymentInfo')[] = [
    'authenticationInfo',
    'financialAndPaymentInfo',
  ];
  // A variable, not a literal: crxjs's manifest type does not know `gecko_android` yet.
  const settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: GECKO_MIN_VERSION,
      data_collection_permissions: { required },
    },
    // Firefox for Android takes data_collection_permissions from 142.
    gecko_android: { strict_min_version: '142.0' },
  };
  return {
    ...rest,
    background: { scripts: [background.service_worker], type: 'module' },
    browser_specific_settings: settings,
  };
}

export default defineConfig(({ mode }) => {
  const firefox = mode === 'firefox' || mode === 'firefox-store';
  const store = mode === 'store' || mode === 'firefox-store';
  const manifest = structuredClone(baseManifest) as Manifest;
  if (!store) manifest.host_permissions = ['http://127.0.0.1/*', 'http://localhost/*'];
  return {
    plugins: [
      preact(),
      firefox
        ? crx({ manifest: firefoxManifest(manifest), browser: 'firefox' })
        : crx({ manifest }),
      noWebAccessibleContentScript(),
    ],
    build: {
      outDir: firefox ? 'dist-firefox' : 'dist',
      target: firefox ? ['chrome120', 'firefox140'] : 'chrome120',
      sourcemap: mode === 'development',
      minify: mode !== 'development',
      emptyOutDir: true,
      chunkSizeWarningLimit: 200,
      // No <link rel=modulepreload> in the pages: from the extension's own files, the modules
      // load as fast without them, and the popup's first paint (its snapshot and stylesheets)
      // does not queue behind eight preloads (bench/popup-paint.ts: 1.33 → 1.2×).
      modulePreload: false,
    },
    server: { strictPort: true, port: 5173, hmr: { port: 5173 } },
  };
});
