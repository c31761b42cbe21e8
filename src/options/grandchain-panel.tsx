import { useEffect, useState } from 'preact/hooks';
import { send } from '../ext/messaging';
import { t, type Lang } from '../core/i18n';
import { PLATFORM_NAMES } from '../providers/capabilities';
import { NoticeText, useAction } from '../ui/use-action';
import type { Account } from '../core/accounts';

type Mode = 'signin' | 'register' | 'verify';

/** Grand Chain signs in with email and password (never stored) and registers by emailed code. */
export function GrandchainPanel({ lang }: { lang: Lang }) {
  const [account, setAccount] = useState<Account>();
  const [mode, setMode] = useState<Mode>('signin');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [nickName, setNickName] = useState('');
  const [code, setCode] = useState('');
  const [face, setFace] = useState('');
  const { busy, notice, run } = useAction(lang);

  useEffect(() => {
    void send('accounts/list', {}).then((v) => setAccount(v.accounts.grandchain));
  }, []);

  const act = (work: () => Promise<string | undefined>) =>
    run(async () => {
      try {
        return await work();
      } finally {
        // The password is used for one call and dropped from the page as well.
        setPassword('');
      }
    });

  const field = (
    label: string,
    value: string,
    set: (s: string) => void,
    type: 'text' | 'email' | 'password' = 'text',
    autocomplete = 'off',
    hint?: string,
    common = { value, autocomplete },
  ) => (
    <label>
      {label}
      {type === 'password' ? (
        <input type="password" {...common} onInput={(e) => set(e.currentTarget.value)} />
      ) : type === 'email' ? (
        <input type="email" {...common} onInput={(e) => set(e.currentTarget.value)} />
      ) : (
        <input type="text" {...common} onInput={(e) => set(e.currentTarget.value)} />
      )}
      {hint && <span class="muted">{hint}</span>}
    </label>
  );
  const status = <NoticeText notice={notice} />;

  if (account) {
    return (
      <div class="stack" data-testid="grandchain">
        <p class="ok">
          {t(lang, 'gc.signedIn', {
            // The label is the nickname, or the email when there is none: say the email once.
            who:
              account.details.email && account.details.email !== account.label
                ? `${account.label} (${account.details.email})`
                : account.label,
          })}
        </p>
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void act(async () => {
              const v = await send('grandchain/face-token', { faceToken: face });
              setAccount(v.accounts.grandchain);
              setFace('');
              return t(lang, 'gc.faceSaved');
            });
          }}
        >
          {field(t(lang, 'gc.faceToken'), face, setFace, 'password', 'off', t(lang, 'gc.faceHint'))}
          <div class="row">
            <button type="submit" disabled={busy || !face}>
              {t(lang, 'gc.saveFace')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                confirm(
                  t(lang, 'options.disconnectConfirm', { name: PLATFORM_NAMES.grandchain[lang] }),
                ) &&
                void act(async () => {
                  const v = await send('accounts/disconnect', { platform: 'grandchain' });
                  setAccount(v.accounts.grandchain);
                  setMode('signin');
                  return undefined;
                })
              }
            >
              {t(lang, 'gc.signOut')}
            </button>
            {status}
          </div>
        </form>
      </div>
    );
  }

  return (
    <div class="stack" data-testid="grandchain">
      <div class="row" role="tablist">
        <button
          type="button"
          role="tab"
          aria-selected={mode === 'signin'}
          onClick={() => setMode('signin')}
        >
          {t(lang, 'gc.signIn')}
        </button>
        <button
          type="button"
          role="tab"
          aria-selected={mode !== 'signin'}
          onClick={() => setMode('register')}
        >
          {t(lang, 'gc.register')}
        </button>
      </div>
      {mode === 'signin' && (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void act(async () => {
              const v = await send('grandchain/login', { email, password });
              setAccount(v.accounts.grandchain);
              return undefined;
            });
          }}
        >
          {field(t(lang, 'gc.email'), email, setEmail, 'email', 'username')}
          {field(
            t(lang, 'gc.password'),
            password,
            setPassword,
            'password',
            'current-password',
            t(lang, 'gc.passwordHint'),
          )}
          <div class="row">
            <button class="primary" type="submit" disabled={busy}>
              {t(lang, 'gc.signIn')}
            </button>
            {status}
          </div>
        </form>
      )}
      {mode === 'register' && (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void act(async () => {
              await send('grandchain/register', { email, password, nickName });
              setMode('verify');
              return t(lang, 'gc.codeSent', { email });
            });
          }}
        >
          {field(t(lang, 'gc.email'), email, setEmail, 'email', 'username')}
          {field(t(lang, 'gc.nickName'), nickName, setNickName)}
          {field(
            t(lang, 'gc.password'),
            password,
            setPassword,
            'password',
            'new-password',
            t(lang, 'gc.passwordHint'),
          )}
          <div class="row">
            <button class="primary" type="submit" disabled={busy}>
              {t(lang, 'gc.sendCode')}
            </button>
            {status}
          </div>
        </form>
      )}
      {mode === 'verify' && (
        <form
          class="stack"
          onSubmit={(e) => {
            e.preventDefault();
            void act(async () => {
              const v = await send('grandchain/verify', { email, code, nickName });
              setAccount(v.accounts.grandchain);
              return undefined;
            });
          }}
        >
          {field(t(lang, 'gc.code'), code, setCode, 'text', 'one-time-code')}
          <div class="row">
            <button class="primary" type="submit" disabled={busy}>
              {t(lang, 'gc.verify')}
            </button>
            <button
              type="button"
              disabled={busy}
              onClick={() =>
                void act(async () => {
                  await send('grandchain/resend', { email });
                  return t(lang, 'gc.resent');
                })
              }
            >
              {t(lang, 'gc.resend')}
            </button>
            {status}
          </div>
        </form>
      )}
    </div>
  );
}
