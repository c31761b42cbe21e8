import { describe, expect, it } from 'vitest';
import type { CoinDockError } from './errors';
import {
  ERROR_CODES,
  errorFromJSON,
  errors,
  isSerializedError,
  redactUrl,
  toCoinDockError,
} from './errors';
import { resolveLanguage, t, timeAgo } from './i18n';

describe('errors', () => {
  it('every code has a factory with bilingual default messages', () => {
    for (const code of ERROR_CODES) {
      const e = errors[code]();
      expect(e.code).toBe(code);
      expect(e.text('en')).not.toBe('');
      expect(e.text('zh')).not.toBe('');
      expect(e.text('zh')).not.toBe(e.text('en'));
    }
  });

  it('survives a JSON round trip with all details', () => {
    const e = errors.timestamp_skew(undefined, {
      platform: 'biyong',
      endpoint: '/biyong-user/info',
      platformCode: '100400',
      status: 200,
    });
    const back = errorFromJSON(
      JSON.parse(JSON.stringify(e)) as ReturnType<CoinDockError['toJSON']>,
    );
    expect(back.toJSON()).toEqual(e.toJSON());
    expect(back.message).toContain('biyong /biyong-user/info');
    expect(back.message).toContain('[100400]');
  });

  it('recognises only well-formed serialised errors', () => {
    expect(isSerializedError(errors.network().toJSON())).toBe(true);
    expect(isSerializedError({ __coindockError: 1, code: 'made_up' })).toBe(false);
    expect(isSerializedError({ code: 'network' })).toBe(false);
  });

  it('wraps unknown throwables as internal without their text', () => {
    const e = toCoinDockError(new Error('token=abc123'));
    expect(e.code).toBe('internal');
    expect(e.message).not.toContain('abc123');
  });

  it('redacts secret query parameters from URLs', () => {
    const r = redactUrl('https://x.example/p?access_token=AT&trade_id=T&sign=S&code=C#x');
    expect(r).toBe('https://x.example/p?access_token=***&trade_id=T&sign=***&code=***');
    expect(redactUrl('::')).toBe('(invalid URL)');
  });
});

describe('i18n', () => {
  it('follows the browser unless the user chose', () => {
    expect(resolveLanguage('auto', 'zh-TW')).toBe('zh-CN');
    expect(resolveLanguage('auto', 'de-DE')).toBe('en');
    expect(resolveLanguage('en', 'zh-CN')).toBe('en');
  });
  it('fills placeholders and says how long ago', () => {
    expect(t('en', 'portfolio.environment', { env: 'Sandbox' })).toBe('Environment: Sandbox');
    const now = 10_000_000;
    expect(timeAgo('en', now - 10_000, now)).toBe('just now');
    expect(timeAgo('en', now - 120_000, now)).toBe('2 min ago');
    expect(timeAgo('zh-CN', now - 3 * 3600_000, now)).toBe('3 小时前');
  });
});
