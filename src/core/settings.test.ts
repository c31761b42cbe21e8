import { describe, expect, it } from 'vitest';
import * as v from 'valibot';
import {
  SettingsPatchSchema,
  SettingsSchema,
  defaultSettings,
  mergeSettings,
  platformForReturnUrl,
  requiredOrigins,
  returnUrlMatchPatterns,
} from './settings';
import { pageOf, publicParams, secretParamNames } from './returns';

describe('settings', () => {
  it('defaults are valid', () => {
    expect(v.is(SettingsSchema, defaultSettings())).toBe(true);
  });

  it('merges a patch per platform without touching the others', () => {
    const s = mergeSettings(defaultSettings(), {
      platforms: { gow: { environment: 'sandbox' } },
      language: 'zh-CN',
    });
    expect(s.platforms.gow.environment).toBe('sandbox');
    expect(s.platforms.gow.returnUrls).toEqual([]);
    expect(s.platforms.fomo.environment).toBe('production');
    expect(s.language).toBe('zh-CN');
  });

  it('derives content-script match patterns and recognises return URLs by origin and path', () => {
    const s = mergeSettings(defaultSettings(), {
      platforms: {
        fomo: {
          returnUrls: [
            'https://shop.example/pay/return',
            'http://127.0.0.1:8787/merchant/fomo/return',
          ],
        },
        hicoin: { returnUrls: ['https://shop.example/oauth/hicoin'] },
      },
    });
    expect(returnUrlMatchPatterns(s)).toEqual([
      'http://127.0.0.1/merchant/fomo/return*',
      'https://shop.example/oauth/hicoin*',
      'https://shop.example/pay/return*',
    ]);
    expect(platformForReturnUrl(s, 'https://shop.example/pay/return?status=1')).toBe('fomo');
    expect(platformForReturnUrl(s, 'https://shop.example/oauth/hicoin?code=x')).toBe('hicoin');
    // Another port, scheme or path is not the configured URL.
    expect(platformForReturnUrl(s, 'http://127.0.0.1:9999/merchant/fomo/return')).toBeUndefined();
    expect(platformForReturnUrl(s, 'http://shop.example/pay/return')).toBeUndefined();
    expect(platformForReturnUrl(s, 'https://shop.example/pay/return/extra')).toBeUndefined();
    expect(platformForReturnUrl(s, 'not a url')).toBeUndefined();
  });

  it('a settings patch cannot change credential config (only the credentials messages can)', () => {
    const patch = v.parse(SettingsPatchSchema, {
      platforms: { fomo: { environment: 'test', config: { clientId: 'evil' } } },
    });
    const s = mergeSettings(defaultSettings(), patch);
    expect(s.platforms.fomo).toEqual({ environment: 'test', returnUrls: [], config: {} });
  });

  it('asks host permission for return URLs and custom base URLs only', () => {
    const s = mergeSettings(defaultSettings(), {
      platforms: {
        gow: { environment: 'custom', customBaseUrl: 'https://api.gow.example:8443/v1' },
        fomo: { returnUrls: ['https://shop.example/pay/return'] },
        hicoin: { customBaseUrl: 'https://ignored.example/' },
      },
    });
    expect(requiredOrigins(s)).toEqual([
      'https://api.gow.example/*',
      'https://shop.example/pay/return*',
    ]);
  });

  it('rejects non-http return URLs', () => {
    const bad = mergeSettings(defaultSettings(), {
      platforms: { fomo: { returnUrls: ['javascript:alert(1)'] } },
    });
    expect(v.is(SettingsSchema, bad)).toBe(false);
  });
});

describe('return records', () => {
  const url = 'https://shop.example/r?status=1&trade_id=T1&access_token=AT&code=C&biytoken=B#frag';
  it('keeps public parameters and drops secrets', () => {
    expect(publicParams(url)).toEqual({ status: '1', trade_id: 'T1' });
    expect(secretParamNames(url)).toEqual(['access_token', 'code', 'biytoken']);
    expect(pageOf(url)).toBe('https://shop.example/r');
  });

  it('bounds what a hostile URL can make it keep', () => {
    const many = new URL('https://shop.example/r');
    for (let i = 0; i < 100; i++) many.searchParams.set(`p${i}`, 'x'.repeat(5000));
    const kept = publicParams(many.toString());
    expect(Object.keys(kept)).toHaveLength(24);
    expect(Object.values(kept).every((s) => s.length === 256)).toBe(true);
  });
});
