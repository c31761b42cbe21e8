import { useEffect, useRef, useState } from 'preact/hooks';
import { t, timeAgo, type Lang } from '../core/i18n';
import { CAPABILITIES, PLATFORM_NAMES } from '../providers/capabilities';
import { fenToYuan, formatDecimal } from '../core/money';
import type { Platform } from '../core/platform';
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
  /** Why connecting cannot start yet (no vault, vault locked): shown instead of Connect. */
  blocked?: string | undefined;
  /** The last Connect's failure that left no stored trace (GOW's signed call). */
  failure?: { text: string; code: string } | undefined;
  busy: boolean;
  onConnect: () => void;
  onDisconnect: () => void;
  /** Dismiss a failed flow's message, or cancel one in progress (its tab closes). */
  onDismiss: (id: string) => void;
  onKyc?: () => void;
  /** Open this platform's section of the options page (its keys and environment). */
  onSettings?: () => void;
}

/** Failures that the platform's settings fix (missing or wrong keys, a wrong address). */
const SETTINGS_FIX = ['not_configured', 'signature', 'invalid_input'];

/** One platform: who is connected, in what state, and what the user can do next. */
export function AccountCard(p: AccountCardProps) {
  const { lang, account, flow } = p;
  const [confirming, setConfirming] = useState(false);
  // The question takes the place of the button pressed: focus goes to its safe answer.
  const keepRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (confirming) keepRef.current?.focus();
  }, [confirming]);
  const zh = lang === 'zh-CN' ? 'zh' : 'en';
  const name = PLATFORM_NAMES[p.platform][lang];
  const can = CAPABILITIES[p.platform];
  const inProgress = !!flow && flow.step !== 'failed';
  let status: { text: string; tone: string };
  if (flow?.step === 'failed') {
    status = {
      text: t(lang, 'account.failedOn', { platform: name, reason: flow.error?.[zh] ?? '' }),
      tone: 'error',
    };
  } else if (p.failure) {
    status = {
      text: t(lang, 'account.failedOn', { platform: name, reason: p.failure.text }),
      tone: 'error',
    };
  } else if (flow && (flow.step === 'captured' || flow.step === 'exchanging')) {
    status = { text: t(lang, 'account.finishing'), tone: 'muted' };
  } else if (flow) {
    status = { text: t(lang, 'account.connecting'), tone: 'muted' };
  } else if (!account) {
    status = {
      text: `${p.blocked ?? t(lang, 'portfolio.notConnected')} · ${p.environment}`,
      tone: 'muted',
    };
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
    // The reason names the platform (the card's title is not read with an alert).
    const reason = account.lastError?.[zh];
    const named =
      reason && !reason.includes(name)
        ? t(lang, 'account.troubleOn', { platform: name, reason })
        : reason;
    status = { text: named ? `${what} · ${named}` : what, tone: 'error' };
  }
  const code =
    flow?.step === 'failed'
      ? flow.error?.code
      : (p.failure?.code ?? (account?.state === 'error' ? account.lastError?.code : undefined));
  const settingsFix = !!code && SETTINGS_FIX.includes(code);
  // No Connect while a connection is in progress (Cancel instead) or before it can work.
  const action =
    inProgress || (p.blocked && !account)
      ? undefined
      : !account
        ? 'account.connect'
        : account.state === 'connected'
          ? undefined
          : 'account.reconnect';

  return (
    <li
      class={`card account ${status.tone === 'error' ? 'trouble' : ''}`}
      data-platform={p.platform}
      aria-label={name}
    >
      <div class="account-head">
        <span class="avatar" style={{ background: can.color }} aria-hidden="true">
          {name.slice(0, 1)}
        </span>
        <div class="account-who">
          <strong>{name}</strong>
          {account && (
            <span data-testid="identity" class="identity" elementtiming="account-identity">
              {account.label}
            </span>
          )}
        </div>
        {account && !confirming && (
          <button type="button" class="quiet" disabled={p.busy} onClick={() => setConfirming(true)}>
            {t(lang, 'account.disconnect')}
          </button>
        )}
      </div>
      <div
        class={`status ${status.tone}`}
        data-testid="account-status"
        role={status.tone === 'error' ? 'alert' : undefined}
      >
        {status.text}
      </div>
      {can.fenBalance && account?.details.balanceFen && (
        <div data-testid="balance">
          {t(lang, 'account.balance', {
            amount: formatDecimal(fenToYuan(BigInt(account.details.balanceFen)), lang),
            when: timeAgo(lang, Number(account.details.balanceAt ?? account.updatedAt), p.now),
          })}
        </div>
      )}
      {account?.state === 'connected' && can.accountPanel === 'balance_history' && (
        <GrandchainBalance lang={lang} now={p.now} />
      )}
      {account?.state === 'connected' && can.accountPanel === 'net_flow' && (
        <BiyongNetFlow lang={lang} now={p.now} />
      )}
      {can.kyc && account?.details.cardStatusEn && (
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
      {confirming && account ? (
        <div class="confirm" role="group" aria-label={t(lang, 'account.disconnect')}>
          <span>{t(lang, 'account.confirmDisconnect', { platform: name })}</span>
          <div class="actions">
            <button
              type="button"
              class="danger"
              disabled={p.busy}
              onClick={() => {
                setConfirming(false);
                p.onDisconnect();
              }}
            >
              {t(lang, 'account.disconnect')}
            </button>
            <button type="button" ref={keepRef} onClick={() => setConfirming(false)}>
              {t(lang, 'account.keep')}
            </button>
          </div>
        </div>
      ) : (
        (action || flow || settingsFix) && (
          <div class="actions">
            {action && (
              <button type="button" class="primary" disabled={p.busy} onClick={p.onConnect}>
                {can.signIn === 'email_login' && !account
                  ? t(lang, 'account.signIn')
                  : t(lang, action)}
              </button>
            )}
            {settingsFix && p.onSettings && (
              <button type="button" onClick={p.onSettings}>
                {t(lang, 'account.checkSettings')}
              </button>
            )}
            {flow && (
              <button type="button" onClick={() => p.onDismiss(flow.id)}>
                {t(lang, inProgress ? 'account.cancel' : 'account.dismiss')}
              </button>
            )}
          </div>
        )
      )}
    </li>
  );
}
