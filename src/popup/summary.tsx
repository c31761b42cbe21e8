/**
 * The popup's summary: how many accounts are connected, what needs the user (a locked vault,
 * failed or expired connections, an unverified identity) and how many transfers are pending,
 * each a button to where it is handled.
 */
import type { Ref } from 'preact';
import { PLATFORMS, type Platform } from '../core/platform';
import { t, type Lang } from '../core/i18n';
import { CAPABILITIES, PLATFORM_NAMES } from '../providers/capabilities';
import type { AccountsView, VaultStatus } from '../core/messages';

/** One thing that needs the user, and where it is handled (a card, or the unlock form). */
export interface AttentionItem {
  key: string;
  text: string;
  /** The platform whose card handles it; absent: the vault's unlock form. */
  platform?: Platform;
}

/** What needs the user now, in the order the cards come. */
export function attentionItems(
  lang: Lang,
  vault: VaultStatus | undefined,
  view: AccountsView,
  cardErrors: Partial<Record<Platform, unknown>>,
): AttentionItem[] {
  const zh = lang === 'zh-CN' ? 'zh' : 'en';
  const items: AttentionItem[] = [];
  if (vault?.exists && !vault.unlocked)
    items.push({ key: 'locked', text: t(lang, 'attention.locked') });
  for (const p of PLATFORMS) {
    const platform = PLATFORM_NAMES[p][lang];
    const account = view.accounts[p];
    const flow = view.flows.find((f) => f.platform === p);
    let key: 'attention.failed' | 'attention.reconnect' | 'attention.error' | undefined;
    if (flow?.step === 'failed' || cardErrors[p]) key = 'attention.failed';
    else if (account?.state === 'needs_reconnect') key = 'attention.reconnect';
    else if (account?.state === 'error') key = 'attention.error';
    if (key) items.push({ key: `${p}.${key}`, platform: p, text: t(lang, key, { platform }) });
    const status = account?.details.cardStatus;
    const kyc = CAPABILITIES[p].kyc;
    if (kyc && status !== undefined && status !== kyc.approved) {
      const label =
        (zh === 'zh' ? account?.details.cardStatusZh : account?.details.cardStatusEn) ?? '';
      items.push({
        key: `${p}.kyc`,
        platform: p,
        text: t(lang, 'attention.kyc', { platform, status: label }),
      });
    }
  }
  return items;
}

export function Summary(props: {
  lang: Lang;
  connected: number;
  attention: AttentionItem[];
  pending: number;
  onAccounts: () => void;
  onAttention: (item: AttentionItem) => void;
  onTransfers: () => void;
  sectionRef?: Ref<HTMLElement>;
}) {
  const { lang, attention } = props;
  return (
    <section
      class="summary"
      aria-label={t(lang, 'summary.label')}
      data-testid="summary"
      ref={props.sectionRef}
    >
      <div class="tiles">
        <button
          type="button"
          class="tile"
          data-testid="summary-accounts"
          onClick={props.onAccounts}
        >
          <span class="tile-label">{t(lang, 'summary.accounts')}</span>
          <span class="tile-value">
            {t(lang, 'summary.connected', { n: props.connected, total: PLATFORMS.length })}
          </span>
        </button>
        <button
          type="button"
          class={`tile${attention.length ? ' warn' : ''}`}
          data-testid="summary-attention"
          onClick={() => (attention[0] ? props.onAttention(attention[0]) : props.onAccounts())}
        >
          <span class="tile-label">{t(lang, 'summary.attention')}</span>
          <span class="tile-value">
            {attention.length ? attention.length : t(lang, 'summary.allClear')}
          </span>
        </button>
        <button
          type="button"
          class="tile"
          data-testid="summary-pending"
          onClick={props.onTransfers}
        >
          <span class="tile-label">{t(lang, 'summary.pending')}</span>
          <span class="tile-value">{t(lang, 'summary.pendingValue', { n: props.pending })}</span>
        </button>
      </div>
      {attention.length > 0 && (
        <ul class="attention" data-testid="attention">
          {attention.map((a) => (
            <li key={a.key}>
              <button type="button" class="link" onClick={() => props.onAttention(a)}>
                {a.text}
              </button>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
