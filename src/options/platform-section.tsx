import { useState } from 'preact/hooks';
import { send } from '../ext/messaging';
import type { Platform } from '../core/platform';
import { errorLang, t, type Lang } from '../core/i18n';
import { CAPABILITIES, PLATFORM_NAMES } from '../providers/capabilities';
import type { AccountsView } from '../core/messages';
import type { Settings } from '../core/settings';
import { NoticeText, useAction } from '../ui/use-action';
import { DESCRIPTIONS } from '../providers/descriptions';
import { GrandchainPanel } from './grandchain-panel';
import { PlatformEditor, refusalOf, type Refusal } from './platform-editor';

/**
 * A platform's account: its state in words, Connect (the real flow the worker runs) and a
 * confirmed Disconnect. Grand Chain's account is its sign-in panel. A connect refused for a wrong
 * signature is handed to `onRefused`, which points at the key that signed.
 */
export function AccountPanel({
  platform,
  lang,
  accounts,
  onRefused,
}: {
  platform: Platform;
  lang: Lang;
  accounts: AccountsView | undefined;
  onRefused?: (e: unknown) => void;
}) {
  const { busy, notice, setNotice, run } = useAction(lang);
  const name = PLATFORM_NAMES[platform][lang];
  // An email sign-in is its own panel (Grand Chain's), not Connect.
  if (CAPABILITIES[platform].signIn === 'email_login') return <GrandchainPanel lang={lang} />;
  const account = accounts?.accounts[platform];
  const flow = accounts?.flows.find((f) => f.platform === platform);
  const zh = errorLang(lang);

  const connect = () =>
    run(async () => {
      try {
        const v = await send('accounts/connect', { platform });
        return v.accounts[platform]?.state === 'connected' &&
          !v.flows.some((f) => f.platform === platform)
          ? t(lang, 'options.connectDone', { name })
          : t(lang, 'options.connectOpened');
      } catch (e) {
        onRefused?.(e);
        throw e;
      }
    });

  const disconnect = () => {
    if (!confirm(t(lang, 'options.disconnectConfirm', { name }))) return;
    void run(async () => {
      await send('accounts/disconnect', { platform });
      return t(lang, 'options.disconnected', { name });
    });
  };

  let state: { text: string; tone: string };
  if (flow && flow.step !== 'failed') {
    state = { text: t(lang, 'options.connecting'), tone: 'muted' };
  } else if (account?.state === 'connected') {
    state = { text: t(lang, 'options.connected', { who: account.label }), tone: 'ok' };
  } else if (account?.lastError) {
    state = { text: account.lastError[zh], tone: 'error' };
  } else {
    state = { text: t(lang, 'options.notConnected'), tone: 'muted' };
  }

  return (
    <div class="row account" data-testid={`account-${platform}`}>
      <span class={state.tone} data-testid="account-state">
        {state.text}
      </span>
      <span class="grow">
        <NoticeText notice={notice} />
      </span>
      {account ? (
        <button type="button" class="danger" disabled={busy} onClick={disconnect}>
          {t(lang, 'options.disconnect')}
        </button>
      ) : null}
      {account?.state !== 'connected' && (
        <button
          type="button"
          class="primary"
          disabled={busy}
          onClick={() => {
            setNotice(undefined);
            void connect();
          }}
        >
          {t(lang, 'options.connect')}
        </button>
      )}
    </div>
  );
}

/** One platform's section: what it is, its settings and keys (one Save), its account. */
export function PlatformSection({
  platform,
  lang,
  settings,
  vaultUnlocked,
  accounts,
  onSettings,
  onDirty,
}: {
  platform: Platform;
  lang: Lang;
  settings: Settings;
  vaultUnlocked: boolean;
  accounts: AccountsView | undefined;
  onSettings: (s: Settings) => void;
  onDirty: (dirty: boolean) => void;
}) {
  const [refusal, setRefusal] = useState<Refusal>();
  const name = PLATFORM_NAMES[platform][lang];
  return (
    <section class="stack section" aria-labelledby={`${platform}-h`} data-section={platform}>
      <header>
        <h2 id={`${platform}-h`}>{name}</h2>
        <p class="muted">{DESCRIPTIONS[platform].about[errorLang(lang)]}</p>
      </header>
      <div class="card stack">
        <h3>
          {t(
            lang,
            CAPABILITIES[platform].signIn === 'email_login'
              ? 'gc.title'
              : 'options.section.account',
          )}
        </h3>
        <AccountPanel
          platform={platform}
          lang={lang}
          accounts={accounts}
          onRefused={(e) => setRefusal(refusalOf(e, (refusal?.n ?? 0) + 1))}
        />
      </div>
      <PlatformEditor
        platform={platform}
        lang={lang}
        settings={settings}
        vaultUnlocked={vaultUnlocked}
        onSettings={onSettings}
        onDirty={onDirty}
        refusal={refusal}
      />
    </section>
  );
}
