import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { defineConfig, type Plugin } from 'vite';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import baseManifest from './manifest.json' with { type: 'json' };

/**
 * Two builds of one manifest:
 * - default (`npm run build`, used by `npm start`, the e2e tests and loading dist/ by hand): adds
 *   host access to loopback so CoinDock can talk to the local sandbox without a permission prompt;
 * - `--mode store` (`npm run package`): exactly manifest.json, loopback access left out.
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

export default defineConfig(({ mode }) => {
  const manifest = structuredClone(baseManifest) as Omit<
    typeof baseManifest,
    'host_permissions'
  > & {
    host_permissions: string[];
  };
  if (mode !== 'store') manifest.host_permissions = ['http://127.0.0.1/*', 'http://localhost/*'];
  return {
    plugins: [preact(), crx({ manifest }), noWebAccessibleContentScript()],
    build: {
      target: 'chrome120',
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
