import { useEffect, useRef, useState } from 'preact/hooks';
import { send } from '../ext/messaging';
import { toCoinDockError } from '../core/errors';
import { PLATFORMS, type Platform } from '../core/platform';
import type { LanguageSetting, Settings } from '../core/settings';
import { errorLang, resolveLanguage, t, type Lang } from '../core/i18n';
import { PLATFORM_NAMES } from '../providers/capabilities';
import type { AccountsView, VaultStatus } from '../core/messages';
import { KEYS } from '../core/storage-keys';
import { getStore, onKeysChanged } from '../ext/storage';
import { useShownLanguage } from '../ui/use-language';
import { VaultSection } from './vault-section';
import { BackupSection } from './backup-section';
import { LanguageSection } from './language-section';
import { PlatformSection } from './platform-section';
import { Setup } from './setup';

/**
 * The sections, each at its own URL hash (the popup links to them: `#grandchain`, `#vault`…).
 * One is shown at a time; `#setup` is the guided first run.
 */
export const SECTIONS = [
  'setup',
  ...PLATFORMS,
  'vault',
  'backup',
  'language',
] as const satisfies readonly string[];
export type Section = (typeof SECTIONS)[number];

/** Older links: the banner's "accounts" opened the Grand Chain sign-in of the one-page layout. */
const ALIASES: Record<string, Section> = { accounts: 'grandchain' };

function sectionOfHash(hash: string): Section | undefined {
  const h = decodeURIComponent(hash.replace(/^#/, ''));
  return (SECTIONS as readonly string[]).includes(h) ? (h as Section) : ALIASES[h];
}

export function Options() {
  const [settings, setSettings] = useState<Settings>();
  const [vault, setVault] = useState<VaultStatus>();
  const [accounts, setAccounts] = useState<AccountsView>();
  const [setupStarted, setSetupStarted] = useState(false);
  const [error, setError] = useState<string>();
  const [preview, setPreview] = useState<LanguageSetting>();
  const [section, setSection] = useState(() => sectionOfHash(location.hash));
  // Bumped when everything stored changed under the page (forget everything, an import): every
  // form is made again from what is stored, so none can write old values back.
  const [generation, setGeneration] = useState(0);
  const dirty = useRef(false);
  const lang: Lang = useShownLanguage(
    resolveLanguage(preview ?? settings?.language ?? 'auto', navigator.language),
  );
  document.documentElement.lang = lang;

  const load = () =>
    Promise.all([
      send('settings/get', {}),
      send('vault/status', {}),
      send('accounts/list', {}),
      getStore().get(KEYS.setup),
    ]).then(([s, v, a, progress]) => {
      // A setup left half-way is where the page opens again.
      setSetupStarted(progress.step !== 'vault' && progress.step !== 'done');
      setSettings(s);
      setVault(v);
      setAccounts(a);
    });

  useEffect(() => {
    load().catch((e: unknown) => setError(toCoinDockError(e).text(errorLang(lang))));
    // The page follows storage: a connection finishing in another tab, a sign-out in the popup,
    // a lost grant; the vault locked by its timer or unlocked in the popup; settings changed
    // elsewhere (the language).
    return onKeysChanged(
      [KEYS.accounts, KEYS.flows, KEYS.vault, KEYS.vaultUnlocked, KEYS.settings],
      (changed) => {
        if (changed.has(KEYS.accounts.name) || changed.has(KEYS.flows.name)) {
          void send('accounts/list', {}).then(setAccounts, () => undefined);
        }
        if (changed.has(KEYS.vault.name) || changed.has(KEYS.vaultUnlocked.name)) {
          void send('vault/status', {}).then(setVault, () => undefined);
        }
        if (changed.has(KEYS.settings.name)) {
          void send('settings/get', {}).then(setSettings, () => undefined);
        }
      },
    );
  }, []);

  useEffect(() => {
    let current = location.hash;
    const onHash = () => {
      if (dirty.current && !confirm(t(lang, 'options.unsavedLeave'))) {
        // Stay: put the address back without another hashchange.
        history.replaceState(null, '', current || location.pathname);
        return;
      }
      dirty.current = false;
      current = location.hash;
      setPreview(undefined);
      setSection(sectionOfHash(location.hash));
    };
    const onUnload = (e: BeforeUnloadEvent) => {
      if (dirty.current) e.preventDefault();
    };
    addEventListener('hashchange', onHash);
    addEventListener('beforeunload', onUnload);
    return () => {
      removeEventListener('hashchange', onHash);
      removeEventListener('beforeunload', onUnload);
    };
  }, [lang]);

  // With no vault there is nothing set up yet: the guided setup is the page, unless a section
  // was asked for by name. The choice goes into the address, so it stays while the vault is made.
  const fallback: Section | undefined = vault && (!vault.exists || setupStarted ? 'setup' : 'fomo');
  useEffect(() => {
    if (section || !fallback) return;
    // An address naming no section here (the banner's `#activity`) is left as it was.
    if (!location.hash) history.replaceState(null, '', `#${fallback}`);
    setSection(fallback);
  }, [section, fallback]);

  if (!settings || !vault) {
    return <main class="loading">{error && <p class="error">{error}</p>}</main>;
  }
  const shown: Section = section ?? fallback ?? 'setup';
  const onDirty = (d: boolean) => {
    dirty.current = d;
  };
  const forgotten = () => {
    dirty.current = false;
    setSetupStarted(false);
    setGeneration((g) => g + 1);
    void load();
  };

  const link = (s: Section, label: string, extra?: preact.ComponentChildren) => (
    <li key={s}>
      <a href={`#${s}`} aria-current={shown === s ? 'page' : undefined} data-nav={s}>
        <span>{label}</span>
        {extra}
      </a>
    </li>
  );
  const dot = (p: Platform) => {
    const a = accounts?.accounts[p];
    if (!a) return null;
    const ok = a.state === 'connected';
    return (
      <span
        class={`dot ${ok ? 'on' : 'warn'}`}
        title={
          ok ? t(lang, 'options.connected', { who: a.label }) : t(lang, 'options.notConnected')
        }
      />
    );
  };

  let body;
  if (shown === 'setup') {
    body = (
      <Setup
        key={generation}
        lang={lang}
        settings={settings}
        vault={vault}
        accounts={accounts}
        onVault={setVault}
        onSettings={setSettings}
        onDirty={onDirty}
      />
    );
  } else if (shown === 'vault') {
    body = (
      <VaultSection lang={lang} onChange={setVault} onForgotten={forgotten} onDirty={onDirty} />
    );
  } else if (shown === 'backup') {
    body = (
      <BackupSection
        lang={lang}
        onImported={(s) => {
          setSettings(s);
          setGeneration((g) => g + 1);
          // The file may bring a vault too.
          void load();
        }}
      />
    );
  } else if (shown === 'language') {
    body = (
      <LanguageSection
        key={generation}
        lang={lang}
        settings={settings}
        onSettings={setSettings}
        onPreview={setPreview}
        onDirty={onDirty}
      />
    );
  } else {
    body = (
      <PlatformSection
        key={`${shown}-${generation}`}
        platform={shown}
        lang={lang}
        settings={settings}
        vaultUnlocked={vault.unlocked}
        accounts={accounts}
        onSettings={setSettings}
        onDirty={onDirty}
      />
    );
  }

  return (
    <div class="layout">
      <header class="top">
        <h1>{t(lang, 'options.title')}</h1>
        {vault.exists && (
          <a
            href="#vault"
            class={`chip ${vault.unlocked ? 'ok' : 'muted'}`}
            data-testid="vault-chip"
          >
            {t(lang, 'vault.title')} · {t(lang, vault.unlocked ? 'vault.unlocked' : 'vault.locked')}
          </a>
        )}
      </header>
      <nav aria-label={t(lang, 'options.nav')}>
        <ul>{link('setup', t(lang, 'options.nav.setup'))}</ul>
        <h2>{t(lang, 'options.nav.platforms')}</h2>
        <ul>{PLATFORMS.map((p) => link(p, PLATFORM_NAMES[p][lang], dot(p)))}</ul>
        <h2>{t(lang, 'options.nav.security')}</h2>
        <ul>
          {link('vault', t(lang, 'options.nav.vault'))}
          {link('backup', t(lang, 'options.nav.backup'))}
        </ul>
        <h2>{t(lang, 'options.nav.general')}</h2>
        <ul>{link('language', t(lang, 'options.nav.language'))}</ul>
      </nav>
      <main>{body}</main>
    </div>
  );
}
