/**
 * Telling the user a transfer finished: one notification and the toolbar badge, exactly once
 * per transfer (the `notifiedAt` mark is set atomically before anything is shown, so two events
 * reporting the same return cannot both notify).
 */
import type { Transfer } from '../../core/transfers';
import type { TransferStore } from './transfer-store';
import { KEYS } from '../../core/storage-keys';
import type { Store } from '../../core/store';
import { resolveLanguage } from '../../core/i18n';
import { TRANSFER_KIND_NAMES } from '../../core/transfer-kinds';
import { tokenLabel } from '../../providers/fomo/coins';

const TITLES = {
  succeeded: { en: 'Transfer completed', zh: '转账完成' },
  failed: { en: 'Transfer failed', zh: '转账失败' },
} as const;

export function createNotifier(deps: {
  store: Store;
  transfers: TransferStore;
  uiLanguage: () => string;
}) {
  async function updateBadge(): Promise<void> {
    const unseen = (await deps.transfers.all()).filter(
      (t) => t.notifiedAt && !t.details.seen,
    ).length;
    await chrome.action.setBadgeText({ text: unseen ? String(unseen) : '' });
    if (unseen) await chrome.action.setBadgeBackgroundColor({ color: '#1849a9' });
  }

  return {
    updateBadge,
    /** Notify once for a transfer that reached a final state. */
    async finished(id: string): Promise<void> {
      let first = false;
      const t = await deps.transfers.change(id, (cur) => {
        if (cur.state === 'pending' || cur.notifiedAt) return undefined;
        first = true;
        return { ...cur, notifiedAt: Date.now() };
      });
      if (!first || !t) return;
      const lang = resolveLanguage(
        (await deps.store.get(KEYS.settings)).language,
        deps.uiLanguage(),
      );
      const zh = lang === 'zh-CN' ? 'zh' : 'en';
      const title = TITLES[t.state as 'succeeded' | 'failed'][zh];
      await chrome.notifications.create(`transfer:${t.id}`, {
        type: 'basic',
        iconUrl: chrome.runtime.getURL('icons/icon-128.png'),
        title,
        // What it was, in words, and the coin by name ("FOMO recharge · 12.5 USDT · …").
        message: [
          TRANSFER_KIND_NAMES[t.kind][zh],
          `${t.amount} ${tokenLabel(t.token, lang)}`,
          t.message?.[zh],
        ]
          .filter(Boolean)
          .join(' · '),
        priority: 1,
      });
      await updateBadge();
    },
    /** The popup was opened: the finished transfers have been seen. */
    async seen(): Promise<void> {
      for (const t of await deps.transfers.all()) {
        if (t.notifiedAt && !t.details.seen) {
          await deps.transfers.change(t.id, markSeen);
        }
      }
      await updateBadge();
    },
  };
}

export type Notifier = ReturnType<typeof createNotifier>;

/** The same transfer, its details marked seen (the kind, and so the details' shape, kept). */
function markSeen<T extends Transfer>(t: T): T {
  return { ...t, details: { ...t.details, seen: 'yes' } };
}

export function isFinal(t: Transfer): boolean {
  return t.state !== 'pending';
}
