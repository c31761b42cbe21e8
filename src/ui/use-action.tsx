/**
 * The pattern every form of the pages shares: run one action at a time, show its outcome in
 * words (the ok text it returns, or the error's message in the user's language).
 */
import { useState } from 'preact/hooks';
import { toCoinDockError } from '../core/errors';
import { errorLang, type Lang } from '../core/i18n';

export type Notice = { tone: 'ok' | 'error'; text: string } | undefined;

export function useAction(lang: Lang) {
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>();
  const showError = (e: unknown) =>
    setNotice({ tone: 'error', text: toCoinDockError(e).text(errorLang(lang)) });
  /** Run `work`; its string result, if any, is shown as the ok notice. */
  async function run(work: () => Promise<string | undefined | void>): Promise<void> {
    setBusy(true);
    setNotice(undefined);
    try {
      const ok = await work();
      if (ok) setNotice({ tone: 'ok', text: ok });
    } catch (e) {
      showError(e);
    } finally {
      setBusy(false);
    }
  }
  return { busy, notice, setNotice, showError, run };
}

/** The outcome line: a live status, or an alert for errors. */
export function NoticeText({ notice }: { notice: Notice }) {
  if (!notice) return null;
  return (
    <span class={notice.tone} role={notice.tone === 'error' ? 'alert' : 'status'}>
      {notice.text}
    </span>
  );
}
