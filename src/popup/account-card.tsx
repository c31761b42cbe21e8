import { PLATFORM_NAMES, t, timeAgo, type Lang } from '../core/i18n';
import { fenToYuan, formatDecimal } from '../core/money';
import type { Platform } from '../core/errors';
import type { Account } from '../core/accounts';
import type { FlowView } from '../core/messages';
import { BiyongNetFlow, GrandchainBalance } from './activity/net-flow';

export interface AccountCardProps {
  platform: Platform;
  lang: Lang;
  now: number;
  environment: string;
  account?: Account | undefined;
  flow?: FlowView | undefined;
  busy: boolean;
  onConnect: () => void;
  onDisconnect: () => void;
  onDismiss: (id: string) => void;
  onKyc?: () => void;
}

/** One platform: who is connected, in what state, and what the user can do next. */
export function AccountCard(p: AccountCardProps) {
  const { lang, account, flow } = p;
  const zh = lang === 'zh-CN' ? 'zh' : 'en';
  const name = PLATFORM_NAMES[p.platform][lang];
  let status: { text: string; tone: string };
  if (flow?.step === 'failed') {
    status = { text: t(lang, 'account.failed', { reason: flow.error?.[zh] ?? '' }), tone: 'error' };
  } else if (flow && (flow.step === 'captured' || flow.step === 'exchanging')) {
    status = { text: t(lang, 'account.finishing'), tone: 'muted' };
  } else if (flow) {
    status = { text: t(lang, 'account.connecting'), tone: 'muted' };
  } else if (!account) {
    status = { text: `${t(lang, 'portfolio.notConnected')} · ${p.environment}`, tone: 'muted' };
  } else if (account.state === 'connected') {
    status = {
      text: `${t(lang, 'account.connected')} · ${t(lang, 'account.updated', { when: timeAgo(lang, account.updatedAt, p.now) })}`,
      tone: 'ok',
    };
  } else {
    const what =
      account.state === 'needs_reconnect'
        ? t(lang, 'account.needsReconnect')
        : t(lang, 'account.error');
    status = {
      text: `${what}${account.lastError ? `: ${account.lastError[zh]}` : ''}`,
      tone: 'error',
    };
  }
  const action = !account
    ? 'account.connect'
    : account.state === 'connected'
      ? undefined
      : 'account.reconnect';

  return (
    <li class="card stack" data-platform={p.platform} aria-label={name}>
      <div class="row">
        <strong>{name}</strong>
        {account && (
          <span data-testid="identity" elementtiming="account-identity">
            {account.label}
          </span>
        )}
      </div>
      <div
        class={status.tone}
        data-testid="account-status"
        role={status.tone === 'error' ? 'alert' : undefined}
      >
        {status.text}
      </div>
      {p.platform === 'grandchain' && account?.details.balanceFen && (
        <div data-testid="balance">
          {t(lang, 'account.balance', {
            amount: formatDecimal(fenToYuan(BigInt(account.details.balanceFen)), lang),
            when: timeAgo(lang, Number(account.details.balanceAt ?? account.updatedAt), p.now),
          })}
        </div>
      )}
      {p.platform === 'grandchain' && account?.state === 'connected' && (
        <GrandchainBalance lang={lang} now={p.now} />
      )}
      {p.platform === 'biyong' && account?.state === 'connected' && (
        <BiyongNetFlow lang={lang} now={p.now} />
      )}
      {p.platform === 'gow' && account?.details.cardStatusEn && (
        <div class="row" data-testid="kyc">
          <span>
            {t(lang, 'account.kyc', {
              status:
                (zh === 'zh' ? account.details.cardStatusZh : account.details.cardStatusEn) ?? '',
            })}
          </span>
          <button type="button" onClick={p.onKyc}>
            {t(lang, 'account.kycOpen')}
          </button>
        </div>
      )}
      <div class="row">
        {action && (
          <button type="button" class="primary" disabled={p.busy} onClick={p.onConnect}>
            {p.platform === 'grandchain' && !account ? t(lang, 'account.signIn') : t(lang, action)}
          </button>
        )}
        {flow?.step === 'failed' && (
          <button type="button" onClick={() => p.onDismiss(flow.id)}>
            {t(lang, 'account.dismiss')}
          </button>
        )}
        {account && (
          <button type="button" disabled={p.busy} onClick={p.onDisconnect}>
            {t(lang, 'account.disconnect')}
          </button>
        )}
      </div>
    </li>
  );
}
