import { afterEach, describe, expect, it, vi } from 'vitest';
import { createStore, memoryArea } from '../../core/store';
import { KEYS } from '../../core/storage-keys';
import { defaultSettings } from '../../core/settings';
import type { Transfer } from '../../core/transfers';
import { createTransferStore } from './transfer-store';
import { createNotifier } from './notify';

afterEach(() => vi.unstubAllGlobals());

/** chrome.notifications / action / runtime as far as the notifier uses them, recording. */
function stubChrome() {
  const shown: { id: string; title: string; message: string }[] = [];
  vi.stubGlobal('chrome', {
    notifications: {
      create: (id: string, o: { title: string; message: string }) => {
        shown.push({ id, title: o.title, message: o.message });
        return Promise.resolve(id);
      },
    },
    action: {
      setBadgeText: () => Promise.resolve(),
      setBadgeBackgroundColor: () => Promise.resolve(),
    },
    runtime: { getURL: (p: string) => `chrome-extension://x/${p}` },
  });
  return shown;
}

const recharge: Transfer = {
  id: 'T1',
  platform: 'fomo',
  kind: 'fomo_recharge',
  state: 'succeeded',
  amount: '12.5',
  token: 'coin 3',
  createdAt: 1,
  updatedAt: 1,
  statusCode: '1',
  message: { en: 'Success', zh: '成功' },
  details: { coinId: '3', state: 'st', step: 'returned', returnCheck: 'returned_paid' },
};

describe('transfer notifications', () => {
  for (const [language, expected] of [
    ['en', 'FOMO recharge · 12.5 USDT · Success'],
    ['zh-CN', 'FOMO 充值 · 12.5 USDT · 成功'],
  ] as const) {
    it(`say what finished, with the coin by name, once (${language})`, async () => {
      const shown = stubChrome();
      const store = createStore({ local: memoryArea(), session: memoryArea(), idb: memoryArea() });
      await store.set(KEYS.settings, { ...defaultSettings(), language });
      const transfers = createTransferStore(store);
      await transfers.insert(recharge);
      const notifier = createNotifier({ store, transfers, uiLanguage: () => 'en-US' });
      await notifier.finished('T1');
      await notifier.finished('T1');
      expect(shown).toEqual([
        {
          id: 'transfer:T1',
          title: language === 'en' ? 'Transfer completed' : '转账完成',
          message: expected,
        },
      ]);
    });
  }
});
