/**
 * `npm test`: typecheck, lint, unit and integration tests, then the real-browser suite in
 * Chromium, then the Firefox build, Mozilla's add-on linter on it and the real-browser suite in
 * Firefox, and one closing line `total: N passed, M failed` (tests plus the typecheck, lint,
 * build and web-ext lint checks). Every step runs even when an earlier one failed, so one run
 * shows everything; the exit code is non-zero if anything failed.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const work = mkdtempSync(join(tmpdir(), 'coindock-test-'));

interface StepResult {
  name: string;
  passed: number;
  failed: number;
  note: string;
}

function run(cmd: string, args: string[]): number {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: process.env });
  return r.status ?? 1;
}

function check(name: string, cmd: string, args: string[]): StepResult {
  console.info(`\n▶ ${name}`);
  const ok = run(cmd, args) === 0;
  return { name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, note: ok ? 'ok' : 'FAILED' };
}

interface VitestJson {
  numPassedTests: number;
  numFailedTests: number;
  numTotalTests: number;
  numFailedTestSuites: number;
  numPendingTests: number;
  numTodoTests: number;
}

function vitest(name: string, args: string[]): StepResult {
  console.info(`\n▶ ${name}`);
  const out = join(work, `${name}.json`);
  const code = run(bin('vitest'), [
    'run',
    ...args,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${out}`,
  ]);
  if (!existsSync(out)) {
    return { name, passed: 0, failed: 1, note: `vitest exited ${code} without results` };
  }
  const r = JSON.parse(readFileSync(out, 'utf8')) as VitestJson;
  // A suite that failed to load has no failed tests but is a failure all the same.
  // Failed tests are counted one by one. A file that failed to load has no failed test but is a
  // failure all the same; so is a non-zero exit with nothing else to show for it.
  const failed =
    r.numFailedTests > 0 ? r.numFailedTests : Math.max(r.numFailedTestSuites, code !== 0 ? 1 : 0);
  const skipped = r.numPendingTests + r.numTodoTests;
  return {
    name,
    passed: r.numPassedTests,
    failed,
    note: `${r.numPassedTests} passed, ${r.numFailedTests} failed${skipped ? `, ${skipped} skipped` : ''}`,
  };
}

const results: StepResult[] = [];
results.push(check('typecheck', bin('tsc'), ['--noEmit', '-p', 'tsconfig.json']));
results.push(check('lint', 'npm', ['run', '--silent', 'lint']));
results.push(vitest('unit', []));
const build = check('build', bin('vite'), ['build']);
results.push(build);
if (build.failed === 0) {
  results.push(vitest('e2e', ['--config', 'e2e/vitest.config.ts']));
} else {
  results.push({ name: 'e2e', passed: 0, failed: 1, note: 'not run: the build failed' });
}
const buildFirefox = check('build:firefox', bin('vite'), ['build', '--mode', 'firefox']);
results.push(buildFirefox);
if (buildFirefox.failed === 0) {
  results.push(check('web-ext lint', bin('tsx'), ['scripts/lint-firefox.ts']));
  results.push(vitest('firefox', ['--config', 'e2e-firefox/vitest.config.ts']));
} else {
  for (const name of ['web-ext lint', 'firefox'])
    results.push({ name, passed: 0, failed: 1, note: 'not run: the Firefox build failed' });
}
rmSync(work, { recursive: true, force: true });

console.info('\nSummary');
for (const r of results) console.info(`  ${r.failed ? '✗' : '✓'} ${r.name.padEnd(13)} ${r.note}`);
const passed = results.reduce((n, r) => n + r.passed, 0);
const failed = results.reduce((n, r) => n + r.failed, 0);
console.info(`total: ${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
