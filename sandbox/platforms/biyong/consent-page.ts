/**
 * The consent screen of the BiYong app (docs/providers/biyong.md, Flow). On a phone the merchant
 * page opens `biyong://authorApp?url=<urlencoded>&appid=…`; on a desktop there is no app, so the
 * sandbox serves this page at `/biyong/authorize` with the same two parameters. "Authorize" answers
 * 302 to `url?biytoken=<one-time token>`; "Deny" answers 302 to `url?biyerror=access_denied` (the
 * specification names no denial parameter: the decision is the sandbox's, sandbox/README.md).
 */
export const AUTH_SCOPES = ['PUBLIC_INFO', 'PHONE', 'BALANCE'] as const;
export type AuthScope = (typeof AUTH_SCOPES)[number];

const SCOPE_TEXT: Record<AuthScope, string> = {
  PUBLIC_INFO: 'Public profile (nickname, avatar) · 公开信息',
  PHONE: 'Phone number · 手机号',
  BALANCE: 'Balance history · 资金流水',
};

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(inner: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>BiYong · Authorize</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:26rem;margin:2rem auto;padding:0 1rem;color:#14213d}
.card{border:1px solid #d0d7e2;border-radius:12px;padding:1.2rem}label{display:block;margin:.4rem 0}
button{padding:.5rem 1.2rem;border-radius:6px;border:0;margin-right:.6rem}
#authorize{background:#1565c0;color:#fff}#deny{background:#e0e0e0}</style></head>
<body><div class="card"><h1>BiYong 币用</h1>${inner}</div></body></html>`;
}

export function consentPage(opts: {
  url: string;
  appid: string;
  nickname: string;
  action: string;
}): string {
  const scopes = AUTH_SCOPES.map(
    (s) =>
      `<label><input type="checkbox" name="scope" value="${s}" checked> ${esc(SCOPE_TEXT[s])}</label>`,
  ).join('\n');
  return page(`<p>Signed in as <strong id="biyong-user">${esc(opts.nickname)}</strong></p>
<p><strong id="biyong-app">${esc(opts.appid)}</strong> asks to access your BiYong account.
It will return you to <code id="biyong-return">${esc(opts.url)}</code>.</p>
<form method="post" action="${esc(opts.action)}">
<input type="hidden" name="url" value="${esc(opts.url)}">
<input type="hidden" name="appid" value="${esc(opts.appid)}">
${scopes}
<p><button id="authorize" name="decision" value="authorize" type="submit">Authorize 授权</button>
<button id="deny" name="decision" value="deny" type="submit">Deny 拒绝</button></p>
</form>`);
}

export function consentErrorPage(message: string): string {
  return page(`<p id="biyong-error">${esc(message)}</p>`);
}
