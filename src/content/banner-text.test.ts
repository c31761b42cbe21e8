import { describe, expect, it } from 'vitest';
import { bannerView, outcomeLine, shown } from './banner-text';
import { decodeReturn } from '../providers/returns';
import { FOMO_ERROR_CODES } from '../providers/fomo/error-table';
import { PLATFORM_NAMES } from '../providers/capabilities';
import type { ReturnVerdict } from '../core/messages';

const SHOP = 'https://shop.example/merchant/fomo/return';
const matched = (lang: ReturnVerdict['lang']): ReturnVerdict => ({
  recognised: true,
  platform: 'fomo',
  match: { kind: 'transfer', id: 'tr-1' },
  lang,
});
const unmatched = (lang: ReturnVerdict['lang']): ReturnVerdict => ({
  recognised: true,
  platform: 'fomo',
  lang,
});

describe('banner text', () => {
  it('shows the status code and its words in the verdict’s language', () => {
    const d = decodeReturn(`${SHOP}?status=7&trade_id=T1&amount=12.5&coin_id=3`, 'fomo');
    const en = bannerView(d, matched('en'), undefined, 'en');
    expect(en.lines[0]).toBe(`7 — ${FOMO_ERROR_CODES['7']!.en}`);
    const zh = bannerView(d, matched('zh-CN'), undefined, 'zh-CN');
    expect(zh.lines[0]).toBe(`7 — ${FOMO_ERROR_CODES['7']!.zh}`);
    expect(en.title).toBe(`CoinDock · ${PLATFORM_NAMES.fomo.en}`);
    // Coin 3 is named in FOMO's coin table: by name in both languages.
    expect(en.lines).toContain('Amount: 12.5 USDT');
    expect(zh.lines).toContain('金额：12.5 USDT');
    expect(en.tone).toBe('error');
    expect(en.action.section).toBe('activity');
    expect(en.lines.join('\n')).not.toMatch(/Unrecognised/);
  });

  it('says "invalid amount" rather than showing an amount that is not a decimal', () => {
    const d = decodeReturn(`${SHOP}?status=1&amount=1e9&coin_id=3`, 'fomo');
    const v = bannerView(d, matched('en'), undefined, 'en');
    expect(v.lines).toContain('Amount: invalid amount (USDT)');
    expect(v.lines.join()).not.toContain('1e9');
    expect(v.tone).toBe('ok');
  });

  it('an id FOMO’s coin table does not name is shown as the id, in the user’s language', () => {
    const d = decodeReturn(`${SHOP}?status=1&trade_id=T1&amount=2&coin_id=77`, 'fomo');
    expect(bannerView(d, matched('en'), undefined, 'en').lines).toContain('Amount: 2 (coin 77)');
    expect(bannerView(d, matched('zh-CN'), undefined, 'zh-CN').lines).toContain(
      '金额：2 (币种 77)',
    );
  });

  it('says "Unrecognised return" when nothing pending matches, or the page is not recognised', () => {
    const d = decodeReturn(`${SHOP}?status=1&trade_id=T1`, 'fomo');
    expect(bannerView(d, unmatched('en'), undefined, 'en').lines.at(-1)).toMatch(
      /^Unrecognised return/,
    );
    expect(bannerView(d, unmatched('zh-CN'), undefined, 'zh-CN').lines.at(-1)).toMatch(
      /^无法识别的返回/,
    );
    const notRecognised = bannerView(d, { recognised: false, lang: 'en' }, undefined, 'en');
    expect(notRecognised.lines.at(-1)).toMatch(/^Unrecognised return/);
  });

  it('says when the background refused or could not be reached', () => {
    const d = decodeReturn(`${SHOP}?code=c&state=s`, 'hicoin');
    const refused = bannerView(d, undefined, 'refused', 'en');
    expect(refused.lines.at(-1)).toBe('CoinDock refused this return');
    expect(refused.tone).toBe('error');
    expect(bannerView(d, undefined, 'unreachable', 'zh-CN').lines.at(-1)).toBe('无法连接 CoinDock');
  });

  it('sends authorisations to the accounts section, with the platform’s name', () => {
    const d = decodeReturn(`${SHOP}?biyerror=access_denied`, 'biyong');
    const v = bannerView(
      d,
      { recognised: true, platform: 'biyong', lang: 'zh-CN' },
      undefined,
      'zh-CN',
    );
    expect(v.title).toBe(`CoinDock · ${PLATFORM_NAMES.biyong['zh-CN']}`);
    expect(v.lines[0]).toBe(`access_denied — ${d.outcome.zh}`);
    expect(v.action.section).toBe('accounts');
    const ok = bannerView(
      decodeReturn(`${SHOP}?code=c`, 'hicoin'),
      { recognised: true, platform: 'hicoin', lang: 'en', match: { kind: 'flow', id: 'f' } },
      undefined,
      'en',
    );
    expect(ok.lines).toEqual(['Authorised, finishing in CoinDock']);
    expect(ok.tone).toBe('ok');
  });

  it('neutralises control and bidi characters from the URL', () => {
    expect(shown('ab\u202Ecd\u0000e\n')).toBe('ab\ufffdcd\ufffde\ufffd');
    const d = decodeReturn(`${SHOP}?status=%E2%80%AE7`, 'fomo');
    expect(outcomeLine(d, 'en')).toBe('\ufffd7 — Unknown FOMO status');
  });

  it('a matched transfer shows what CoinDock recorded, not what the URL claims', () => {
    // The URL says 1 = success for 0.01; CoinDock found it does not match its 100-unit transfer.
    const d = decodeReturn(`${SHOP}?status=1&trade_id=T1&amount=0.01&coin_id=999`, 'fomo');
    const verdict = (lang: ReturnVerdict['lang']): ReturnVerdict => ({
      recognised: true,
      platform: 'fomo',
      match: {
        kind: 'transfer',
        id: 'T1',
        recorded: {
          state: 'failed',
          amount: '100',
          token: 'coin 3',
          message: { en: 'Does not match this transfer', zh: '与此笔转账不符' },
        },
      },
      lang,
    });
    const en = bannerView(d, verdict('en'), undefined, 'en');
    expect(en.lines[0]).toBe('Does not match this transfer');
    // The recorded coin, by name (stored as "coin 3" by older versions), not the URL's 999.
    expect(en.lines).toContain('Amount: 100 USDT');
    expect(en.lines.join('\n')).not.toMatch(/Success|0\.01|999/);
    expect(en.tone).toBe('error');
    const zh = bannerView(d, verdict('zh-CN'), undefined, 'zh-CN');
    expect(zh.lines[0]).toBe('与此笔转账不符');
    expect(zh.lines).toContain('金额：100 USDT');
  });

  it('a matched transfer in a coin FOMO’s table does not name says its id, in the user’s words', () => {
    const d = decodeReturn(`${SHOP}?status=1&trade_id=T1&amount=2&coin_id=77`, 'fomo');
    const verdict = (lang: ReturnVerdict['lang']): ReturnVerdict => ({
      recognised: true,
      platform: 'fomo',
      match: {
        kind: 'transfer',
        id: 'T1',
        recorded: { state: 'succeeded', amount: '2', token: 'coin 77' },
      },
      lang,
    });
    expect(bannerView(d, verdict('en'), undefined, 'en').lines).toContain('Amount: 2 coin 77');
    expect(bannerView(d, verdict('zh-CN'), undefined, 'zh-CN').lines).toContain('金额：2 币种 77');
  });
});
