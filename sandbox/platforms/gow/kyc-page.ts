/**
 * The KYC page a person sees (docs/providers/gow.md, Endpoints): opened by the extension in a tab,
 * so it carries no signature headers. It shows the account's verification status and, while the
 * account can still submit (0 awaiting submission, 2 rejected, 4 not verified), a form whose POST
 * moves it to 3 "under review". The review then completes on the sandbox's timer wheel.
 */

export const CARD_STATUS_TEXT: Record<number, string> = {
  0: 'Awaiting submission · 待提交',
  1: 'Approved · 审核通过',
  2: 'Rejected · 审核不通过',
  3: 'Under review · 待审核',
  4: 'Not verified · 未认证',
};

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function page(title: string, inner: string): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta name="viewport" content="width=device-width,initial-scale=1">
<style>body{font-family:system-ui,sans-serif;max-width:32rem;margin:2rem auto;padding:0 1rem;color:#1b2430}
h1{font-size:1.4rem}label{display:block;margin:.6rem 0 .2rem}input{width:100%;padding:.4rem;box-sizing:border-box}
button{margin-top:1rem;padding:.5rem 1.2rem;background:#0b6e4f;color:#fff;border:0;border-radius:4px}
.status{padding:.6rem;border-radius:4px;background:#eef3f7}</style></head>
<body><h1>GOW · Identity verification 实名认证</h1>${inner}</body></html>`;
}

export function kycPage(opts: {
  account: string;
  source: string;
  status: number | undefined;
  actionPath: string;
  message?: string;
}): string {
  const { account, source, status } = opts;
  const statusLine =
    status === undefined
      ? 'New account · 新用户'
      : (CARD_STATUS_TEXT[status] ?? `Status ${status}`);
  const canSubmit = status === undefined || status === 0 || status === 2 || status === 4;
  const form = canSubmit
    ? `<form method="post" action="${esc(opts.actionPath)}">
<input type="hidden" name="account" value="${esc(account)}">
<input type="hidden" name="source" value="${esc(source)}">
<label for="firstName">First name 名</label><input id="firstName" name="firstName" required>
<label for="lastName">Last name 姓</label><input id="lastName" name="lastName" required>
<label for="birthDate">Date of birth 生日</label><input id="birthDate" name="birthDate" type="date" required>
<label for="idNumber">ID document number 证件号码</label><input id="idNumber" name="idNumber" required>
<button type="submit" id="submit-kyc">Submit for review 提交审核</button></form>`
    : '';
  const message = opts.message ? `<p id="kyc-message">${esc(opts.message)}</p>` : '';
  return page(
    'GOW KYC',
    `<p>Account 账户: <strong id="kyc-account">${esc(account)}</strong></p>
<p class="status">Status 状态: <span id="kyc-status" data-card-status="${status ?? ''}">${esc(statusLine)}</span></p>
${message}${form}`,
  );
}

export function kycErrorPage(message: string): string {
  return page('GOW KYC', `<p id="kyc-error">${esc(message)}</p>`);
}
