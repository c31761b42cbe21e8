/**
 * Benchmark: how much JavaScript the popup loads, gzipped (goal ≤ 30 KB, issue 5 "Performance").
 * Reads the built extension (run `npm run build` first), starts at the popup's HTML and follows
 * its module graph: the HTML's scripts and modulepreloads, then every static `import` of each
 * module. Dynamic `import()`s are loaded only when used and listed apart — except the language
 * tables: the popup loads exactly one (src/core/i18n.ts `loadLanguage`) before it renders, so
 * the larger of them (with what it imports) is counted. Prints one JSON object; see
 * bench/README.md.
 *
 *   npm run build && npx tsx bench/popup-size.ts [--dist dist] [--html src/popup/index.html]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';

const { values } = parseArgs({
  options: {
    dist: { type: 'string', default: resolve(import.meta.dirname, '..', 'dist') },
    html: { type: 'string', default: 'src/popup/index.html' },
  },
});
const dist = resolve(values.dist);
const htmlPath = join(dist, values.html);
const GOAL_GZIP_BYTES = 30 * 1024;

if (!existsSync(htmlPath)) {
  console.error(`${htmlPath} is missing: run \`npm run build\` first`);
  process.exit(1);
}

/** A URL as written in a file of `fromFile` → a path inside dist (root-relative or relative). */
function toPath(url: string, fromFile: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:/i.test(url)) return undefined; // another origin: not the popup's
  const clean = url.split(/[?#]/)[0]!;
  return normalize(clean.startsWith('/') ? join(dist, clean) : join(dirname(fromFile), clean));
}

const html = readFileSync(htmlPath, 'utf8');
const entries: string[] = [];
const css: string[] = [];
for (const m of html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"[^>]*>/g)) entries.push(m[1]!);
for (const m of html.matchAll(/<link\b[^>]*\brel="modulepreload"[^>]*\bhref="([^"]+)"/g)) {
  entries.push(m[1]!);
}
for (const m of html.matchAll(/<link\b[^>]*\brel="stylesheet"[^>]*\bhref="([^"]+)"/g)) {
  css.push(m[1]!);
}

// Minified ES modules: `import{a}from"./x.js"`, `import"./x.js"`, `export*from"./x.js"`.
const STATIC_IMPORT = /(?:\bimport|\bexport)\s*(?:[\w*{}\s,$]*?\bfrom\s*)?["']([^"']+\.js)["']/g;
const DYNAMIC_IMPORT = /\bimport\(\s*["'`]([^"'`]+\.js)["'`]\s*\)/g;
/** The language tables' chunks (src/core/i18n/en.ts, zh.ts). */
const LANGUAGE_CHUNK = /[\\/](en|zh)-[\w-]+\.js$/;

/** Every file `start` loads, statically and transitively, that `known` does not hold yet. */
function closure(start: string[], known: ReadonlySet<string> = new Set()) {
  const files = new Set<string>();
  const dynamic = new Set<string>();
  const queue = [...start];
  while (queue.length) {
    const file = queue.shift()!;
    if (files.has(file) || known.has(file)) continue;
    if (!existsSync(file)) {
      console.error(`The popup loads ${relative(dist, file)}, which is not in dist/`);
      process.exit(1);
    }
    files.add(file);
    const code = readFileSync(file, 'utf8');
    for (const m of code.matchAll(STATIC_IMPORT)) {
      const p = toPath(m[1]!, file);
      if (p) queue.push(p);
    }
    for (const m of code.matchAll(DYNAMIC_IMPORT)) {
      const p = toPath(m[1]!, file);
      if (p) dynamic.add(p);
    }
  }
  return { files, dynamic };
}

const graph = closure(
  entries.map((e) => toPath(e, htmlPath)).filter((p): p is string => p !== undefined),
);
const loaded = graph.files;
const lazy = new Set([...graph.dynamic].filter((f) => !loaded.has(f)));

function sizes(file: string) {
  const bytes = readFileSync(file);
  return {
    file: relative(dist, file),
    bytes: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
  };
}

type Sized = ReturnType<typeof sizes>;
const sum = (files: Sized[], key: 'bytes' | 'gzip') => files.reduce((n, f) => n + f[key], 0);
const js = [...loaded].map(sizes).sort((a, b) => b.gzip - a.gzip);
const styles = css
  .map((c) => toPath(c, htmlPath))
  .filter((p): p is string => !!p)
  .map(sizes);
// One language table, with whatever it imports that is not loaded already; the larger counts.
const languages = [...lazy]
  .filter((f) => LANGUAGE_CHUNK.test(f))
  .map((f) => {
    const files = [...closure([f], loaded).files].map(sizes);
    return { language: LANGUAGE_CHUNK.exec(f)![1]!, files, gzip: sum(files, 'gzip') };
  });
const languageGzip = Math.max(0, ...languages.map((l) => l.gzip));
const counted = new Set(languages.flatMap((l) => l.files.map((f) => f.file)));
const lazyJs = [...lazy].map(sizes).filter((f) => !counted.has(f.file));
const totalGzip = sum(js, 'gzip') + languageGzip;

console.info(
  JSON.stringify(
    {
      html: values.html,
      jsFiles: js.length + (languages.length ? 1 : 0),
      jsBytes: sum(js, 'bytes') + Math.max(0, ...languages.map((l) => sum(l.files, 'bytes'))),
      jsGzipBytes: totalGzip,
      jsGzipKb: Math.round((totalGzip / 1024) * 100) / 100,
      goalGzipKb: GOAL_GZIP_BYTES / 1024,
      withinGoal: totalGzip <= GOAL_GZIP_BYTES,
      js,
      languageJs: languages,
      languageGzipBytes: languageGzip,
      lazyJs,
      css: styles,
    },
    null,
    2,
  ),
);
