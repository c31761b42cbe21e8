/**
 * `npm run package`: the store build (`vite build --mode store`: no loopback host access) zipped
 * into release/coindock-<version>.zip, ready to upload to the Chrome Web Store.
 * `npm run package:firefox` (`--firefox`): the Firefox store build (`--mode firefox-store`, into
 * dist-firefox/), checked by Mozilla's add-on linter (scripts/lint-firefox.ts), zipped into
 * release/coindock-<version>-firefox.zip for addons.mozilla.org.
 */
import { readFileSync, readdirSync, statSync, mkdirSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { execFileSync } from 'node:child_process';
import { zipSync, type Zippable } from 'fflate';

const root = resolve(import.meta.dirname, '..');
const firefox = process.argv.includes('--firefox');
const dist = join(root, firefox ? 'dist-firefox' : 'dist');

execFileSync(
  join(root, 'node_modules', '.bin', 'vite'),
  ['build', '--mode', firefox ? 'firefox-store' : 'store'],
  {
    cwd: root,
    stdio: 'inherit',
  },
);

const manifest = JSON.parse(readFileSync(join(dist, 'manifest.json'), 'utf8')) as {
  version: string;
  host_permissions?: string[];
};
if (manifest.host_permissions?.some((h) => /127\.0\.0\.1|localhost/.test(h))) {
  throw new Error('The store build must not ask for loopback host access.');
}
// addons.mozilla.org runs the same linter on upload: what is zipped passes it first.
if (firefox) {
  execFileSync(
    join(root, 'node_modules', '.bin', 'tsx'),
    [join(root, 'scripts', 'lint-firefox.ts')],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
}

const files: Zippable = {};
const walk = (dir: string) => {
  for (const name of readdirSync(dir).sort()) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p);
    else if (!name.endsWith('.map')) files[relative(dist, p)] = readFileSync(p);
  }
};
walk(dist);

mkdirSync(join(root, 'release'), { recursive: true });
const out = join(root, 'release', `coindock-${manifest.version}${firefox ? '-firefox' : ''}.zip`);
// A fixed time keeps the archive identical for identical builds.
writeFileSync(out, zipSync(files, { level: 9, mtime: new Date('2026-01-01T00:00:00Z') }));
console.info(
  `${relative(root, out)}: ${Object.keys(files).length} files, ${statSync(out).size} bytes`,
);
