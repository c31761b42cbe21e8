import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../ext/messaging';
import { toCoinDockError } from '../core/errors';
import { PLATFORMS, type Platform } from '../core/platform';
import { errorLang, t, type Lang } from '../core/i18n';
import type { AccountsView, VaultStatus } from '../core/messages';
import type { AsyncState } from '../ui/use-async';
import { followStorage, popupLanguage, type CachedState } from './cached-state';
import { keepSnapshot } from '../ui/popup-snapshot';
import { useShownLanguage } from '../ui/use-language';
import { UnlockCard } from './unlock-card';
import { AccountCard } from './account-card';
import { ledgerSynced } from './activity/net-flow';
import { Summary, attentionItems, type AttentionItem } from './summary';
import { TabList, TabPanel } from './tabs';
import { CAPABILITIES } from '../providers/capabilities';
import type { Transfer } from '../core/transfers';

type Tab = 'accounts' | 'activity' | 'transfers';
const TABS: readonly Tab[] = ['accounts', 'activity', 'transfers'];

// The Activity and Transfers tabs load after the first paint: their code is not in the popup's
// first-paint budget (bench/popup-size.ts counts dynamic imports apart).
const loaders = {
  activity: () => import('./activity/activity-section').then((m) => m.ActivitySection),
  transfers: () => import('./transfers-tab').then((m) => m.TransfersTab),
};
type Loaded = {
  activity?: Awaited<ReturnType<typeof loaders.activity>>;
  transfers?: Awaited<ReturnType<typeof loaders.transfers>>;
};

/** The tab asked for by the address (`#transfers`), else Accounts. */
function initialTab(): Tab {
  const asked = location.hash.slice(1);
  return (TABS as readonly string[]).includes(asked) ? (asked as Tab) : 'accounts';
}

/**
 * `cached` is what storage held when the popup opened (main.tsx reads it before the first
 * render, so the first paint already shows it); the worker's answers and every later change of
 * storage replace it as they come.
 */
export function Popup({ cached: state }: { cached: AsyncState<CachedState> }) {
  // The worker's version once it answers; null when it cannot be reached.
  const [version, setVersion] = useState<string | null>();
  const [stored, setStored] = useState<CachedState>();
  const [vaultNow, setVaultNow] = useState<VaultStatus>();
  const [accountsNow, setAccountsNow] = useState<AccountsView>();
  const [busy, setBusy] = useState(false);
  const [transfersNow, setTransfersNow] = useState<Transfer[]>();
  // A Connect or Disconnect that failed without a stored trace, on its platform's card.
  const [cardErrors, setCardErrors] = useState<
    Partial<Record<Platform, { text: string; code: string }>>
  >({});
  const [tab, setTab] = useState<Tab>(initialTab);
  // A tab's content mounts when first shown and stays (its scroll, filters and forms kept).
  const [visited, setVisited] = useState<ReadonlySet<Tab>>(() => new Set([tab]));
  const [loaded, setLoaded] = useState<Loaded>({});
  const [loadFailed, setLoadFailed] = useState(false);
  const headerRef = useRef<HTMLElement>(null);
  const summaryRef = useRef<HTMLElement>(null);
  const tabsRef = useRef<HTMLDivElement>(null);
  const portfolioRef = useRef<HTMLElement>(null);

  function load(which: 'activity' | 'transfers') {
    if (loaded[which]) return;
    loaders[which]().then(
      (c) => setLoaded((l) => ({ ...l, [which]: c })),
      () => setLoadFailed(true),
    );
  }

  // Behind what is painted: query pending orders and settle interrupted sends, read the KYC
  // state again (it changes on GOW's side while the popup is closed), sync activity.
  useEffect(() => {
    void send('ping', {}).then(
      (p) => setVersion(p.version),
      () => setVersion(null),
    );
    void send('vault/status', {}).then(setVaultNow, () => undefined);
    void send('accounts/list', {}).then(setAccountsNow, () => undefined);
    // Opening the popup shows the finished transfers: the badge has done its job.
    void send('transfers/seen', {}).catch(() => undefined);
    // A failure is stored on the account (its card shows it); the popup follows storage.
    void send('accounts/profile', { platform: 'gow' }).catch(() => undefined);
    void send('transfers/refresh', {}).then(setTransfersNow, () => undefined);
    // A sync is also how a lost BiYong grant is found (the card then asks to reconnect).
    // The BiYong card's net flow reads its sums again once it has run.
    void send('activity/sync', {})
      .catch(() => undefined)
      .finally(ledgerSynced);
    // The other tabs' code, once the first paint is done and the browser is idle.
    const idle = requestIdleCallback(
      () => {
        load('activity');
        load('transfers');
      },
      { timeout: 2000 },
    );
    // Whatever the worker or the options page changes while the popup is open shows at once.
    const stop = followStorage((s) => {
      setStored(s);
      setAccountsNow(s.accounts);
      setVaultNow((v) => ({ ...s.vault, secretNames: v?.secretNames ?? [] }));
      setTransfersNow(s.transfers);
    });
    return () => {
      cancelIdleCallback(idle);
      stop();
    };
  }, []);
  useEffect(() => {
    if (tab !== 'accounts') load(tab);
    setVisited((v) => (v.has(tab) ? v : new Set([...v, tab])));
  }, [tab]);

  const done = stored ?? (state.status === 'done' ? state.value : undefined);
  const now = Date.now();
  const vault = vaultNow ?? done?.vault;
  const accounts = accountsNow ?? done?.accounts;
  const transfers = transfersNow ?? done?.transfers ?? [];
  // A language chosen while the popup is open shows once its strings are loaded.
  const lang: Lang = useShownLanguage(popupLanguage(done));
  document.documentElement.lang = lang;

  // What this popup shows of the portfolio (header, summary, tabs, cards) is the next opening's
  // first paint (src/ui/popup-snapshot.ts): taken now, and again whenever it changes (fresh
  // account data, the KYC state, BiYong's net flow arriving), a moment after the last change.
  const portfolioShown = !!(done && accounts);
  useEffect(() => {
    if (!portfolioShown) return;
    return keepSnapshot([
      headerRef.current,
      summaryRef.current,
      tabsRef.current,
      portfolioRef.current,
    ]);
  }, [portfolioShown, !vault?.exists]);

  async function act(platform: Platform, work: () => Promise<AccountsView>) {
    setBusy(true);
    setCardErrors((e) => ({ ...e, [platform]: undefined }));
    try {
      setAccountsNow(await work());
    } catch (e) {
      const err = toCoinDockError(e);
      setCardErrors((all) => ({
        ...all,
        [platform]: { text: err.text(errorLang(lang)), code: err.code },
      }));
    } finally {
      setBusy(false);
    }
  }

  function connect(platform: Platform) {
    if (CAPABILITIES[platform].signIn === 'email_login') {
      // An email and password sign-in (Grand Chain's): that form lives on the options page.
      void send('ui/open', { section: platform });
      return;
    }
    void act(platform, () => send('accounts/connect', { platform }));
  }

  /** Show where `item` is handled: its card (scrolled to, focused) or the unlock form. */
  function goTo(item: AttentionItem) {
    setTab('accounts');
    requestAnimationFrame(() => {
      const target = item.platform
        ? document.querySelector<HTMLElement>(
            `#panel-accounts li[data-platform="${item.platform}"]`,
          )
        : document.querySelector<HTMLElement>('[data-testid=unlock] input');
      target?.scrollIntoView({ block: 'nearest' });
      if (target && !target.matches('input')) target.tabIndex = -1;
      target?.focus();
    });
  }

  const noVault = !!vault && !vault.exists;
  const attention =
    done && accounts ? attentionItems(lang, vault, accounts, noVault ? {} : cardErrors) : [];
  const pending = transfers.filter((x) => x.state === 'pending').length;
  const connected = accounts
    ? PLATFORMS.filter((p) => accounts.accounts[p]?.state === 'connected').length
    : 0;
  const blocked = noVault
    ? t(lang, 'account.needsSetup')
    : vault && !vault.unlocked
      ? t(lang, 'account.needsUnlock')
      : undefined;
  const Activity = loaded.activity;
  const Transfers = loaded.transfers;
  const loading = (
    <p class="muted" role="status">
      {loadFailed ? t(lang, 'tabs.loadFailed') : t(lang, 'tabs.loading')}
    </p>
  );

  return (
    <main>
      <header ref={headerRef}>
        <div class="brand">
          <img src="/icons/icon-48.png" alt="" width={24} height={24} />
          <h1>{t(lang, 'app.name')}</h1>
        </div>
        {version === null ? (
          <span class="pill error" role="alert">
            {t(lang, 'status.unreachable')}
          </span>
        ) : attention.length > 0 ? (
          <span class="pill warn" data-testid="worker-status" title={version ? `v${version}` : ''}>
            {attention.length === 1
              ? t(lang, 'status.attentionOne')
              : t(lang, 'status.attentionMany', { n: attention.length })}
          </span>
        ) : (
          version && (
            <span class="pill ok" data-testid="worker-status" title={`v${version}`}>
              {t(lang, 'status.ready')}
            </span>
          )
        )}
        <button type="button" class="quiet" onClick={() => void chrome.runtime.openOptionsPage()}>
          {t(lang, 'action.openOptions')}
        </button>
      </header>
      {state.status === 'error' && (
        <p class="error" role="alert">
          {state.error.text(errorLang(lang))}
        </p>
      )}
      {done && accounts && (
        <>
          {noVault ? (
            <section class="card first-run stack" data-testid="first-run" ref={summaryRef}>
              <h2>{t(lang, 'firstRun.title')}</h2>
              <p>{t(lang, 'firstRun.body')}</p>
              <button
                type="button"
                class="primary"
                onClick={() => void send('ui/open', { section: 'setup' })}
              >
                {t(lang, 'firstRun.start')}
              </button>
            </section>
          ) : (
            <Summary
              lang={lang}
              connected={connected}
              attention={attention}
              pending={pending}
              onAccounts={() => setTab('accounts')}
              onAttention={goTo}
              onTransfers={() => setTab('transfers')}
              sectionRef={summaryRef}
            />
          )}
          {/* Above the tabs: every tab needs the keys (connecting, transfers, receiving). */}
          {vault?.exists && !vault.unlocked && <UnlockCard lang={lang} onUnlocked={setVaultNow} />}
          <TabList
            label={t(lang, 'tabs.label')}
            tabs={TABS.map((id) => ({
              id,
              label: t(lang, `tabs.${id}`),
              ...(id === 'transfers' ? { count: pending } : {}),
            }))}
            selected={tab}
            onSelect={setTab}
            onHint={(id) => id !== 'accounts' && load(id)}
            listRef={tabsRef}
          />
          <TabPanel id="accounts" selected={tab === 'accounts'}>
            <section aria-label={t(lang, 'portfolio.title')} ref={portfolioRef}>
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
                    blocked={blocked}
                    failure={cardErrors[p]}
                    onSettings={() => void send('ui/open', { section: p })}
                    busy={busy}
                    onConnect={() => connect(p)}
                    onDisconnect={() =>
                      void act(p, () => send('accounts/disconnect', { platform: p }))
                    }
                    onDismiss={(id) => void act(p, () => send('accounts/dismiss-flow', { id }))}
                    onKyc={() => void send('accounts/kyc-page', {})}
                  />
                ))}
              </ul>
            </section>
          </TabPanel>
          <TabPanel id="activity" selected={tab === 'activity'}>
            {Activity && visited.has('activity') ? <Activity lang={lang} /> : loading}
          </TabPanel>
          <TabPanel id="transfers" selected={tab === 'transfers'}>
            {Transfers && visited.has('transfers') ? (
              <Transfers
                lang={lang}
                now={now}
                accounts={accounts.accounts}
                transfers={transfers}
                unreadable={done.unreadableTransfers}
                returns={done.returns}
                onDone={(x) => setTransfersNow([x, ...transfers.filter((y) => y.id !== x.id)])}
              />
            ) : (
              loading
            )}
          </TabPanel>
        </>
      )}
    </main>
  );
}
