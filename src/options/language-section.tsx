import { useEffect, useState } from 'preact/hooks';
import { send } from '../ext/messaging';
import { LANGUAGES, type LanguageSetting, type Settings } from '../core/settings';
import { t, type Lang } from '../core/i18n';
import { useAction } from '../ui/use-action';
import { SaveBar } from './save-bar';

/**
 * Language and where the local sandbox runs, with one Save. The page speaks a chosen language at
 * once (`onPreview`), before it is saved, so the choice can be judged by reading it.
 */
export function LanguageSection({
  lang,
  settings,
  onSettings,
  onPreview,
  onDirty,
}: {
  lang: Lang;
  settings: Settings;
  onSettings: (s: Settings) => void;
  onPreview: (l: LanguageSetting | undefined) => void;
  onDirty: (dirty: boolean) => void;
}) {
  const [language, setLanguage] = useState(settings.language);
  const [sandboxOrigin, setSandboxOrigin] = useState(settings.sandboxOrigin);
  const { busy, notice, run } = useAction(lang);
  // What is stored, as this form last took it. Settings changed elsewhere (the popup, another
  // tab) replace what is shown, unless it was edited here; either way the form is never "dirty"
  // for a change it did not make.
  const [base, setBase] = useState({
    language: settings.language,
    sandboxOrigin: settings.sandboxOrigin,
  });
  useEffect(() => {
    if (settings.language === base.language && settings.sandboxOrigin === base.sandboxOrigin) {
      return;
    }
    if (language === base.language && sandboxOrigin === base.sandboxOrigin) {
      setLanguage(settings.language);
      setSandboxOrigin(settings.sandboxOrigin);
    }
    setBase({ language: settings.language, sandboxOrigin: settings.sandboxOrigin });
  }, [settings.language, settings.sandboxOrigin]);
  const dirty = language !== base.language || sandboxOrigin !== base.sandboxOrigin;
  useEffect(() => onDirty(dirty), [dirty]);
  // Leaving the section drops an unsaved language.
  useEffect(() => () => onPreview(undefined), []);

  return (
    <section class="stack section" aria-labelledby="language-h" data-section="language">
      <h2 id="language-h">{t(lang, 'options.nav.language')}</h2>
      <form
        class="stack editor"
        onSubmit={(e) => {
          e.preventDefault();
          void run(async () => {
            const saved = await send('settings/update', { language, sandboxOrigin });
            onSettings(saved);
            onPreview(undefined);
            return t(lang, 'options.saved');
          });
        }}
      >
        <fieldset>
          <div class="field">
            <label for="language">{t(lang, 'options.language')}</label>
            <select
              id="language"
              value={language}
              onChange={(e) => {
                const l = e.currentTarget.value as LanguageSetting;
                setLanguage(l);
                onPreview(l);
              }}
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
          </div>
        </fieldset>
        <fieldset>
          <legend>{t(lang, 'options.sandbox')}</legend>
          <label>
            {t(lang, 'options.sandbox')}
            <input
              type="url"
              value={sandboxOrigin}
              onInput={(e) => setSandboxOrigin(e.currentTarget.value)}
            />
            <span class="muted">{t(lang, 'options.sandbox.hint')}</span>
          </label>
          <p class="muted">{t(lang, 'options.environments.hint')}</p>
        </fieldset>
        <SaveBar lang={lang} dirty={dirty} busy={busy} notice={notice} />
      </form>
    </section>
  );
}
