import { useState } from 'preact/hooks';
import { send } from '../ext/messaging';
import { toCoinDockError } from '../core/errors';
import { errorLang, t, type Lang } from '../core/i18n';
import type { VaultStatus } from '../core/messages';

/** Shown while the vault is locked: cached public data stays visible; secrets need this. */
export function UnlockCard({
  lang,
  onUnlocked,
}: {
  lang: Lang;
  onUnlocked: (s: VaultStatus) => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  async function unlock(e: Event) {
    e.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onUnlocked(await send('vault/unlock', { passphrase }));
    } catch (err) {
      setError(toCoinDockError(err).text(errorLang(lang)));
    } finally {
      setBusy(false);
      setPassphrase('');
    }
  }

  return (
    <form class="card stack" data-testid="unlock" onSubmit={(e) => void unlock(e)}>
      <strong>{t(lang, 'popup.locked')}</strong>
      <label>
        {t(lang, 'vault.passphrase')}
        <input
          type="password"
          autocomplete="current-password"
          value={passphrase}
          onInput={(e) => setPassphrase(e.currentTarget.value)}
        />
      </label>
      <div class="row">
        <button class="primary" type="submit" disabled={busy || !passphrase}>
          {t(lang, 'vault.unlock')}
        </button>
        {error && (
          <span class="error" role="alert">
            {error}
          </span>
        )}
      </div>
    </form>
  );
}
