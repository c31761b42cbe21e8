import browser from 'webextension-polyfill';
import { send } from '../ext/messaging';
import { PLATFORMS } from '../core/errors';
import { PLATFORM_NAMES, errorLang, resolveLanguage, t, timeAgo, type Lang } from '../core/i18n';
import { useState } from 'preact/hooks';
import { useAsync } from '../ui/use-async';
import type { VaultStatus } from '../core/messages';
import { UnlockCard } from './unlock-card';

export function Popup() {
  const state = useAsync(async () => {
    const [ping, settings, returns, vault] = await Promise.all([
      send('ping', {}),
      send('settings/get', {}),
      send('returns/list', {}),
      send('vault/status', {}),
    ]);
    return { ping, settings, returns, vault };
  });
  const [vaultNow, setVaultNow] = useState<VaultStatus>();
  const vault = vaultNow ?? (state.status === 'done' ? state.value.vault : undefined);
  const lang: Lang =
    state.status === 'done'
      ? resolveLanguage(state.value.settings.language, navigator.language)
      : resolveLanguage('auto', navigator.language);
  document.documentElement.lang = lang;

  return (
    <main>
      <header>
        <h1>{t(lang, 'app.name')}</h1>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t(lang, 'action.openOptions')}
        </button>
      </header>
      {state.status === 'error' && (
        <p class="error" role="alert">
          {state.error.text(errorLang(lang))}
        </p>
      )}
      {state.status === 'done' && (
        <>
          <p class="ok" data-testid="worker-status">
            {t(lang, 'status.ready')} · v{state.value.ping.version}
          </p>
          {vault && !vault.exists && <p class="muted">{t(lang, 'popup.noVault')}</p>}
          {vault?.exists && !vault.unlocked && <UnlockCard lang={lang} onUnlocked={setVaultNow} />}
          <section aria-labelledby="accounts-h" class="stack">
            <h2 id="accounts-h">{t(lang, 'portfolio.title')}</h2>
            <ul class="stack">
              {PLATFORMS.map((p) => (
                <li class="card row" key={p} data-platform={p}>
                  <strong>{PLATFORM_NAMES[p][lang]}</strong>
                  <span class="muted">
                    {t(lang, 'portfolio.notConnected')} ·{' '}
                    {t(lang, `env.${state.value.settings.platforms[p].environment}`)}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <section aria-labelledby="returns-h" class="stack">
            <h2 id="returns-h">{t(lang, 'returns.title')}</h2>
            {state.value.returns.length === 0 ? (
              <p class="muted">{t(lang, 'returns.empty')}</p>
            ) : (
              <ul class="stack" data-testid="returns">
                {state.value.returns.slice(0, 5).map((r) => (
                  <li class="card" key={r.id}>
                    {t(lang, 'returns.seen', {
                      platform: PLATFORM_NAMES[r.platform][lang],
                      when: timeAgo(lang, r.seenAt, state.value.ping.now),
                    })}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </main>
  );
}
