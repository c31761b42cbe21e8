import { useState } from 'preact/hooks';
import { toCoinDockError } from '../../core/errors';
import { errorLang, t, type Lang, type MessageKey } from '../../core/i18n';
import type { Transfer } from '../../core/transfers';

export interface OrderField {
  key: string;
  label: MessageKey;
  optional?: boolean;
  inputMode?: 'decimal' | 'numeric' | 'email' | 'text';
}

/**
 * A transfer form in three steps, the same for every kind: fill in, review (what will happen,
 * fees where known), confirm; then the result in words.
 */
export function OrderForm(props: {
  lang: Lang;
  testId: string;
  title: MessageKey;
  fields: OrderField[];
  review: (values: Record<string, string>) => string;
  submit: (values: Record<string, string>) => Promise<Transfer>;
  describe: (t: Transfer) => string;
  onDone: (t: Transfer) => void;
}) {
  const { lang } = props;
  const [values, setValues] = useState<Record<string, string>>({});
  const [reviewing, setReviewing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ tone: 'ok' | 'error'; text: string }>();
  const complete = props.fields.every((f) => f.optional || (values[f.key] ?? '').trim() !== '');

  async function confirm() {
    setBusy(true);
    setNotice(undefined);
    try {
      const done = await props.submit(values);
      props.onDone(done);
      setNotice({ tone: done.state === 'failed' ? 'error' : 'ok', text: props.describe(done) });
      setReviewing(false);
      setValues({});
    } catch (e) {
      setNotice({ tone: 'error', text: toCoinDockError(e).text(errorLang(lang)) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <details class="card" data-testid={props.testId}>
      <summary>
        <strong>{t(lang, props.title)}</strong>
      </summary>
      <form
        class="stack"
        onSubmit={(e) => {
          e.preventDefault();
          if (complete) setReviewing(true);
        }}
      >
        {props.fields.map((f) => (
          <label key={f.key}>
            {t(lang, f.label)}
            <input
              name={f.key}
              inputMode={f.inputMode ?? 'text'}
              value={values[f.key] ?? ''}
              disabled={reviewing}
              onInput={(e) => setValues({ ...values, [f.key]: e.currentTarget.value })}
            />
          </label>
        ))}
        {!reviewing ? (
          <button type="submit" disabled={!complete}>
            {t(lang, 'tx.review')}
          </button>
        ) : (
          <div class="stack">
            <p data-testid={`${props.testId}-review`}>{props.review(values)}</p>
            <div class="row">
              <button type="button" class="primary" disabled={busy} onClick={() => void confirm()}>
                {t(lang, 'tx.send')}
              </button>
              <button type="button" disabled={busy} onClick={() => setReviewing(false)}>
                {t(lang, 'tx.cancel')}
              </button>
            </div>
          </div>
        )}
        {notice && (
          <p class={notice.tone} role={notice.tone === 'error' ? 'alert' : 'status'}>
            {notice.text}
          </p>
        )}
      </form>
    </details>
  );
}
