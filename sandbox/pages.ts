/**
 * HTML for the pages a person clicks through in the sandbox (consent, pay, merchant return).
 * Every interpolated value goes through `esc` — the pages echo query parameters a hostile link
 * could set — and every page forbids scripts and framing via CSP: none of them needs JavaScript.
 */
import type { SimResponse } from './types';

const ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

export function esc(value: unknown): string {
  return String(value).replace(/[&<>"'`]/g, (c) => ENTITIES[c] ?? c);
}

/** A fragment of HTML that is already safe (built only through `html`/`esc`). */
export class Html {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value;
  }
}

/** Tagged template: interpolations are escaped unless they are Html (or arrays of Html). */
export function html(strings: TemplateStringsArray, ...values: unknown[]): Html {
  let out = strings[0] ?? '';
  values.forEach((v, i) => {
    out += render(v) + (strings[i + 1] ?? '');
  });
  return new Html(out);
}

function render(v: unknown): string {
  if (v instanceof Html) return v.value;
  if (Array.isArray(v)) return v.map(render).join('');
  if (v === undefined || v === null || v === false) return '';
  return esc(v);
}

const STYLE = `
body{font:15px/1.5 system-ui,sans-serif;margin:0;background:#f4f5f7;color:#1d2330}
main{max-width:32rem;margin:3rem auto;background:#fff;border-radius:10px;padding:1.5rem 2rem;
box-shadow:0 1px 4px rgba(0,0,0,.12)}
h1{font-size:1.3rem;margin:0 0 1rem}
.brand{font-size:.8rem;text-transform:uppercase;letter-spacing:.08em;color:#67708a}
dl{display:grid;grid-template-columns:max-content 1fr;gap:.3rem 1rem}dt{color:#67708a}
dd{margin:0;word-break:break-all}
.actions{display:flex;gap:.75rem;margin-top:1.5rem}
button{font:inherit;padding:.55rem 1.3rem;border-radius:6px;border:1px solid #c6cbd6;background:#fff;
cursor:pointer}
button.primary{background:#2456d3;border-color:#2456d3;color:#fff}
.error{color:#b3261e}
ul.scopes{padding-left:1.2rem}
`;

export interface PageOptions {
  /** Shown above the title, e.g. the platform's name. */
  brand: string;
  title: string;
  body: Html;
  status?: number;
  /** Extra attributes for automation, e.g. data-page="fomo-consent". */
  pageId?: string;
}

export function page(opts: PageOptions): SimResponse {
  const doc = html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${opts.brand} · ${opts.title}</title>
        <style>
          ${new Html(STYLE)}
        </style>
      </head>
      <body data-page="${opts.pageId ?? ''}">
        <main>
          <div class="brand">${opts.brand}</div>
          <h1>${opts.title}</h1>
          ${opts.body}
        </main>
      </body>
    </html> `;
  return {
    status: opts.status ?? 200,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy':
        "default-src 'none'; style-src 'unsafe-inline'; form-action 'self' http: https:; frame-ancestors 'none'",
      'cache-control': 'no-store',
      'x-content-type-options': 'nosniff',
    },
    body: doc.value,
  };
}

/** A definition list of label → value pairs. */
export function details(rows: [string, unknown][]): Html {
  return html`<dl>
    ${rows.map(
      ([k, v]) =>
        html`<dt>${k}</dt>
          <dd>${v}</dd>`,
    )}
  </dl>`;
}

/** A POST form with hidden fields and one button per choice (name="decision"). */
export function decisionForm(
  action: string,
  hidden: Record<string, string>,
  buttons: { value: string; label: string; primary?: boolean }[],
): Html {
  return html`<form method="post" action="${action}">
    ${Object.entries(hidden).map(([k, v]) => html`<input type="hidden" name="${k}" value="${v}" />`)}
    <div class="actions">
      ${buttons.map(
        (b) =>
          html`<button
            type="submit"
            name="decision"
            value="${b.value}"
            class="${b.primary ? 'primary' : ''}"
            data-action="${b.value}"
          >
            ${b.label}
          </button>`,
      )}
    </div>
  </form>`;
}

/** An error page: what went wrong, for the person looking at the tab. */
export function errorPage(
  brand: string,
  status: number,
  message: string,
  code?: string | number,
): SimResponse {
  return page({
    brand,
    title: 'Something went wrong',
    status,
    pageId: 'error',
    body: html`<p class="error" data-error-code="${code ?? ''}">${message}</p>
      ${code === undefined ? '' : html`<p>Code: <code>${code}</code></p>`}`,
  });
}

/** A 302 to `target` with `params` appended to its query. */
export function redirect(target: string, params: Record<string, string | undefined>): SimResponse {
  const url = new URL(target);
  for (const [k, v] of Object.entries(params)) if (v !== undefined) url.searchParams.set(k, v);
  return {
    status: 302,
    headers: { location: url.toString(), 'cache-control': 'no-store' },
    body: '',
  };
}
