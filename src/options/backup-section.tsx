import { useState } from 'preact/hooks';
import { send } from '../ext/messaging';
import { errors } from '../core/errors';
import { t, type Lang } from '../core/i18n';
import { NoticeText, useAction } from '../ui/use-action';
import type { Settings } from '../core/settings';

/** Export settings + secrets to an encrypted file; import one. */
export function BackupSection({
  lang,
  onImported,
}: {
  lang: Lang;
  onImported: (s: Settings) => void;
}) {
  const [passphrase, setPassphrase] = useState('');
  const [file, setFile] = useState<File>();
  const { busy, notice, run } = useAction(lang);

  const act = (work: () => Promise<string>) =>
    run(async () => {
      const ok = await work();
      setPassphrase('');
      return ok;
    });

  const exportFile = () =>
    act(async () => {
      const { fileName, content } = await send('settings/export', { passphrase });
      const url = URL.createObjectURL(new Blob([content], { type: 'application/json' }));
      const a = document.createElement('a');
      a.href = url;
      a.download = fileName;
      a.click();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      return t(lang, 'backup.exported', { file: fileName });
    });

  const importFile = () =>
    act(async () => {
      if (!file) throw errors.invalid_input(t(lang, 'backup.chooseFile'));
      const settings = await send('settings/import', { passphrase, content: await file.text() });
      onImported(settings);
      return t(lang, 'backup.imported');
    });

  return (
    <section class="stack section" aria-labelledby="backup-h" data-testid="backup">
      <h2 id="backup-h">{t(lang, 'backup.title')}</h2>
      <p class="muted">{t(lang, 'backup.explain')}</p>
      <label>
        {t(lang, 'backup.passphrase')}
        <input
          type="password"
          autocomplete="off"
          value={passphrase}
          onInput={(e) => setPassphrase(e.currentTarget.value)}
        />
      </label>
      <label>
        {t(lang, 'backup.file')}
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => setFile(e.currentTarget.files?.[0])}
        />
      </label>
      <div class="row">
        <button type="button" disabled={busy} onClick={() => void exportFile()}>
          {t(lang, 'backup.export')}
        </button>
        <button type="button" disabled={busy} onClick={() => void importFile()}>
          {t(lang, 'backup.import')}
        </button>
        <NoticeText notice={notice} />
      </div>
    </section>
  );
}
