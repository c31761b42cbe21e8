import { useEffect, useState } from 'preact/hooks';
import { send } from '../ext/messaging';
import { getStore } from '../ext/storage';
import { KEYS } from '../core/storage-keys';
import { PLATFORMS, type Platform } from '../core/platform';
import { errorLang, t, type Lang, type MessageKey } from '../core/i18n';
import { PLATFORM_NAMES } from '../providers/capabilities';
import type { AccountsView, CredentialsView, VaultStatus } from '../core/messages';
import type { Settings } from '../core/settings';
import { DESCRIPTIONS } from '../providers/descriptions';
import { NoticeText, useAction } from '../ui/use-action';
import { AccountPanel } from './platform-section';
import { PlatformEditor, refusalOf, type Refusal } from './platform-editor';

type Step = 'vault' | 'platforms' | 'keys' | 'connect' | 'done';
const STEPS: readonly Step[] = ['vault', 'platforms', 'keys', 'connect', 'done'];
type Progress = { step: Step; platforms: Platform[] };

/** Rough strength of a passphrase: its length times the bits of the kinds of characters in it. */
export function passphraseStrength(p: string): 'tooShort' | 'weak' | 'fair' | 'strong' {
  const n = [...p].length;
  if (n < 8) return 'tooShort';
  let pool = 0;
  if (/[a-z]/.test(p)) pool += 26;
  if (/[A-Z]/.test(p)) pool += 26;
  if (/[0-9]/.test(p)) pool += 10;
  if (/[^A-Za-z0-9]/.test(p)) pool += 33;
  const bits = n * Math.log2(Math.max(pool, 2));
  return bits < 50 ? 'weak' : bits < 75 ? 'fair' : 'strong';
}

/** Whether the stored keys of a platform are all there (what Next in the keys step waits for). */
function keysComplete(platform: Platform, view: CredentialsView): boolean {
  const secrets = new Set(view.secretsSet ?? []);
  return DESCRIPTIONS[platform].credentials.every(
    (f) => !f.required || (f.secret ? secrets.has(f.key) : !!view.config[f.key]),
  );
}

function VaultStep({
  lang,
  vault,
  onVault,
}: {
  lang: Lang;
  vault: VaultStatus;
  onVault: (s: VaultStatus) => void;
}) {
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const { busy, notice, setNotice, run } = useAction(lang);
  if (vault.exists && vault.unlocked) return <p class="ok">{t(lang, 'setup.vault.ready')}</p>;
  if (vault.exists) {
    return (
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => onVault(await send('vault/unlock', { passphrase: a })));
        }}
      >
        <p>{t(lang, 'setup.vault.locked')}</p>
        <label>
          {t(lang, 'vault.passphrase')}
          <input
            type="password"
            autocomplete="current-password"
            value={a}
            onInput={(e) => setA(e.currentTarget.value)}
          />
        </label>
        <div class="row start">
          <button class="primary" type="submit" disabled={busy}>
            {t(lang, 'vault.unlock')}
          </button>
          <NoticeText notice={notice} />
        </div>
      </form>
    );
  }
  const strength = passphraseStrength(a);
  const level = strength === 'tooShort' ? '' : t(lang, `setup.strength.${strength}`);
  return (
    <form
      class="stack"
      onSubmit={(e) => {
        e.preventDefault();
        if (strength === 'tooShort') {
          return setNotice({ tone: 'error', text: t(lang, 'setup.strength.tooShort') });
        }
        if (a !== b) return setNotice({ tone: 'error', text: t(lang, 'vault.mismatch') });
        void run(async () => {
          onVault(await send('vault/create', { passphrase: a }));
          setA('');
          setB('');
        });
      }}
    >
      <p>{t(lang, 'setup.vault.intro')}</p>
      <div class="field">
        <label for="setup-pass">{t(lang, 'vault.passphrase')}</label>
        <input
          id="setup-pass"
          type="password"
          autocomplete="new-password"
          aria-describedby="setup-strength"
          value={a}
          onInput={(e) => setA(e.currentTarget.value)}
        />
        <span
          id="setup-strength"
          class={`help strength-${strength}`}
          data-testid="strength"
          aria-live="polite"
        >
          {a === ''
            ? t(lang, 'setup.strength.tooShort')
            : strength === 'tooShort'
              ? t(lang, 'setup.strength.tooShort')
              : t(lang, 'setup.strength', { level })}
        </span>
        <meter
          min={0}
          max={3}
          low={1.5}
          high={2.5}
          optimum={3}
          aria-hidden="true"
          value={{ tooShort: 0, weak: 1, fair: 2, strong: 3 }[strength]}
        />
      </div>
      <label>
        {t(lang, 'vault.confirm')}
        <input
          type="password"
          autocomplete="new-password"
          value={b}
          onInput={(e) => setB(e.currentTarget.value)}
        />
      </label>
      <div class="row start">
        <button class="primary" type="submit" disabled={busy}>
          {t(lang, 'vault.create')}
        </button>
        <NoticeText notice={notice} />
      </div>
    </form>
  );
}

/**
 * The first-run flow: vault → platforms → keys (checked as typed, then tested for real) →
 * connect (the real flows) → done. The step and the choice are stored (KEYS.setup), so closing
 * the tab loses nothing.
 */
export function Setup({
  lang,
  settings,
  vault,
  accounts,
  onVault,
  onSettings,
  onDirty,
}: {
  lang: Lang;
  settings: Settings;
  vault: VaultStatus;
  accounts: AccountsView | undefined;
  onVault: (s: VaultStatus) => void;
  onSettings: (s: Settings) => void;
  onDirty: (dirty: boolean) => void;
}) {
  const [progress, setProgress] = useState<Progress>();
  const [complete, setComplete] = useState<Partial<Record<Platform, boolean>>>({});
  const [dirty, setDirty] = useState<Partial<Record<Platform, boolean>>>({});
  const [refusal, setRefusal] = useState<Partial<Record<Platform, Refusal>>>({});

  useEffect(() => {
    void getStore()
      .get(KEYS.setup)
      .then((p) => setProgress({ step: p.step, platforms: [...p.platforms] }));
  }, []);
  const anyDirty = Object.values(dirty).some(Boolean);
  useEffect(() => onDirty(anyDirty), [anyDirty]);

  const chosen = progress?.platforms ?? [];
  useEffect(() => {
    if (progress?.step !== 'keys' || !vault.unlocked) return;
    for (const p of chosen) {
      void send('credentials/get', { platform: p }).then((v) =>
        setComplete((c) => ({ ...c, [p]: keysComplete(p, v) })),
      );
    }
  }, [progress?.step, vault.unlocked]);

  if (!progress) return <section aria-busy="true" />;
  // No vault (or a locked one): whatever was stored, the vault comes first.
  const step: Step = !vault.unlocked ? 'vault' : progress.step;
  const at = STEPS.indexOf(step);

  const go = (next: Partial<Progress>) => {
    const p = { ...progress, ...next };
    setProgress(p);
    void getStore().set(KEYS.setup, p);
  };
  const toggle = (p: Platform, on: boolean) =>
    go({ platforms: PLATFORMS.filter((x) => (x === p ? on : chosen.includes(x))) });

  const pending = chosen.filter((p) => !complete[p]);
  const canNext =
    step === 'vault'
      ? vault.unlocked
      : step === 'platforms'
        ? chosen.length > 0
        : step === 'keys'
          ? pending.length === 0 && !anyDirty
          : true;

  const stepLabel = (s: Step) => t(lang, `setup.step.${s}` as MessageKey);

  return (
    <section class="stack section setup" aria-labelledby="setup-h" data-section="setup">
      <h2 id="setup-h">{t(lang, 'setup.title')}</h2>
      <ol class="steps" aria-label={t(lang, 'setup.steps')}>
        {STEPS.map((s, i) => (
          <li
            key={s}
            aria-current={s === step ? 'step' : undefined}
            class={i < at ? 'past' : s === step ? 'current' : ''}
          >
            <span class="dot" aria-hidden="true">
              {i < at ? '✓' : i + 1}
            </span>
            {stepLabel(s)}
          </li>
        ))}
      </ol>
      <p class="muted" data-testid="setup-step">
        {t(lang, 'setup.stepOf', { n: at + 1, total: STEPS.length })} · {stepLabel(step)}
      </p>

      {step === 'vault' && (
        <VaultStep
          lang={lang}
          vault={vault}
          onVault={(s) => {
            onVault(s);
            // A vault just made or opened: on to the platforms, unless the user was further on.
            if (s.unlocked && progress.step === 'vault') go({ step: 'platforms' });
          }}
        />
      )}

      {step === 'platforms' && (
        <fieldset class="stack choose">
          <legend>{t(lang, 'setup.platforms.intro')}</legend>
          {PLATFORMS.map((p) => (
            <label class="choice" key={p}>
              <input
                type="checkbox"
                name="platform"
                value={p}
                checked={chosen.includes(p)}
                onChange={(e) => toggle(p, e.currentTarget.checked)}
              />
              <span>
                <strong>{PLATFORM_NAMES[p][lang]}</strong>
                <span class="muted"> — {DESCRIPTIONS[p].about[errorLang(lang)]}</span>
              </span>
            </label>
          ))}
          {chosen.length === 0 && <p class="muted">{t(lang, 'setup.choose')}</p>}
        </fieldset>
      )}

      {step === 'keys' && (
        <div class="stack">
          <p>{t(lang, 'setup.keys.intro')}</p>
          {chosen.map((p) => (
            <div class="card stack" key={p} data-setup-platform={p}>
              <h3>{PLATFORM_NAMES[p][lang]}</h3>
              <PlatformEditor
                platform={p}
                lang={lang}
                settings={settings}
                vaultUnlocked={vault.unlocked}
                onSettings={onSettings}
                onDirty={(d) => setDirty((x) => ({ ...x, [p]: d }))}
                onSaved={(v) => setComplete((c) => ({ ...c, [p]: keysComplete(p, v) }))}
                refusal={refusal[p]}
              />
            </div>
          ))}
          {pending.length > 0 && (
            <p class="muted" data-testid="setup-pending">
              {t(lang, 'setup.keys.pending', {
                names: pending.map((p) => PLATFORM_NAMES[p][lang]).join(', '),
              })}
            </p>
          )}
        </div>
      )}

      {step === 'connect' && (
        <div class="stack">
          <p>{t(lang, 'setup.connect.intro')}</p>
          {chosen.map((p) => (
            <div class="card stack" key={p} data-setup-platform={p}>
              <h3>{PLATFORM_NAMES[p][lang]}</h3>
              <AccountPanel
                platform={p}
                lang={lang}
                accounts={accounts}
                onRefused={(e) =>
                  setRefusal((r) => ({ ...r, [p]: refusalOf(e, (r[p]?.n ?? 0) + 1) }))
                }
              />
            </div>
          ))}
        </div>
      )}

      {step === 'done' && (
        <div class="stack done" data-testid="setup-done">
          <h3>{t(lang, 'setup.done.title')}</h3>
          <p>{t(lang, 'setup.done.text')}</p>
          <ul class="stack">
            {chosen.map((p) => {
              const a = accounts?.accounts[p];
              return (
                <li key={p}>
                  <strong>{PLATFORM_NAMES[p][lang]}</strong>:{' '}
                  <span class={a?.state === 'connected' ? 'ok' : 'muted'}>
                    {a?.state === 'connected'
                      ? t(lang, 'options.connected', { who: a.label })
                      : t(lang, 'options.notConnected')}
                  </span>
                </li>
              );
            })}
          </ul>
          <div class="row start">
            <a class="button primary" href={`#${chosen[0] ?? 'fomo'}`}>
              {t(lang, 'setup.done.open')}
            </a>
          </div>
        </div>
      )}

      {step !== 'done' && !(step === 'vault' && !vault.unlocked) && (
        <div class="savebar">
          {at > 0 && step !== 'vault' ? (
            <button type="button" onClick={() => go({ step: STEPS[at - 1]! })}>
              {t(lang, 'setup.back')}
            </button>
          ) : null}
          <span class="grow" />
          {step === 'vault' && !vault.unlocked ? null : (
            <button
              type="button"
              class="primary"
              disabled={!canNext}
              onClick={() => go({ step: STEPS[at + 1]! })}
            >
              {t(lang, 'setup.next')}
            </button>
          )}
        </div>
      )}
    </section>
  );
}
