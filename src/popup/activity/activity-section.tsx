/**
 * The popup's Activity: every source merged newest first, filtered by platform, token and text,
 * exported as CSV, with unread Grand Chain transfers to receive.
 *
 * Render from cache first (issue 5 §5): the list and the status come from what the worker has
 * stored (no network), and only then is a sync asked for; its result refreshes the rows in place
 * (stale-while-revalidate), never blanking what is shown. Every sync the worker stored, whoever
 * asked for it, refreshes the list, the status and the cards' figures (`followActivity`,
 * `ledgerSynced`).
 */
import { useEffect, useState } from 'preact/hooks';
import { send } from '../../ext/messaging';
import { toCoinDockError } from '../../core/errors';
import { PLATFORMS, type Platform } from '../../core/platform';
import { errorLang, t, type Lang } from '../../core/i18n';
import { PLATFORM_NAMES } from '../../providers/capabilities';
import type { ActivityFilter, ActivityOverview } from '../../core/activity';
import { VirtualList } from '../../ui/virtual-list';
import { ActivityRow } from './activity-row';
import { ledgerSynced, useInsights } from './net-flow';
import { followActivity } from './follow';
import { useActivityRows } from './use-activity-rows';
import { tokenLabel } from '../../providers/fomo/coins';
import './activity.css';

const ROW_HEIGHT = 46;
const LIST_HEIGHT = 322;
const SEARCH_DELAY_MS = 250;

function download(fileName: string, content: string): void {
  const url = URL.createObjectURL(new Blob([content], { type: 'text/csv;charset=utf-8' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

export function ActivitySection({ lang }: { lang: Lang }) {
  const [overview, setOverview] = useState<ActivityOverview>();
  const [version, setVersion] = useState(0);
  const [syncing, setSyncing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ text: string; error: boolean }>();
  const [platform, setPlatform] = useState<Platform | ''>('');
  const [token, setToken] = useState('');
  const [typed, setTyped] = useState('');
  const [query, setQuery] = useState('');

  useEffect(() => {
    const timer = setTimeout(() => setQuery(typed.trim()), SEARCH_DELAY_MS);
    return () => clearTimeout(timer);
  }, [typed]);

  const filter: ActivityFilter = {
    ...(platform ? { platform } : {}),
    ...(token ? { token } : {}),
    ...(query ? { query } : {}),
  };
  const rows = useActivityRows(filter, version);
  // Freshness and transfers to receive: shown once data is in, their code loaded after paint.
  const m = useInsights();
  const fail = (e: unknown) =>
    setNotice({ text: toCoinDockError(e).text(errorLang(lang)), error: true });

  async function refresh(force: boolean) {
    setSyncing(true);
    try {
      // The rows and the cards read again when the worker says it stored the sync (below).
      setOverview(await send('activity/sync', force ? { force } : {}));
    } catch (e) {
      fail(e);
    } finally {
      setSyncing(false);
    }
  }

  useEffect(() => {
    // Stored data first, then the sync behind it.
    void send('activity/status', {})
      .then(setOverview)
      .catch(fail)
      .finally(() => void refresh(false));
    // Then whatever the worker stores while the popup is open (a sync of any origin, a
    // transfer): the rows, the status and the charts read again.
    return followActivity(() => {
      setVersion((v) => v + 1);
      void send('activity/status', {}).then(setOverview, fail);
      ledgerSynced();
    });
  }, []);

  async function receive(orderId: string) {
    setBusy(true);
    setNotice(undefined);
    try {
      // Receiving syncs every source again: the worker's signal refreshes the rows.
      setOverview(await send('activity/receive', { orderId }));
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  async function exportCsv() {
    setBusy(true);
    setNotice(undefined);
    try {
      const file = await send('activity/csv', filter);
      download(file.fileName, file.content);
      setNotice({ text: t(lang, 'activity.exported', { file: file.fileName }), error: false });
    } catch (e) {
      fail(e);
    } finally {
      setBusy(false);
    }
  }

  const filtered = Boolean(platform || token || query);
  const total = rows.total;

  return (
    <section aria-labelledby="activity-h" class="stack" data-testid="activity">
      <div class="row">
        <h2 id="activity-h">{t(lang, 'activity.title')}</h2>
        <button type="button" disabled={syncing} onClick={() => void refresh(true)}>
          {syncing ? t(lang, 'activity.refreshing') : t(lang, 'activity.refresh')}
        </button>
      </div>
      {overview && m && (
        <m.SourceStatusList lang={lang} now={Date.now()} sources={overview.sources} />
      )}
      {notice && (
        <p class={notice.error ? 'error' : 'ok'} role={notice.error ? 'alert' : 'status'}>
          {notice.text}
        </p>
      )}
      {m && (
        <m.UnreadList
          lang={lang}
          items={overview?.unread ?? []}
          busy={busy}
          onReceive={(id) => void receive(id)}
        />
      )}
      <div class="act-filters">
        <label>
          {t(lang, 'activity.platform')}
          <select value={platform} onChange={(e) => setPlatform(e.currentTarget.value as Platform)}>
            <option value="">{t(lang, 'activity.all')}</option>
            {PLATFORMS.map((p) => (
              <option key={p} value={p}>
                {PLATFORM_NAMES[p][lang]}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t(lang, 'activity.token')}
          <select value={token} onChange={(e) => setToken(e.currentTarget.value)}>
            <option value="">{t(lang, 'activity.all')}</option>
            {(overview?.tokens ?? []).map((tk) => (
              <option key={tk} value={tk}>
                {tokenLabel(tk, lang)}
              </option>
            ))}
          </select>
        </label>
        <label class="act-search">
          {t(lang, 'activity.search')}
          <input type="search" value={typed} onInput={(e) => setTyped(e.currentTarget.value)} />
        </label>
      </div>
      <div class="row">
        <span class="muted" data-testid="activity-count" aria-live="polite">
          {total === undefined
            ? t(lang, 'activity.loading')
            : t(lang, 'activity.count', { n: total })}
        </span>
        <button type="button" disabled={busy || !total} onClick={() => void exportCsv()}>
          {t(lang, 'activity.export')}
        </button>
      </div>
      {rows.error && (
        <p class="error" role="alert">
          {rows.error.text(errorLang(lang))}
        </p>
      )}
      {total === 0 ? (
        <p class="muted" data-testid="activity-empty">
          {t(lang, filtered ? 'activity.noMatch' : 'activity.empty')}
        </p>
      ) : total !== undefined ? (
        <VirtualList
          total={total}
          rowHeight={ROW_HEIGHT}
          height={Math.min(LIST_HEIGHT, total * ROW_HEIGHT + 2)}
          label={t(lang, 'activity.list')}
          idPrefix="act"
          resetKey={JSON.stringify(filter)}
          dataKey={version}
          onWindow={(w) => rows.ensure(w.start, w.end)}
          renderRow={(i) => <ActivityRow item={rows.row(i)} lang={lang} />}
        />
      ) : null}
    </section>
  );
}
