import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../ext/messaging';
import { PLATFORMS, toCoinDockError, type Platform } from '../core/errors';
import { PLATFORM_NAMES, errorLang, t, timeAgo, type Lang } from '../core/i18n';
import type { AccountsView, VaultStatus } from '../core/messages';
import type { AsyncState } from '../ui/use-async';
import { followTransfers, popupLanguage, type CachedState } from './cached-state';
import { keepSnapshot } from '../ui/popup-snapshot';
import { UnlockCard } from './unlock-card';
import { AccountCard } from './account-card';
import { TransferForms } from './transfers/transfer-forms';
import { TransferList } from './transfers/transfer-list';
import { ActivitySection } from './activity/activity-section';
import type { Transfer } from '../core/transfers';

/**
 * `cached` is what storage held when the popup opened (main.tsx reads it before the first
 * render, so the first paint already shows it); the worker's answers replace it as they come.
 */
export function Popup({ cached: state }: { cached: AsyncState<CachedState> }) {
  // The worker's version once it answers; null when it cannot be reached.
  const [version, setVersion] = useState<string | null>();
  const [vaultNow, setVaultNow] = useState<VaultStatus>();
  const [accountsNow, setAccountsNow] = useState<AccountsView>();
  const [busy, setBusy] = useState(false);
  const [transfersNow, setTransfersNow] = useState<Transfer[]>();
  const [error, setError] = useState<string>();
  // The portfolio paints first; the sections below it render in the next frame, so the first
  // frame costs only what the user sees first.
  const [below, setBelow] = useState(false);
  useEffect(() => setBelow(true), []);
  const headerRef = useRef<HTMLElement>(null);
  const portfolioRef = useRef<HTMLElement>(null);

  // Behind what is painted: query pending orders and settle interrupted sends, and read the
  // KYC state again (it changes on GOW's side while the popup is closed).
  useEffect(() => {
    void send('ping', {}).then(
      (p) => setVersion(p.version),
      () => setVersion(null),
    );
    void send('vault/status', {}).then(setVaultNow, () => undefined);
    void send('accounts/list', {}).then(setAccountsNow, () => undefined);
    // Opening the popup shows the finished transfers: the badge has done its job.
    void send('transfers/seen', {}).catch(() => undefined);
    void send('accounts/profile', { platform: 'gow' }).then(
      () => send('accounts/list', {}).then(setAccountsNow),
      () => undefined,
    );
    void send('transfers/refresh', {}).then(setTransfersNow, () => undefined);
    // And whatever the worker settles while the popup is open shows at once.
    return followTransfers(setTransfersNow);
  }, []);
  const done = state.status === 'done' ? state.value : undefined;
  const now = Date.now();
  const vault = vaultNow ?? done?.vault;
  const accounts = accountsNow ?? done?.accounts;
  const lang: Lang = popupLanguage(done);
  document.documentElement.lang = lang;

  // What this popup shows of the portfolio is the next opening's first paint
  // (src/ui/popup-snapshot.ts): taken now, and again whenever the cards change (fresh account
  // data, the KYC state, BiYong's net flow arriving), a moment after the last change.
  const portfolioShown = !!(done && accounts);
  useEffect(() => {
    if (!portfolioShown) return;
    return keepSnapshot([headerRef.current, portfolioRef.current]);
  }, [portfolioShown]);

  // While a connection is in progress, follow it.
  const pending = accounts?.flows.some((f) => f.step !== 'failed');
  useEffect(() => {
    if (!pending) return;
    const timer = setInterval(() => void send('accounts/list', {}).then(setAccountsNow), 1000);
    return () => clearInterval(timer);
  }, [pending]);

  async function act(work: () => Promise<AccountsView>) {
    setBusy(true);
    setError(undefined);
    try {
      setAccountsNow(await work());
    } catch (e) {
      setError(toCoinDockError(e).text(errorLang(lang)));
    } finally {
      setBusy(false);
    }
  }

  function connect(platform: Platform) {
    if (platform === 'grandchain') {
      // Grand Chain signs in with email and password: that form lives on the options page.
      void send('ui/open', { section: 'accounts' });
      return;
    }
    void act(() => send('accounts/connect', { platform }));
  }

  return (
    <main>
      <header ref={headerRef}>
        <h1>{t(lang, 'app.name')}</h1>
        <button type="button" onClick={() => void chrome.runtime.openOptionsPage()}>
          {t(lang, 'action.openOptions')}
        </button>
      </header>
      {state.status === 'error' && (
        <p class="error" role="alert">
          {state.error.text(errorLang(lang))}
        </p>
      )}
      {error && (
        <p class="error" role="alert" data-testid="popup-error">
          {error}
        </p>
      )}
      {done && accounts && (
        <>
          {version && (
            <p class="ok" data-testid="worker-status">
              {t(lang, 'status.ready')} · v{version}
            </p>
          )}
          {version === null && (
            <p class="error" role="alert">
              {t(lang, 'status.unreachable')}
            </p>
          )}
          {vault && !vault.exists && <p class="muted">{t(lang, 'popup.noVault')}</p>}
          {vault?.exists && !vault.unlocked && <UnlockCard lang={lang} onUnlocked={setVaultNow} />}
          <section aria-labelledby="accounts-h" class="stack" ref={portfolioRef}>
            <h2 id="accounts-h">{t(lang, 'portfolio.title')}</h2>
            <ul class="stack">
              {PLATFORMS.map((p) => (
                <AccountCard
                  key={p}
                  platform={p}
                  lang={lang}
                  now={now}
                  environment={t(lang, `env.${done.settings.platforms[p].environment}`)}
                  account={accounts.accounts[p]}
                  flow={accounts.flows.find((f) => f.platform === p)}
                  busy={busy}
                  onConnect={() => connect(p)}
                  onDisconnect={() => void act(() => send('accounts/disconnect', { platform: p }))}
                  onDismiss={(id) => void act(() => send('accounts/dismiss-flow', { id }))}
                  onKyc={() => void send('accounts/kyc-page', {})}
                />
              ))}
            </ul>
          </section>
          {below && <ActivitySection lang={lang} />}
          {below && (
            <>
              <section aria-labelledby="tx-h" class="stack">
                <h2 id="tx-h">{t(lang, 'tx.title')}</h2>
                <TransferForms
                  lang={lang}
                  accounts={accounts.accounts}
                  onDone={(x) =>
                    setTransfersNow([
                      x,
                      ...(transfersNow ?? done.transfers).filter((y) => y.id !== x.id),
                    ])
                  }
                />
                <TransferList lang={lang} now={now} items={transfersNow ?? done.transfers} />
              </section>
              <section aria-labelledby="returns-h" class="stack">
                <h2 id="returns-h">{t(lang, 'returns.title')}</h2>
                {done.returns.length === 0 ? (
                  <p class="muted">{t(lang, 'returns.empty')}</p>
                ) : (
                  <ul class="stack" data-testid="returns">
                    {done.returns.slice(0, 5).map((r) => (
                      <li class="card" key={r.id}>
                        {t(lang, 'returns.seen', {
                          platform: PLATFORM_NAMES[r.platform][lang],
                          when: timeAgo(lang, r.seenAt, now),
                        })}
                      </li>
                    ))}
                  </ul>
                )}
              </section>
            </>
          )}
        </>
      )}
    </main>
  );
}
