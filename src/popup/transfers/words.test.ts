import { describe, expect, it } from 'vitest';
import { TX_WORDS, tx } from './words';
import { percent } from './transfer-detail';
import { TRANSFER_KIND_NAMES } from '../../core/transfer-kinds';
import { TRANSFER_KINDS } from '../../core/transfers';

describe('transfers UI strings', () => {
  it('have the same keys and placeholders in both languages', () => {
    const en = TX_WORDS.en;
    const zh = TX_WORDS['zh-CN'];
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zh[key]), key).toEqual(placeholders(en[key]));
      expect(zh[key].trim(), key).not.toBe('');
    }
  });

  it('say Grand Chain as 大链 in Chinese (the name comes from the platform names)', () => {
    expect(tx('zh-CN', 'gcSend', { platform: '大链' })).toBe('大链：转账');
    expect(TX_WORDS['zh-CN'].gcReview).not.toContain('Grand Chain');
  });

  it('name every transfer kind in both languages', () => {
    for (const kind of TRANSFER_KINDS) {
      expect(TRANSFER_KIND_NAMES[kind].en).toMatch(/^[A-Z]/);
      expect(TRANSFER_KIND_NAMES[kind].zh).toMatch(/[\u4e00-\u9fff]/);
    }
    expect(TRANSFER_KIND_NAMES.gow_deposit.zh).toBe('GOW 入金');
    expect(TRANSFER_KIND_NAMES.fomo_recharge.zh).toBe('FOMO 充值');
  });
});

describe('channel fee rate as a percentage', () => {
  it('moves the point two places, exactly', () => {
    expect(percent('0.0050')).toBe('0.50');
    expect(percent('0.5')).toBe('50');
    expect(percent('1')).toBe('100');
    expect(percent('0.125')).toBe('12.5');
    expect(percent('0.00001')).toBe('0.001');
  });
});
