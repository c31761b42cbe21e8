import { send } from '../../ext/messaging';
import { type Lang } from '../../core/i18n';
import { PLATFORM_NAMES } from '../../providers/capabilities';
import { tx } from './words';
import type { Accounts } from '../../core/accounts';
import type { Transfer } from '../../core/transfers';
import { isGowOrder } from '../../core/transfer-kinds';
import { FomoPayForm } from './fomo-pay-form';
import { OrderForm, type OrderField } from './order-form';

const GOW_DEPOSIT: OrderField[] = [
  { key: 'legalAmount', label: 'f.legalAmount', inputMode: 'decimal' },
  { key: 'firstName', label: 'f.firstName' },
  { key: 'middleName', label: 'f.middleName', optional: true },
  { key: 'lastName', label: 'f.lastName' },
  { key: 'birthDate', label: 'f.birthDate' },
  { key: 'countryCode', label: 'f.countryCode' },
];

const GOW_WITHDRAW: OrderField[] = [
  { key: 'currencyAmount', label: 'f.currencyAmount', inputMode: 'decimal' },
  { key: 'receiveName', label: 'f.receiveName' },
  { key: 'receiveFirstName', label: 'f.firstName' },
  { key: 'receiveMiddleName', label: 'f.middleName', optional: true },
  { key: 'receiveLastName', label: 'f.lastName' },
  { key: 'receiveBirthDate', label: 'f.birthDate' },
  { key: 'receiveCountry', label: 'f.countryCode' },
  { key: 'receiveAddr', label: 'f.receiveAddr' },
  { key: 'receiveAccount', label: 'f.receiveAccount', inputMode: 'numeric' },
  { key: 'receiveBankName', label: 'f.receiveBankName' },
  { key: 'receiveBankAddress', label: 'f.receiveBankAddress' },
  { key: 'bankCountryCode', label: 'f.bankCountryCode' },
  { key: 'bankProvince', label: 'f.bankProvince' },
  { key: 'bankCity', label: 'f.bankCity' },
  { key: 'branchName', label: 'f.branchName' },
  { key: 'bankSwiftCode', label: 'f.bankSwiftCode' },
];

/** The transfer forms for the platforms that are connected. */
export function TransferForms({
  lang,
  accounts,
  onDone,
}: {
  lang: Lang;
  accounts: Accounts;
  onDone: (t: Transfer) => void;
}) {
  const zh = lang === 'zh-CN' ? 'zh' : 'en';
  const status = (x: Transfer) => tx(lang, 'sent', { status: x.message?.[zh] ?? x.state });
  return (
    <>
      {accounts.fomo?.state === 'connected' && <FomoPayForm lang={lang} onStarted={onDone} />}
      {accounts.grandchain?.state === 'connected' && (
        <OrderForm
          lang={lang}
          testId="grandchain-send"
          title={tx(lang, 'gcSend', { platform: PLATFORM_NAMES.grandchain[lang] })}
          fields={[
            { key: 'to', label: 'gcTo', inputMode: 'email' },
            { key: 'amountYuan', label: 'gcAmount', inputMode: 'decimal' },
          ]}
          review={(v) =>
            tx(lang, 'gcReview', {
              amount: v.amountYuan ?? '',
              to: v.to ?? '',
              platform: PLATFORM_NAMES.grandchain[lang],
            })
          }
          submit={(v) =>
            send('transfers/grandchain-send', { to: v.to ?? '', amountYuan: v.amountYuan ?? '' })
          }
          describe={status}
          onDone={onDone}
        />
      )}
      {accounts.gow?.state === 'connected' && (
        <>
          <OrderForm
            lang={lang}
            testId="gow-deposit"
            title={tx(lang, 'gowDeposit')}
            fields={GOW_DEPOSIT}
            review={() => tx(lang, 'gowReview')}
            submit={(v) =>
              send('transfers/gow-deposit', {
                legalAmount: v.legalAmount ?? '',
                countryCode: v.countryCode ?? '',
                firstName: v.firstName ?? '',
                middleName: v.middleName ?? '',
                lastName: v.lastName ?? '',
                birthDate: v.birthDate ?? '',
              })
            }
            describe={(x) => {
              const g = isGowOrder(x) ? x.gow : undefined;
              const pay = tx(lang, 'payTo', {
                amount: x.amount,
                bank: g?.payTo?.bank ?? '',
                account: g?.payTo?.account ?? '',
                name: g?.payTo?.name ?? '',
                note: g?.noteCode ?? '',
              });
              return `${pay}. ${tx(lang, 'payLater')}`;
            }}
            onDone={onDone}
          />
          <OrderForm
            lang={lang}
            testId="gow-withdraw"
            title={tx(lang, 'gowWithdraw')}
            fields={GOW_WITHDRAW}
            review={() => tx(lang, 'gowReview')}
            submit={(v) => send('transfers/gow-withdraw', v)}
            describe={status}
            onDone={onDone}
          />
        </>
      )}
    </>
  );
}
