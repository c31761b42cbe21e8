import type { Bilingual } from '../core/errors';
import { errorLang, t, type Lang } from '../core/i18n';
import type { CredentialField } from '../providers/types';

/** Long values (PEM / base64 keys) get a text area; the short API keys do not. */
const isLong = (f: CredentialField) => /Key$/.test(f.key) && !/^(apiKey|secretKey)$/.test(f.key);

/**
 * One credential field: a select where the platform allows a fixed set of values, a text area
 * for keys, a password box for other secrets. The line under it is the field's error when it has
 * one, its hint otherwise; `aria-describedby` points at it either way.
 */
export function FieldInput({
  id,
  field,
  value,
  lang,
  stored,
  disabled,
  problem,
  onInput,
  onBlur,
}: {
  id: string;
  field: CredentialField;
  value: string;
  lang: Lang;
  stored: boolean;
  disabled: boolean;
  problem: Bilingual | undefined;
  onInput: (value: string) => void;
  onBlur?: () => void;
}) {
  const zh = errorLang(lang);
  const common = {
    id,
    name: field.key,
    disabled,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': `${id}-help`,
    onBlur,
  };
  const text = {
    ...common,
    value,
    placeholder: field.secret && stored ? t(lang, 'creds.stored') : undefined,
    autocomplete: 'off',
    spellcheck: false,
  };
  let control;
  if (field.choices) {
    // An optional field shows its first choice (the platform's default) when it is empty.
    const shown = value || (field.required ? '' : field.choices[0]!.value);
    control = (
      <select {...common} value={shown} onChange={(e) => onInput(e.currentTarget.value)}>
        {field.required && !value && (
          <option value="" disabled>
            {t(lang, 'options.choose')}
          </option>
        )}
        {field.choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label[zh]}
          </option>
        ))}
      </select>
    );
  } else if (isLong(field)) {
    control = <textarea {...text} rows={4} onInput={(e) => onInput(e.currentTarget.value)} />;
  } else if (field.secret) {
    control = <input {...text} type="password" onInput={(e) => onInput(e.currentTarget.value)} />;
  } else {
    control = <input {...text} type="text" onInput={(e) => onInput(e.currentTarget.value)} />;
  }
  return (
    <div class="field">
      <label for={id}>
        {field.label[zh]}
        {field.required && (
          <span class="required" aria-hidden="true">
            {' '}
            *
          </span>
        )}
      </label>
      {control}
      <span id={`${id}-help`} class={problem ? 'error help' : 'muted help'}>
        {problem ? problem[zh] : (field.hint?.[zh] ?? '')}
      </span>
    </div>
  );
}
