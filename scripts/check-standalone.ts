/**
 * Keeps the repository standalone (part of `npm run lint`): no tracked file may cite a document the
 * repository does not hold — the team's numbered seed documents, its condensed platform notes or
 * anything in the shared folder beside the repository. A reader of this repository has none of
 * them; cite `docs/` instead (`docs/providers/<platform>.md` and a section name, docs/security.md,
 * docs/design.md, docs/architecture.md). Prints `file:line: text` for every hit and exits 1.
 *
 * The pattern is assembled from parts so that this file does not match itself.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const FORBIDDEN = new RegExp(
  [['seed', ' 00'].join(''), ['providers', '\\.md'].join(''), ['\\.\\.', '/shared'].join('')].join(
    '|',
  ),
);

const files = execFileSync('git', ['ls-files', '-z'], { cwd: root, encoding: 'utf8' })
  .split('\0')
  .filter(Boolean);

const hits: string[] = [];
for (const file of files) {
  const path = resolve(root, file);
  if (!existsSync(path)) continue; // deleted in the work tree, not yet committed
  const bytes = readFileSync(path);
  if (bytes.includes(0)) continue; // binary (images, fonts)
  bytes
    .toString('utf8')
    .split('\n')
    .forEach((line, i) => {
      if (FORBIDDEN.test(line)) hits.push(`${file}:${i + 1}: ${line.trim()}`);
    });
}

if (hits.length > 0) {
  console.error(
    `check-standalone: ${hits.length} line(s) cite documents outside the repository; cite docs/ instead (docs/architecture.md):`,
  );
  for (const h of hits) console.error(`  ${h}`);
  process.exit(1);
}
console.info(
  `check-standalone: ${files.length} tracked files cite only what the repository holds.`,
);
