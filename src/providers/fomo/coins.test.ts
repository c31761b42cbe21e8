import { describe, expect, it } from 'vitest';
import { FOMO_COINS, fomoCoinName, fomoCoinToken, tokenLabel } from './coins';

describe('FOMO coin table', () => {
  it('names the coins FOMO’s pay page names', () => {
    expect(fomoCoinName('1')).toBe('BTC');
    expect(fomoCoinName('2')).toBe('ETH');
    expect(fomoCoinName('3')).toBe('USDT');
    expect(Object.keys(FOMO_COINS)).toEqual(['1', '2', '3']);
  });

  it('gives no name to an id it does not know, nor to inherited property names', () => {
    expect(fomoCoinName('7')).toBeUndefined();
    expect(fomoCoinName('03')).toBeUndefined();
    expect(fomoCoinName('constructor')).toBeUndefined();
    expect(fomoCoinName('__proto__')).toBeUndefined();
  });

  it('stores the name, or "coin N" for an unnamed id', () => {
    expect(fomoCoinToken('3')).toBe('USDT');
    expect(fomoCoinToken('7')).toBe('coin 7');
  });

  it('shows tokens in the user’s language, old "coin N" records by name where one is known', () => {
    expect(tokenLabel('USDT', 'zh-CN')).toBe('USDT');
    expect(tokenLabel('PHP', 'en')).toBe('PHP');
    expect(tokenLabel('coin 3', 'en')).toBe('USDT');
    expect(tokenLabel('coin 7', 'en')).toBe('coin 7');
    expect(tokenLabel('coin 7', 'zh-CN')).toBe('币种 7');
    // Only the exact stored form is read as an id.
    expect(tokenLabel('coin 3x', 'en')).toBe('coin 3x');
  });
});
