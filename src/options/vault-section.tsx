import { useEffect, useState } from 'preact/hooks';
import { send } from '../ext/messaging';
import { t, type Lang } from '../core/i18n';
import { NoticeText, useAction } from '../ui/use-action';
import type { VaultStatus } from '../core/messages';
import { SaveBar } from './save-bar';

/** Create, unlock, lock, change passphrase, auto-lock and "forget everything". */
export function VaultSection({
  lang,
  onChange,
  onForgotten,
  onDirty,
}: {
  lang: Lang;
  onChange?: (s: VaultStatus) => void;
  /** Everything was erased: the page starts again from what is stored now (nothing). */
  onForgotten?: () => void;
  onDirty?: (dirty: boolean) => void;
}) {
  const [status, setStatus] = useState<VaultStatus>();
  const { busy, notice, setNotice, showError, run } = useAction(lang);
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [autoLock, setAutoLock] = useState<string>();
  const autoLockDirty = autoLock !== undefined && Number(autoLock) !== status?.autoLockMinutes;
  useEffect(() => onDirty?.(autoLockDirty), [autoLockDirty]);

  const apply = (s: VaultStatus) => {
    setStatus(s);
    onChange?.(s);
  };
  useEffect(() => {
    send('vault/status', {}).then(apply, showError);
  }, []);

  const act = (work: () => Promise<VaultStatus>, ok?: string) =>
    run(async () => {
      apply(await work());
      setA('');
      setB('');
      return ok;
    });

  if (!status) return <section aria-busy="true" />;

  const field = (label: string, value: string, set: (s: string) => void, name: string) => (
    <label>
      {label}
      <input
        type="password"
        name={name}
        autocomplete={name === 'new' || name === 'confirm' ? 'new-password' : 'current-password'}
        value={value}
        onInput={(e) => set(e.currentTarget.value)}
      />
    </label>
  );

  return (
    <section class="stack section" aria-labelledby="vault-h" data-testid="vault">
      <h2 id="vault-h">
        {t(lang, 'vault.title')}{' '}
        {status.exists && (
          <span class={status.unlocked ? 'ok' : 'muted'} data-testid="vault-state">
            · {t(lang, status.unlocked ? 'vault.unlocked' : 'vault.locked')}
          </span>
        )}
      </h2>
      <p class="muted">{t(lang, 'vault.explain')}</p>

      {!status.exists && (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            if (a !== b) return setNotice({ tone: 'error', text: t(lang, 'vault.mismatch') });
            void act(() => send('vault/create', { passphrase: a }));
          }}
        >
          {field(t(lang, 'vault.passphrase'), a, setA, 'new')}
          {field(t(lang, 'vault.confirm'), b, setB, 'confirm')}
          <button class="primary" type="submit" disabled={busy}>
            {t(lang, 'vault.create')}
          </button>
        </form>
      )}

      {status.exists && !status.unlocked && (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void act(() => send('vault/unlock', { passphrase: a }));
          }}
        >
          {field(t(lang, 'vault.passphrase'), a, setA, 'current')}
          <div class="row">
            <button class="primary" type="submit" disabled={busy}>
              {t(lang, 'vault.unlock')}
            </button>
            <button
              type="button"
              class="link"
              disabled={busy}
              onClick={() => {
                if (confirm(t(lang, 'vault.resetConfirm'))) {
                  void act(() => send('vault/reset', {}), t(lang, 'vault.resetDone'));
                }
              }}
            >
              {t(lang, 'vault.reset')}
            </button>
          </div>
        </form>
      )}

      {status.exists && status.unlocked && (
        <>
          <div class="row">
            <span class="muted">{t(lang, 'vault.iterations', { n: status.iterations ?? 0 })}</span>
            <button
              type="button"
              disabled={busy}
              onClick={() => void act(() => send('vault/lock', {}))}
            >
              {t(lang, 'vault.lock')}
            </button>
          </div>
          <form
            class="stack"
            aria-label={t(lang, 'vault.autoLockLegend')}
            onSubmit={(e) => {
              e.preventDefault();
              void act(
                async () => {
                  const s = await send('vault/set-auto-lock', { minutes: Number(autoLock) });
                  setAutoLock(undefined);
                  return s;
                },
                t(lang, 'options.saved'),
              );
            }}
          >
            <fieldset>
              <legend>{t(lang, 'vault.autoLockLegend')}</legend>
              <label>
                {t(lang, 'vault.autoLock')}
                <input
                  type="number"
                  min={0}
                  max={1440}
                  value={autoLock ?? status.autoLockMinutes}
                  onInput={(e) => setAutoLock(e.currentTarget.value)}
                />
              </label>
            </fieldset>
            <SaveBar lang={lang} dirty={autoLockDirty} busy={busy} />
          </form>
          <form
            class="stack"
            onSubmit={(e) => {
              e.preventDefault();
              void act(
                () => send('vault/change-passphrase', { oldPassphrase: a, newPassphrase: b }),
                t(lang, 'vault.changed'),
              );
            }}
          >
            <fieldset>
              <legend>{t(lang, 'vault.change')}</legend>
              {field(t(lang, 'vault.oldPassphrase'), a, setA, 'current')}
              {field(t(lang, 'vault.newPassphrase'), b, setB, 'new')}
              <div class="row start">
                <button type="submit" disabled={busy}>
                  {t(lang, 'vault.change')}
                </button>
              </div>
            </fieldset>
          </form>
        </>
      )}

      {/* Nothing to forget before a vault exists (and nothing it could take back). */}
      {status.exists && (
        <fieldset class="danger-zone">
          <legend>{t(lang, 'vault.dangerZone')}</legend>
          <p class="muted">{t(lang, 'vault.forgetExplain')}</p>
          <div class="row start">
            <button
              type="button"
              class="danger"
              disabled={busy}
              onClick={() => {
                if (confirm(t(lang, 'vault.forgetConfirm'))) {
                  void act(
                    async () => {
                      const s = await send('vault/forget-everything', {});
                      onForgotten?.();
                      return s;
                    },
                    t(lang, 'vault.forgotten'),
                  );
                }
              }}
            >
              {t(lang, 'vault.forget')}
            </button>
          </div>
        </fieldset>
      )}
      <NoticeText notice={notice} />
    </section>
  );
}
