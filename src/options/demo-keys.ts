/**
 * "Fill in sandbox demo keys": the local sandbox serves the demo app's keys for every platform at
 * `GET <sandbox>/__demo/credentials` (sandbox/server.ts). The answer is checked before any of it
 * reaches a form, and each way of failing is said in words.
 */
import * as v from 'valibot';
import { PLATFORMS, type Platform } from '../core/platform';
import { t, type Lang } from '../core/i18n';

export const DEMO_CREDENTIALS_PATH = '/__demo/credentials';

const Fields = v.record(v.string(), v.pipe(v.string(), v.maxLength(8192)));
const DemoSchema = v.object(
  Object.fromEntries(PLATFORMS.map((p) => [p, Fields])) as Record<Platform, typeof Fields>,
);

export class DemoKeysError extends Error {}

/** The sandbox's demo values of this platform's fields, or a DemoKeysError in the user's words. */
export async function fetchDemoKeys(
  sandboxOrigin: string,
  platform: Platform,
  lang: Lang,
): Promise<Record<string, string>> {
  const origin = sandboxOrigin.replace(/\/+$/, '');
  let res: Response;
  try {
    res = await fetch(origin + DEMO_CREDENTIALS_PATH, { cache: 'no-store' });
  } catch {
    throw new DemoKeysError(t(lang, 'options.demoKeys.unreachable', { origin }));
  }
  if (!res.ok) {
    throw new DemoKeysError(t(lang, 'options.demoKeys.noEndpoint', { origin, status: res.status }));
  }
  const parsed = v.safeParse(DemoSchema, await res.json().catch(() => undefined));
  if (!parsed.success) throw new DemoKeysError(t(lang, 'options.demoKeys.invalid', { origin }));
  return parsed.output[platform];
}
