import { useState } from 'preact/hooks';
import { send } from '../ext/messaging';
import { t, type Lang } from '../core/i18n';
import type { VaultStatus } from '../core/messages';
import { NoticeText, useAction } from '../ui/use-action';

/** Shown while the vault is locked: cached public data stays visible; secrets need this. */
export function UnlockCard({
  lang,
  onUnlocked,
}: {
  lang: Lang;
  onUnlocked: (s: VaultStatus) => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const { busy, notice, run } = useAction(lang);

  function unlock(e: Event) {
    e.preventDefault();
    // The passphrase leaves the form as soon as it is sent, whatever the answer.
    setPassphrase('');
    return run(async () => onUnlocked(await send('vault/unlock', { passphrase })));
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
        <NoticeText notice={notice} />
      </div>
    </form>
  );
}
