import { useEffect, useState } from 'preact/hooks';
import { send } from '../ext/messaging';
import { PLATFORMS, toCoinDockError, type Platform } from '../core/errors';
import { ENVIRONMENTS, LANGUAGES, requiredOrigins, type Settings } from '../core/settings';
import { PLATFORM_NAMES, errorLang, resolveLanguage, t, type Lang } from '../core/i18n';
import { useShownLanguage } from '../ui/use-language';
import { VaultSection } from './vault-section';
import { BackupSection } from './backup-section';
import { CredentialsForm } from './credentials-form';
import { GrandchainPanel } from './grandchain-panel';

type Notice = { tone: 'ok' | 'error'; text: string } | undefined;

export function Options() {
  const [settings, setSettings] = useState<Settings>();
  const [notice, setNotice] = useState<Notice>();
  const [vaultUnlocked, setVaultUnlocked] = useState(false);
  const lang: Lang = useShownLanguage(
    resolveLanguage(settings?.language ?? 'auto', navigator.language),
  );
  document.documentElement.lang = lang;

  useEffect(() => {
    send('settings/get', {}).then(setSettings, (e: unknown) =>
      setNotice({ tone: 'error', text: toCoinDockError(e).text(errorLang(lang)) }),
    );
  }, []);

  if (!settings) {
    return <main>{notice && <p class="error">{notice.text}</p>}</main>;
  }

  const setPlatform = (p: Platform, change: Partial<Settings['platforms'][Platform]>) =>
    setSettings({
      ...settings,
      platforms: { ...settings.platforms, [p]: { ...settings.platforms[p], ...change } },
    });

  async function save(e: Event) {
    e.preventDefault();
    if (!settings) return;
    setNotice(undefined);
    try {
      // Host permission for return URLs and custom base URLs is asked here, in the saving click.
      const origins = requiredOrigins(settings);
      if (origins.length && !(await chrome.permissions.request({ origins }))) {
        setNotice({ tone: 'error', text: t(lang, 'options.permissionDenied') });
      }
      const saved = await send('settings/update', settings);
      setSettings(saved);
      setNotice((n) => n ?? { tone: 'ok', text: t(lang, 'options.saved') });
    } catch (err) {
      setNotice({ tone: 'error', text: toCoinDockError(err).text(errorLang(lang)) });
    }
  }

  return (
    <main>
      <h1>{t(lang, 'options.title')}</h1>
      <VaultSection lang={lang} onChange={(s) => setVaultUnlocked(s.unlocked)} />
      <form class="stack" onSubmit={(e) => void save(e)}>
        <label>
          {t(lang, 'options.language')}
          <select
            value={settings.language}
            onChange={(e) =>
              setSettings({ ...settings, language: e.currentTarget.value as Settings['language'] })
            }
          >
            {LANGUAGES.map((l) => (
              <option value={l} key={l}>
                {l === 'auto'
                  ? t(lang, 'options.language.auto')
                  : l === 'en'
                    ? 'English'
                    : '简体中文'}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(lang, 'options.sandbox')}
          <input
            type="url"
            value={settings.sandboxOrigin}
            onInput={(e) => setSettings({ ...settings, sandboxOrigin: e.currentTarget.value })}
          />
          <span class="muted">{t(lang, 'options.sandbox.hint')}</span>
        </label>
        <h2>{t(lang, 'options.platforms')}</h2>
        {PLATFORMS.map((p) => {
          const ps = settings.platforms[p];
          return (
            <fieldset key={p} data-platform={p}>
              <legend>{PLATFORM_NAMES[p][lang]}</legend>
              <label>
                {t(lang, 'options.environment')}
                <select
                  value={ps.environment}
                  onChange={(e) =>
                    setPlatform(p, {
                      environment: e.currentTarget.value as (typeof ENVIRONMENTS)[number],
                    })
                  }
                >
                  {ENVIRONMENTS.map((env) => (
                    <option value={env} key={env}>
                      {t(lang, `env.${env}`)}
                    </option>
                  ))}
                </select>
              </label>
              {ps.environment === 'custom' && (
                <label>
                  {t(lang, 'options.customBaseUrl')}
                  <input
                    type="url"
                    value={ps.customBaseUrl ?? ''}
                    onInput={(e) =>
                      setPlatform(p, { customBaseUrl: e.currentTarget.value || undefined })
                    }
                  />
                </label>
              )}
              <label>
                {t(lang, 'options.returnUrls')}
                <textarea
                  value={ps.returnUrls.join('\n')}
                  onInput={(e) =>
                    setPlatform(p, {
                      returnUrls: e.currentTarget.value
                        .split('\n')
                        .map((s) => s.trim())
                        .filter(Boolean),
                    })
                  }
                />
                <span class="muted">{t(lang, 'options.returnUrls.hint')}</span>
              </label>
            </fieldset>
          );
        })}
        <div class="row">
          <button class="primary" type="submit">
            {t(lang, 'options.save')}
          </button>
          {notice && (
            <span class={notice.tone} role={notice.tone === 'error' ? 'alert' : 'status'}>
              {notice.text}
            </span>
          )}
        </div>
      </form>
      <section class="stack card" id="accounts" aria-labelledby="gc-h">
        <h2 id="gc-h">{t(lang, 'gc.title')}</h2>
        <GrandchainPanel lang={lang} />
      </section>
      <section class="stack" aria-labelledby="creds-h">
        <h2 id="creds-h">{t(lang, 'creds.title')}</h2>
        {PLATFORMS.map((p) => (
          <div class="card" key={p}>
            <h3>{PLATFORM_NAMES[p][lang]}</h3>
            <CredentialsForm platform={p} lang={lang} vaultUnlocked={vaultUnlocked} />
          </div>
        ))}
      </section>
      <BackupSection lang={lang} onImported={setSettings} />
    </main>
  );
}
