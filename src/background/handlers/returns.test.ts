import { describe, expect, it } from 'vitest';
import { createStore, memoryArea } from '../../core/store';
import { KEYS } from '../../core/storage-keys';
import { defaultSettings, mergeSettings } from '../../core/settings';
import { hasCode } from '../../core/errors';
import type { HandlerContext } from '../../core/message-protocol';
import { returnHandlers } from './returns';

const RETURN = 'https://shop.example/pay/return';

async function setup() {
  const store = createStore({ local: memoryArea(), session: memoryArea(), idb: memoryArea() });
  await store.set(
    KEYS.settings,
    mergeSettings(defaultSettings(), { platforms: { fomo: { returnUrls: [RETURN] } } }),
  );
  return { store, h: returnHandlers({ store }) };
}
const contentAt = (url: string): HandlerContext => ({
  kind: 'content',
  sender: { id: 'x', url, tab: { id: 7 }, frameId: 0 },
});

describe('returns/report', () => {
  it('records a configured return without its secrets', async () => {
    const { store, h } = await setup();
    const url = `${RETURN}?status=1&trade_id=T1&access_token=AT-secret`;
    const verdict = await h['returns/report']({ url }, contentAt(url));
    expect(verdict).toMatchObject({ recognised: true, platform: 'fomo', lang: 'en' });
    const [rec] = await store.get(KEYS.returns);
    expect(rec).toMatchObject({
      platform: 'fomo',
      params: { status: '1', trade_id: 'T1' },
      had: ['access_token'],
      tabId: 7,
    });
    expect(JSON.stringify(await store.get(KEYS.returns))).not.toContain('AT-secret');
  });

  it('refuses a report about a URL other than the sender’s own page', async () => {
    const { store, h } = await setup();
    const err = await h['returns/report'](
      { url: `${RETURN}?status=1` },
      contentAt('https://evil.example/'),
    ).catch((e: unknown) => e);
    expect(hasCode(err, 'forbidden_sender')).toBe(true);
    expect(await store.get(KEYS.returns)).toEqual([]);
  });

  it('does not record pages that are not configured', async () => {
    const { store, h } = await setup();
    const url = 'https://shop.example/other?status=1';
    expect(await h['returns/report']({ url }, contentAt(url))).toEqual({
      recognised: false,
      lang: 'en',
    });
    expect(await store.get(KEYS.returns)).toEqual([]);
  });

  it('keeps a bounded history, newest first', async () => {
    const { store, h } = await setup();
    for (let i = 0; i < 205; i++) {
      const url = `${RETURN}?trade_id=T${i}`;
      await h['returns/report']({ url }, contentAt(url));
    }
    const list = await store.get(KEYS.returns);
    expect(list).toHaveLength(200);
    expect(list[0]?.params.trade_id).toBe('T204');
  });
});
