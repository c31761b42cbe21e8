/**
 * `npm run lint:firefox`: Mozilla's add-on linter (`web-ext lint`, what addons.mozilla.org runs
 * on upload) over dist-firefox/. Passes with no error and no warning or notice, except the ones
 * listed here, each explained in docs/firefox.md ("web-ext lint"). Build first
 * (`npm run build:firefox`; `npm test` does).
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dir = join(root, 'dist-firefox');

interface Finding {
  code: string;
  message: string;
  file?: string;
  line?: number;
}

/** Known and explained: code and the built file it is in (docs/firefox.md, "web-ext lint"). */
const EXPLAINED: { code: string; file: RegExp; why: string }[] = [
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    file: /^assets\/jsxRuntime-[\w-]+\.js$/,
    why: "preact's support for the dangerouslySetInnerHTML prop, which CoinDock never uses (eslint forbids it)",
  },
];

if (!existsSync(join(dir, 'manifest.json'))) {
  console.error('dist-firefox/ is missing: run `npm run build:firefox` first.');
  process.exit(1);
}
const r = spawnSync(
  join(root, 'node_modules', '.bin', 'web-ext'),
  ['lint', '--source-dir', dir, '--output', 'json', '--no-config-discovery'],
  { cwd: root, encoding: 'utf8' },
);
let report: { errors: Finding[]; warnings: Finding[]; notices: Finding[] };
try {
  report = JSON.parse(r.stdout) as typeof report;
} catch {
  console.error(`web-ext lint gave no report (exit ${r.status}):\n${r.stdout}${r.stderr}`);
  process.exit(1);
}
const all = [
  ...report.errors.map((f) => ({ ...f, level: 'error' })),
  ...report.warnings.map((f) => ({ ...f, level: 'warning' })),
  ...report.notices.map((f) => ({ ...f, level: 'notice' })),
];
/** The explanation of a finding, if docs/firefox.md has one (never for an error). */
const explanation = (f: Finding & { level: string }) =>
  f.level === 'error'
    ? undefined
    : EXPLAINED.find((e) => e.code === f.code && e.file.test(f.file ?? ''));
const left = all.filter((f) => !explanation(f));
for (const f of all) {
  const where = f.file ? ` (${f.file}${f.line ? `:${f.line}` : ''})` : '';
  const known = explanation(f);
  console.info(
    `${known ? 'explained' : f.level} ${f.code}${where}: ${known ? known.why : f.message}`,
  );
}
console.info(
  `web-ext lint: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices; ${left.length} not explained in docs/firefox.md`,
);
process.exit(left.length ? 1 : 0);
