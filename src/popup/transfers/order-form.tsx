import { useState } from 'preact/hooks';
import type { Lang } from '../../core/i18n';
import { tx, type TxKey } from './words';
import { NoticeText, useAction } from '../../ui/use-action';
import type { Transfer } from '../../core/transfers';

export interface OrderField {
  key: string;
  label: TxKey;
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
  /** In the user's language already (it may name a platform). */
  title: string;
  fields: OrderField[];
  review: (values: Record<string, string>) => string;
  submit: (values: Record<string, string>) => Promise<Transfer>;
  describe: (t: Transfer) => string;
  onDone: (t: Transfer) => void;
}) {
  const { lang } = props;
  const [values, setValues] = useState<Record<string, string>>({});
  const [reviewing, setReviewing] = useState(false);
  const { busy, notice, setNotice, run } = useAction(lang);
  const complete = props.fields.every((f) => f.optional || (values[f.key] ?? '').trim() !== '');

  const confirm = () =>
    run(async () => {
      const done = await props.submit(values);
      props.onDone(done);
      // A transfer the platform refused is an answer, not an exception: said as an error.
      setNotice({ tone: done.state === 'failed' ? 'error' : 'ok', text: props.describe(done) });
      setReviewing(false);
      setValues({});
    });

  return (
    <details class="card" data-testid={props.testId}>
      <summary>
        <strong>{props.title}</strong>
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
            {tx(lang, f.label)}
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
            {tx(lang, 'review')}
          </button>
        ) : (
          <div class="stack">
            <p data-testid={`${props.testId}-review`}>{props.review(values)}</p>
            <div class="row">
              <button type="button" class="primary" disabled={busy} onClick={() => void confirm()}>
                {tx(lang, 'send')}
              </button>
              <button type="button" disabled={busy} onClick={() => setReviewing(false)}>
                {tx(lang, 'cancel')}
              </button>
            </div>
          </div>
        )}
        <NoticeText notice={notice} />
      </form>
    </details>
  );
}
