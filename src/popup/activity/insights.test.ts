import { describe, expect, it } from 'vitest';
import type { NetFlowView } from '../../core/activity';
import { timeAgo } from '../../core/i18n';
import { formatNet, netFlowSpan, splitNetFlow } from './insights';

const row = (token: string, count: number, net = '1') => ({ token, net, count });

describe('splitNetFlow', () => {
  it('puts the most active tokens first, ties by name, and hides the rest', () => {
    const rows = [row('USDT', 5), row('ACT', 40), row('BTC', 40), row('EOS', 2), row('ETH', 9)];
    const { top, more } = splitNetFlow(rows);
    expect(top.map((r) => r.token)).toEqual(['ACT', 'BTC', 'ETH']);
    expect(more.map((r) => r.token)).toEqual(['USDT', 'EOS']);
    // The input is left as it was.
    expect(rows.map((r) => r.token)).toEqual(['USDT', 'ACT', 'BTC', 'EOS', 'ETH']);
  });

  it('shows a single leftover instead of "1 more"', () => {
    const rows = [row('A', 1), row('B', 2), row('C', 3), row('D', 4)];
    expect(splitNetFlow(rows)).toEqual({ top: [...rows].reverse(), more: [] });
    expect(splitNetFlow(rows.slice(0, 2)).more).toEqual([]);
    expect(splitNetFlow(rows, 2).more.map((r) => r.token)).toEqual(['B', 'A']);
  });
});

describe('formatNet', () => {
  it('signs, normalises and groups exactly', () => {
    expect(formatNet('1234.50', 'en')).toBe('+1,234.5');
    expect(formatNet('-0.05000000', 'en')).toBe('-0.05');
    expect(formatNet('-1234567.0001', 'zh-CN')).toBe('-1,234,567.0001');
    // Beyond a double's precision: every digit kept.
    expect(formatNet('123456789012345678.123456789', 'en')).toBe(
      '+123,456,789,012,345,678.123456789',
    );
  });

  it('writes a zero sum without a sign', () => {
    expect(formatNet('0', 'en')).toBe('0');
    expect(formatNet('0.0000', 'en')).toBe('0');
    expect(formatNet('-0.00', 'zh-CN')).toBe('0');
  });
});

describe('netFlowSpan', () => {
  const NOW = Date.UTC(2026, 0, 10, 12);
  const view: NetFlowView = {
    rows: [row('BTC', 1200), row('ETH', 34)],
    lastSyncedAt: NOW - 3 * 60_000,
    oldestTime: Date.UTC(2019, 0, 1, 3),
    newestTime: Date.UTC(2025, 11, 31, 23, 30),
    partial: false,
  };
  const day = (lang: string, ms: number, timeZone: string) =>
    new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeZone }).format(ms);

  it('counts every record, names the first and last dates, and how fresh', () => {
    const text = netFlowSpan(view, 'en', NOW, 'UTC');
    expect(text.startsWith('1,234 records, ')).toBe(true);
    expect(text).toContain(day('en', view.oldestTime!, 'UTC'));
    expect(text).toContain(day('en', view.newestTime!, 'UTC'));
    expect(text.endsWith(` · synced ${timeAgo('en', view.lastSyncedAt!, NOW)}`)).toBe(true);
  });

  it('dates records in the given time zone', () => {
    // 23:30 UTC on 31 December is already 1 January in Shanghai.
    const text = netFlowSpan(view, 'zh-CN', NOW, 'Asia/Shanghai');
    expect(text).toContain('2026');
    expect(netFlowSpan(view, 'zh-CN', NOW, 'UTC')).not.toContain('2026');
    expect(text.startsWith('1,234 条记录，')).toBe(true);
    expect(text.endsWith(`· ${timeAgo('zh-CN', view.lastSyncedAt!, NOW)}同步`)).toBe(true);
  });

  it('says when a sync stopped part-way instead of how fresh', () => {
    const text = netFlowSpan({ ...view, partial: true }, 'en', NOW, 'UTC');
    expect(text.endsWith(' · sync not finished')).toBe(true);
    expect(text).not.toContain('synced');
  });

  it('has no dates when none are known, and no freshness before a first finished sync', () => {
    expect(
      netFlowSpan({ ...view, oldestTime: null, newestTime: null, lastSyncedAt: null }, 'en', NOW),
    ).toBe('');
    expect(netFlowSpan({ ...view, lastSyncedAt: null }, 'en', NOW, 'UTC')).not.toContain('·');
  });
});
