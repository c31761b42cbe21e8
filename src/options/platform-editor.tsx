import { useEffect, useState } from 'preact/hooks';
import { send } from '../ext/messaging';
import { toCoinDockError } from '../core/errors';
import type { Platform } from '../core/platform';
import { errorLang, t, type Lang } from '../core/i18n';
import { PLATFORM_NAMES } from '../providers/capabilities';
import type { CredentialsView } from '../core/messages';
import { ENVIRONMENTS, mergeSettings, requiredOrigins, type Settings } from '../core/settings';
import { DESCRIPTIONS, resolveBaseUrl } from '../providers/descriptions';
import { checkCredentialField } from '../providers/credentials';
import { isSecureEndpoint } from '../core/transport';
import { generateMerchantKeyPair } from '../providers/biyong/sign';
import type { Environment } from '../providers/types';
import { NoticeText, useAction } from '../ui/use-action';
import { FieldInput } from './field-input';
import { DemoKeysError, fetchDemoKeys } from './demo-keys';
import { SaveBar } from './save-bar';

/** Everything one platform's Save writes: where it connects, and its keys. */
interface Draft {
  environment: Environment;
  customBaseUrl: string;
  returnUrls: string;
  values: Record<string, string>;
}

/** A refusal by the platform that names one field (a signature made with a wrong key). */
export interface Refusal {
  code: string;
  platformCode?: string;
  /** Counts refusals, so the same one twice still moves the focus. */
  n: number;
}

/** The field a platform's "wrong signature" answer is about: the key that signed. */
const SIGNING_FIELD: Partial<Record<Platform, string>> = {
  gow: 'secretKey',
  biyong: 'merchantPrivateKey',
};

const URL_LINE = /^https?:\/\/\S+$/;

/** Focus a field and bring it to the middle of the view (the sticky save bar would hide it). */
function focusField(id: string): void {
  const el = document.getElementById(id);
  el?.focus({ preventScroll: true });
  el?.scrollIntoView({ block: 'center' });
}

function draftOf(settings: Settings, platform: Platform, view: CredentialsView): Draft {
  const ps = settings.platforms[platform];
  const values: Record<string, string> = {};
  for (const f of DESCRIPTIONS[platform].credentials) {
    // Secrets are never shown back: empty means "keep the stored one".
    values[f.key] = f.secret ? '' : (view.config[f.key] ?? '');
  }
  return {
    environment: ps.environment,
    customBaseUrl: ps.customBaseUrl ?? '',
    returnUrls: ps.returnUrls.join('\n'),
    values,
  };
}

const lines = (s: string) =>
  s
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/**
 * One platform's settings and keys, with one Save for all of them: disabled until something
 * changed, "unsaved changes" meanwhile. Fields are checked as the user types; Test connection
 * makes the real call the worker offers (saving first when there are changes).
 */
export function PlatformEditor({
  platform,
  lang,
  settings,
  vaultUnlocked,
  onSettings,
  onDirty,
  onSaved,
  refusal,
}: {
  platform: Platform;
  lang: Lang;
  settings: Settings;
  vaultUnlocked: boolean;
  onSettings: (s: Settings) => void;
  onDirty?: (dirty: boolean) => void;
  /** After each successful save, with which secret fields the vault now holds. */
  onSaved?: (view: CredentialsView) => void;
  refusal?: Refusal;
}) {
  const fields = DESCRIPTIONS[platform].credentials;
  const { keyPairHelper } = DESCRIPTIONS[platform].capabilities;
  const zh = errorLang(lang);
  const name = PLATFORM_NAMES[platform][lang];
  const [view, setView] = useState<CredentialsView>();
  const [base, setBase] = useState<Draft>();
  const [draft, setDraft] = useState<Draft>();
  const [touched, setTouched] = useState<ReadonlySet<string>>(new Set());
  const [refused, setRefused] = useState<Record<string, string>>({});
  const [focus, setFocus] = useState<{ key: string; n: number }>();
  const { busy, notice, setNotice, showError, run } = useAction(lang);

  useEffect(() => {
    send('credentials/get', { platform }).then((v) => {
      setView(v);
      const d = draftOf(settings, platform, v);
      setBase(d);
      setDraft(d);
    }, showError);
  }, [platform, vaultUnlocked]);

  const dirty = !!base && !!draft && JSON.stringify(base) !== JSON.stringify(draft);
  useEffect(() => onDirty?.(dirty), [dirty]);

  const pointAt = (code: string | undefined, platformCode: string | undefined) => {
    const key = code === 'signature' ? SIGNING_FIELD[platform] : undefined;
    if (!key) return;
    const pc = platformCode ? ` (${platformCode})` : '';
    setRefused({ [key]: t(lang, 'options.wrongSignature', { name, code: pc }) });
    setFocus({ key, n: (focus?.n ?? 0) + 1 });
  };
  useEffect(() => {
    if (refusal) pointAt(refusal.code, refusal.platformCode);
  }, [refusal?.n]);
  useEffect(() => {
    if (focus) focusField(`${platform}-${focus.key}`);
  }, [focus?.n]);

  if (!view || !draft || !base) return notice ? <NoticeText notice={notice} /> : null;

  // Locked, the page cannot know which secrets are stored: it leaves that to the worker, which
  // answers that the vault must be unlocked.
  const stored = new Set(view.secretsSet ?? fields.filter((f) => f.secret).map((f) => f.key));
  const fieldProblem = (key: string) => {
    const f = fields.find((x) => x.key === key)!;
    return checkCredentialField(f, draft.values[key] ?? '', stored.has(key))?.message;
  };
  // Plain http: to another computer is refused here, in the field, before the save asks the
  // browser for access to that host or writes the keys: the worker would refuse it anyway
  // (docs/security.md, "Transport").
  const urlProblem = () => {
    const rows = draft.returnUrls.split('\n').map((l) => l.trim());
    const bad = rows.findIndex((l) => l && !URL_LINE.test(l));
    if (bad >= 0) return t(lang, 'options.returnUrls.bad', { n: bad + 1 });
    const plain = rows.findIndex((l) => l && !isSecureEndpoint(l));
    return plain >= 0 ? t(lang, 'options.returnUrls.insecure', { n: plain + 1 }) : undefined;
  };
  const customProblem = () => {
    if (draft.environment !== 'custom') return undefined;
    const url = draft.customBaseUrl.trim();
    if (!URL_LINE.test(url)) return t(lang, 'options.customBaseUrl.bad', { name });
    return isSecureEndpoint(url) ? undefined : t(lang, 'options.customBaseUrl.insecure', { name });
  };

  const setValue = (key: string, value: string) => {
    setDraft({ ...draft, values: { ...draft.values, [key]: value } });
    setTouched(new Set(touched).add(key));
    if (refused[key]) setRefused({});
  };

  /** Save what changed; false (and the reasons on the fields) when something is wrong. */
  async function save(): Promise<boolean> {
    const all = new Set([...fields.map((f) => f.key), 'returnUrls', 'customBaseUrl']);
    setTouched(all);
    const invalid = [
      ...fields.filter((f) => fieldProblem(f.key)).map((f) => `${platform}-${f.key}`),
      ...(customProblem() ? [`${platform}-customBaseUrl`] : []),
      ...(urlProblem() ? [`${platform}-returnUrls`] : []),
    ];
    if (invalid.length) {
      setNotice({ tone: 'error', text: t(lang, 'options.fixFields', { n: invalid.length }) });
      focusField(invalid[0]!);
      return false;
    }
    const patch = {
      environment: draft!.environment,
      ...(draft!.environment === 'custom' ? { customBaseUrl: draft!.customBaseUrl.trim() } : {}),
      returnUrls: lines(draft!.returnUrls),
    };
    const next = mergeSettings(settings, { platforms: { [platform]: patch } });
    // Host permission for return URLs and custom base URLs is asked here, in the saving click
    // (the first thing awaited, so the browser still sees the click).
    const origins = requiredOrigins(next);
    const granted = origins.length ? await chrome.permissions.request({ origins }) : true;
    let nextView = view!;
    if (JSON.stringify(draft!.values) !== JSON.stringify(base!.values)) {
      nextView = await send('credentials/save', { platform, values: draft!.values });
      setView(nextView);
    }
    const { values: _v, ...settingsNow } = draft!;
    const { values: _b, ...settingsBefore } = base!;
    let saved = settings;
    if (JSON.stringify(settingsNow) !== JSON.stringify(settingsBefore)) {
      saved = await send('settings/update', { platforms: { [platform]: patch } });
      onSettings(saved);
    }
    const d = draftOf(saved, platform, nextView);
    setBase(d);
    setDraft(d);
    setTouched(new Set());
    setRefused({});
    setNotice(
      granted
        ? { tone: 'ok', text: t(lang, 'options.saved') }
        : { tone: 'error', text: t(lang, 'options.permissionDenied') },
    );
    onSaved?.(nextView);
    return true;
  }

  const testConnection = () =>
    run(async () => {
      if (dirty && !(await save())) return;
      setNotice({ tone: 'ok', text: t(lang, 'creds.testing') });
      const r = await send('credentials/test', { platform });
      if (!r.ok) pointAt(r.code, /\(([\w-]+)\)$/.exec(r.message.en)?.[1]);
      // A refused key is an answer of the platform, said as an error.
      setNotice({ tone: r.ok ? 'ok' : 'error', text: r.message[zh] });
    });

  const fillDemo = () =>
    run(async () => {
      try {
        const demo = await fetchDemoKeys(settings.sandboxOrigin, platform, lang);
        const known = Object.fromEntries(
          Object.entries(demo).filter(([k]) => fields.some((f) => f.key === k)),
        );
        setDraft({ ...draft, values: { ...draft.values, ...known } });
        setTouched(new Set([...touched, ...Object.keys(known)]));
        setRefused({});
        return t(lang, 'options.demoKeys.filled');
      } catch (e) {
        if (e instanceof DemoKeysError) setNotice({ tone: 'error', text: e.message });
        else throw e;
      }
    });

  const generate = () =>
    run(async () => {
      const pair = await generateMerchantKeyPair();
      setDraft({
        ...draft,
        values: {
          ...draft.values,
          merchantPrivateKey: pair.privateKey,
          merchantPublicKey: pair.publicKey,
        },
      });
      return t(lang, 'creds.generated');
    });

  const baseUrl = resolveBaseUrl(
    DESCRIPTIONS[platform],
    {
      environment: draft.environment,
      customBaseUrl: draft.customBaseUrl.trim() || undefined,
    },
    settings.sandboxOrigin,
  );
  const id = (k: string) => `${platform}-${k}`;
  const shownUrlProblem = touched.has('returnUrls') ? urlProblem() : undefined;
  const shownCustomProblem = touched.has('customBaseUrl') ? customProblem() : undefined;

  return (
    <form
      class="stack editor"
      data-testid={`credentials-${platform}`}
      onSubmit={(e) => {
        e.preventDefault();
        void run(async () => void (await save()));
      }}
    >
      <fieldset data-platform={platform}>
        <legend>{t(lang, 'options.section.where')}</legend>
        <div class="field">
          <label for={id('environment')}>{t(lang, 'options.environment')}</label>
          <select
            id={id('environment')}
            aria-describedby={id('environment-help')}
            value={draft.environment}
            onChange={(e) =>
              setDraft({ ...draft, environment: e.currentTarget.value as Environment })
            }
          >
            {ENVIRONMENTS.map((env) => (
              <option value={env} key={env}>
                {t(lang, `env.${env}`)}
              </option>
            ))}
          </select>
          <span id={id('environment-help')} class="muted help">
            {baseUrl
              ? t(lang, 'options.baseUrl', { url: baseUrl })
              : draft.environment === 'custom'
                ? ''
                : t(lang, 'options.baseUrl.none', { name })}
          </span>
        </div>
        {draft.environment === 'custom' && (
          <div class="field">
            <label for={id('customBaseUrl')}>{t(lang, 'options.customBaseUrl')}</label>
            <input
              id={id('customBaseUrl')}
              type="url"
              value={draft.customBaseUrl}
              aria-invalid={shownCustomProblem ? true : undefined}
              aria-describedby={id('customBaseUrl-help')}
              onInput={(e) => {
                setDraft({ ...draft, customBaseUrl: e.currentTarget.value });
                setTouched(new Set(touched).add('customBaseUrl'));
              }}
            />
            <span id={id('customBaseUrl-help')} class={shownCustomProblem ? 'error help' : 'help'}>
              {shownCustomProblem ?? ''}
            </span>
          </div>
        )}
        <div class="field">
          <label for={id('returnUrls')}>{t(lang, 'options.returnUrls')}</label>
          <textarea
            id={id('returnUrls')}
            rows={2}
            value={draft.returnUrls}
            spellcheck={false}
            aria-invalid={shownUrlProblem ? true : undefined}
            aria-describedby={id('returnUrls-help')}
            onInput={(e) => {
              setDraft({ ...draft, returnUrls: e.currentTarget.value });
              setTouched(new Set(touched).add('returnUrls'));
            }}
          />
          <span id={id('returnUrls-help')} class={shownUrlProblem ? 'error help' : 'muted help'}>
            {shownUrlProblem ?? t(lang, 'options.returnUrls.hint')}
          </span>
        </div>
      </fieldset>
      <fieldset>
        <legend>
          {t(
            lang,
            fields.some((f) => f.secret) ? 'options.section.keys' : 'options.section.details',
          )}
        </legend>
        {!vaultUnlocked && <p class="muted">{t(lang, 'creds.lockedHint')}</p>}
        {(draft.environment === 'sandbox' || keyPairHelper) && (
          <div class="row start">
            {draft.environment === 'sandbox' && (
              <button type="button" disabled={busy} onClick={() => void fillDemo()}>
                {t(lang, 'options.demoKeys')}
              </button>
            )}
            {keyPairHelper && (
              <button
                type="button"
                disabled={busy || !vaultUnlocked}
                onClick={() => void generate()}
              >
                {t(lang, 'creds.generate')}
              </button>
            )}
          </div>
        )}
        {fields.map((f) => (
          <FieldInput
            key={f.key}
            id={id(f.key)}
            field={f}
            lang={lang}
            value={draft.values[f.key] ?? ''}
            stored={stored.has(f.key)}
            disabled={f.secret && !vaultUnlocked}
            problem={
              refused[f.key]
                ? { en: refused[f.key]!, zh: refused[f.key]! }
                : touched.has(f.key)
                  ? fieldProblem(f.key)
                  : undefined
            }
            onInput={(v) => setValue(f.key, v)}
          />
        ))}
      </fieldset>
      <SaveBar lang={lang} dirty={dirty} busy={busy} notice={notice}>
        {dirty && (
          <button
            type="button"
            class="link"
            disabled={busy}
            onClick={() => {
              setDraft(base);
              setTouched(new Set());
              setRefused({});
              setNotice(undefined);
            }}
          >
            {t(lang, 'options.discard')}
          </button>
        )}
        <button type="button" disabled={busy} onClick={() => void testConnection()}>
          {t(lang, 'creds.test')}
        </button>
      </SaveBar>
    </form>
  );
}

/** The platform's answer to a connect, as a refusal that may name a field. */
export function refusalOf(e: unknown, n: number): Refusal {
  const err = toCoinDockError(e);
  return { code: err.code, platformCode: err.platformCode, n };
}
