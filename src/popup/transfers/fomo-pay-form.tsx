import { useState } from 'preact/hooks';
import { send } from '../../ext/messaging';
import type { Lang } from '../../core/i18n';
import {
  FOMO_COINS,
  FOMO_DEFAULT_COIN,
  fomoCoinToken,
  tokenLabel,
} from '../../providers/fomo/coins';
import { tx } from './words';
import { NoticeText, useAction } from '../../ui/use-action';
import { isDecimal } from '../../core/money';
import type { Transfer } from '../../core/transfers';

/** A labelled text box whose value is kept without surrounding spaces. */
function TrimmedField(props: {
  label: string;
  inputMode: 'decimal' | 'numeric';
  value: string;
  disabled: boolean;
  onValue: (value: string) => void;
}) {
  return (
    <label>
      {props.label}
      <input
        inputMode={props.inputMode}
        value={props.value}
        disabled={props.disabled}
        onInput={(e) => props.onValue(e.currentTarget.value.trim())}
      />
    </label>
  );
}

/** FOMO recharge / withdraw: fill in, review, confirm; the pay page opens in a tab. */
export function FomoPayForm({ lang, onStarted }: { lang: Lang; onStarted: (t: Transfer) => void }) {
  const [direction, setDirection] = useState<1 | 2>(1);
  // A coin FOMO's table names, or "other" with the id typed in (a coin added after the table).
  const [coinChoice, setCoinChoice] = useState(FOMO_DEFAULT_COIN);
  const [otherId, setOtherId] = useState('');
  const coinId = coinChoice === 'other' ? otherId : coinChoice;
  const [amount, setAmount] = useState('');
  const [reviewing, setReviewing] = useState(false);
  const { busy, notice, run } = useAction(lang);
  const valid =
    isDecimal(amount) &&
    /[1-9]/.test(amount) &&
    !amount.startsWith('-') &&
    /^\d{1,10}$/.test(coinId);

  const confirm = () =>
    run(async () => {
      onStarted(await send('transfers/fomo-pay', { direction, amount, coinId }));
      setReviewing(false);
      setAmount('');
      return tx(lang, 'opened');
    });

  return (
    <form
      class="card stack"
      data-testid="fomo-pay"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid) setReviewing(true);
      }}
    >
      <strong>{tx(lang, 'fomo')}</strong>
      <label>
        {tx(lang, 'direction')}
        <select
          value={String(direction)}
          disabled={reviewing}
          onChange={(e) => setDirection(e.currentTarget.value === '2' ? 2 : 1)}
        >
          <option value="1">{tx(lang, 'recharge')}</option>
          <option value="2">{tx(lang, 'withdraw')}</option>
        </select>
      </label>
      <div class="row">
        <label>
          {tx(lang, 'coin')}
          <select
            name="coin"
            value={coinChoice}
            disabled={reviewing}
            onChange={(e) => setCoinChoice(e.currentTarget.value)}
          >
            {Object.entries(FOMO_COINS).map(([id, name]) => (
              <option key={id} value={id}>
                {name}
              </option>
            ))}
            <option value="other">{tx(lang, 'coinOther')}</option>
          </select>
        </label>
        <TrimmedField
          label={tx(lang, 'amount')}
          inputMode="decimal"
          value={amount}
          disabled={reviewing}
          onValue={setAmount}
        />
      </div>
      {coinChoice === 'other' && (
        <TrimmedField
          label={tx(lang, 'coinId')}
          inputMode="numeric"
          value={otherId}
          disabled={reviewing}
          onValue={setOtherId}
        />
      )}
      {!reviewing ? (
        <button type="submit" disabled={!valid}>
          {tx(lang, 'review')}
        </button>
      ) : (
        <div class="stack" role="group" aria-label={tx(lang, 'review')}>
          <p data-testid="fomo-pay-summary">
            {tx(lang, 'confirmFomo', {
              direction: tx(lang, direction === 1 ? 'recharge' : 'withdraw'),
              amount,
              coin: tokenLabel(fomoCoinToken(coinId), lang),
            })}
          </p>
          <div class="row">
            <button type="button" class="primary" disabled={busy} onClick={() => void confirm()}>
              {tx(lang, 'confirm')}
            </button>
            <button type="button" disabled={busy} onClick={() => setReviewing(false)}>
              {tx(lang, 'cancel')}
            </button>
          </div>
        </div>
      )}
      <NoticeText notice={notice} />
    </form>
  );
}
