/**
 * Helpers for the sandbox's own tests: a sandbox per suite, the control API, and a tiny "browser"
 * that reads the forms on consent/pay pages and submits them without following redirects.
 */
import { CONTROL } from './contract';
import { startSandbox, type Sandbox, type SandboxOptions } from './server';

export interface TestSandbox extends Sandbox {
  control(
    path: string,
    body?: unknown,
    method?: string,
  ): Promise<{ status: number; json: unknown }>;
  /** The control API, refusing anything but a 2xx answer (with the body in the error). */
  controlOk(path: string, body?: unknown, method?: string): Promise<unknown>;
  get(path: string, init?: RequestInit): Promise<Response>;
  post(path: string, fields: Record<string, string>, init?: RequestInit): Promise<Response>;
}

export async function startTestSandbox(opts: SandboxOptions = {}): Promise<TestSandbox> {
  const sb = await startSandbox({ port: 0, quiet: true, ...opts });
  const control = async (
    path: string,
    body?: unknown,
    method = body === undefined ? 'GET' : 'POST',
  ) => {
    const res = await fetch(sb.origin + path, {
      method,
      headers: body === undefined ? {} : { 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    return { status: res.status, json: text ? (JSON.parse(text) as unknown) : undefined };
  };
  return Object.assign(sb, {
    control,
    async controlOk(path: string, body?: unknown, method?: string) {
      const r = await control(path, body, method);
      if (r.status < 200 || r.status >= 300) {
        throw new Error(`sandbox ${path}: HTTP ${r.status} ${JSON.stringify(r.json)}`);
      }
      return r.json;
    },
    get(path: string, init: RequestInit = {}) {
      return fetch(absolute(sb.origin, path), { redirect: 'manual', ...init });
    },
    post(path: string, fields: Record<string, string>, init: RequestInit = {}) {
      return fetch(absolute(sb.origin, path), {
        method: 'POST',
        redirect: 'manual',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams(fields).toString(),
        ...init,
      });
    },
  });
}

function absolute(origin: string, path: string): string {
  return /^https?:/.test(path) ? path : origin + path;
}

/** The hidden fields and action of the first form on a page. */
export function readForm(page: string): { action: string; fields: Record<string, string> } {
  const action = /<form[^>]*action="([^"]*)"/.exec(page)?.[1];
  if (action === undefined) throw new Error('no form on the page');
  const fields: Record<string, string> = {};
  for (const m of page.matchAll(/<input type="hidden" name="([^"]*)" value="([^"]*)"/g)) {
    fields[m[1] ?? ''] = m[2] ?? '';
  }
  return { action, fields };
}

/** The query of a 302's Location. */
export function location(res: Response): URL {
  const loc = res.headers.get('location');
  if (res.status !== 302 || !loc) throw new Error(`expected a 302, got ${res.status}`);
  return new URL(loc);
}

export const resolveAction = (pageUrl: string, action: string) =>
  new URL(action, pageUrl).toString();

export { CONTROL };
