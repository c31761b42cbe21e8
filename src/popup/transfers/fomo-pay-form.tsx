import { useState } from 'preact/hooks';
import { send } from '../../ext/messaging';
import { t, type Lang } from '../../core/i18n';
import { NoticeText, useAction } from '../../ui/use-action';
import { isDecimal } from '../../core/money';
import type { Transfer } from '../../core/transfers';

/** FOMO recharge / withdraw: fill in, review, confirm; the pay page opens in a tab. */
export function FomoPayForm({ lang, onStarted }: { lang: Lang; onStarted: (t: Transfer) => void }) {
  const [direction, setDirection] = useState<1 | 2>(1);
  const [coinId, setCoinId] = useState('3');
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
      return t(lang, 'tx.opened');
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
      <strong>{t(lang, 'tx.fomo')}</strong>
      <label>
        {t(lang, 'tx.direction')}
        <select
          value={String(direction)}
          disabled={reviewing}
          onChange={(e) => setDirection(e.currentTarget.value === '2' ? 2 : 1)}
        >
          <option value="1">{t(lang, 'tx.recharge')}</option>
          <option value="2">{t(lang, 'tx.withdraw')}</option>
        </select>
      </label>
      <div class="row">
        <label>
          {t(lang, 'tx.coin')}
          <input
            inputMode="numeric"
            value={coinId}
            disabled={reviewing}
            onInput={(e) => setCoinId(e.currentTarget.value.trim())}
          />
        </label>
        <label>
          {t(lang, 'tx.amount')}
          <input
            inputMode="decimal"
            value={amount}
            disabled={reviewing}
            onInput={(e) => setAmount(e.currentTarget.value.trim())}
          />
        </label>
      </div>
      {!reviewing ? (
        <button type="submit" disabled={!valid}>
          {t(lang, 'tx.review')}
        </button>
      ) : (
        <div class="stack" role="group" aria-label={t(lang, 'tx.review')}>
          <p data-testid="fomo-pay-summary">
            {t(lang, 'tx.confirmFomo', {
              direction: t(lang, direction === 1 ? 'tx.recharge' : 'tx.withdraw'),
              amount,
              coin: coinId,
            })}
          </p>
          <div class="row">
            <button type="button" class="primary" disabled={busy} onClick={() => void confirm()}>
              {t(lang, 'tx.confirm')}
            </button>
            <button type="button" disabled={busy} onClick={() => setReviewing(false)}>
              {t(lang, 'tx.cancel')}
            </button>
          </div>
        </div>
      )}
      <NoticeText notice={notice} />
    </form>
  );
}
