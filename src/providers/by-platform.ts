/**
 * The provider tables (ADAPTERS, DESCRIPTIONS, CAPABILITIES, RETURN_DECODERS) are found, not
 * listed: each table asks Vite for one file name in every platform folder
 * (`import.meta.glob('./*\/adapter.ts', { eager: true, import: 'default' })`), which compiles to
 * plain static imports, so each page still bundles only the kind of file it asks for. This turns
 * what was found into a table by platform id, in the order of PLATFORMS, and refuses a folder
 * that is not a platform or a platform without its file: a mistake stops the build's tests and
 * the extension at load, never a platform silently missing. docs/adding-a-platform.md.
 */
import { PLATFORMS, isPlatform, type Platform } from '../core/platform';

/** `./fomo/adapter.ts` → `fomo`. */
function folderOf(path: string): string {
  const m = /^\.\/([^/]+)\/[^/]+$/.exec(path);
  if (!m?.[1]) throw new Error(`src/providers: ${path} is not a file in a platform folder`);
  return m[1];
}

function collect<T>(found: Record<string, T>, file: string): Map<Platform, T> {
  const byId = new Map<Platform, T>();
  for (const [path, value] of Object.entries(found)) {
    const folder = folderOf(path);
    if (!isPlatform(folder))
      throw new Error(
        `src/providers/${folder}/${file}: "${folder}" is not in PLATFORMS (src/core/platform.ts)`,
      );
    if (value === undefined || value === null)
      throw new Error(`src/providers/${folder}/${file} has no default export`);
    byId.set(folder, value);
  }
  return byId;
}

/** Every platform's `file`, by id: each platform must have one. */
export function everyPlatform<T>(found: Record<string, T>, file: string): Record<Platform, T> {
  const byId = collect(found, file);
  const missing = PLATFORMS.filter((p) => !byId.has(p));
  if (missing.length > 0)
    throw new Error(`src/providers/{${missing.join(',')}}/${file} is missing`);
  return Object.fromEntries(PLATFORMS.map((p) => [p, byId.get(p)])) as Record<Platform, T>;
}

/** The platforms that have `file`, by id, in the order of PLATFORMS. */
export function somePlatforms<T>(
  found: Record<string, T>,
  file: string,
): Partial<Record<Platform, T>> {
  const byId = collect(found, file);
  return Object.fromEntries(PLATFORMS.filter((p) => byId.has(p)).map((p) => [p, byId.get(p)]));
}
