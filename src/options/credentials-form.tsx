import { useEffect, useState } from 'preact/hooks';
import { send } from '../ext/messaging';
import type { Platform } from '../core/errors';
import { errorLang, t, type Lang } from '../core/i18n';
import type { CredentialsView } from '../core/messages';
import { DESCRIPTIONS } from '../providers/registry';
import { checkCredentialField } from '../providers/credentials';
import { generateMerchantKeyPair } from '../providers/biyong/sign';
import { NoticeText, useAction } from '../ui/use-action';

/**
 * One platform's credential fields, checked as the user types against the platform's
 * description. Secret fields are never shown back: the page only learns whether one is stored.
 */
export function CredentialsForm({
  platform,
  lang,
  vaultUnlocked,
}: {
  platform: Platform;
  lang: Lang;
  vaultUnlocked: boolean;
}) {
  const fields = DESCRIPTIONS[platform].credentials;
  const zh = errorLang(lang);
  const [view, setView] = useState<CredentialsView>();
  const [values, setValues] = useState<Record<string, string>>({});
  const [touched, setTouched] = useState<Set<string>>(new Set());
  const { busy, notice, setNotice, showError, run } = useAction(lang);

  useEffect(() => {
    send('credentials/get', { platform }).then((v) => {
      setView(v);
      setValues({ ...v.config });
    }, showError);
  }, [platform, vaultUnlocked]);

  const stored = new Set(view?.secretsSet ?? []);
  const set = (key: string, value: string) => {
    setValues({ ...values, [key]: value });
    setTouched(new Set(touched).add(key));
  };

  function save(e: Event) {
    e.preventDefault();
    // Every field is checked on save, including the ones not typed in yet.
    setTouched(new Set(fields.map((f) => f.key)));
    return run(async () => {
      const next = await send('credentials/save', { platform, values });
      setView(next);
      setValues({ ...next.config });
      setTouched(new Set());
      return t(lang, 'creds.saved');
    });
  }

  const testConnection = () =>
    run(async () => {
      setNotice({ tone: 'ok', text: t(lang, 'creds.testing') });
      const r = await send('credentials/test', { platform });
      // A refused key is an answer of the platform, said as an error.
      setNotice({ tone: r.ok ? 'ok' : 'error', text: r.message[zh] });
    });

  const generate = () =>
    run(async () => {
      const pair = await generateMerchantKeyPair();
      setValues({
        ...values,
        merchantPrivateKey: pair.privateKey,
        merchantPublicKey: pair.publicKey,
      });
      return t(lang, 'creds.generated');
    });

  if (!view) return notice ? <p class="error">{notice.text}</p> : null;

  return (
    <form class="stack" data-testid={`credentials-${platform}`} onSubmit={(e) => void save(e)}>
      {!vaultUnlocked && <p class="muted">{t(lang, 'creds.lockedHint')}</p>}
      {fields.map((f) => {
        const value = values[f.key] ?? '';
        const problem = touched.has(f.key)
          ? checkCredentialField(f, value, stored.has(f.key))
          : undefined;
        const id = `${platform}-${f.key}`;
        const long = /Key$/.test(f.key) && !/^(apiKey|secretKey)$/.test(f.key);
        const common = {
          id,
          name: f.key,
          value,
          disabled: f.secret && !vaultUnlocked,
          'aria-invalid': problem ? true : undefined,
          'aria-describedby': `${id}-help`,
          placeholder: f.secret && stored.has(f.key) ? t(lang, 'creds.stored') : undefined,
          autocomplete: 'off',
          spellcheck: false,
        };
        return (
          <div class="stack" key={f.key}>
            <label for={id}>
              {f.label[zh]}
              {f.required ? ' *' : ''}
            </label>
            {long ? (
              <textarea {...common} rows={3} onInput={(e) => set(f.key, e.currentTarget.value)} />
            ) : f.secret ? (
              <input
                {...common}
                type="password"
                onInput={(e) => set(f.key, e.currentTarget.value)}
              />
            ) : (
              <input {...common} type="text" onInput={(e) => set(f.key, e.currentTarget.value)} />
            )}
            <span id={`${id}-help`} class={problem ? 'error' : 'muted'}>
              {problem ? problem.message[zh] : (f.hint?.[zh] ?? '')}
            </span>
          </div>
        );
      })}
      <div class="row">
        {platform === 'biyong' && (
          <button type="button" disabled={!vaultUnlocked} onClick={() => void generate()}>
            {t(lang, 'creds.generate')}
          </button>
        )}
        <button class="primary" type="submit" disabled={busy}>
          {t(lang, 'creds.save')}
        </button>
        <button type="button" disabled={busy} onClick={() => void testConnection()}>
          {t(lang, 'creds.test')}
        </button>
        <NoticeText notice={notice} />
      </div>
    </form>
  );
}
