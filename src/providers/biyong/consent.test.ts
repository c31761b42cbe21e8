import { describe, expect, it } from 'vitest';
import { buildBiyongConsentUrl, parseBiyongReturn } from './consent';

describe('consent URL', () => {
  const returnUrl = 'https://shop.example/by/return?state=abc123&x=a b';

  it('the app link: biyong://authorApp?url=<urlencoded>&appid=…', () => {
    const url = buildBiyongConsentUrl({ returnUrl, appId: 'app_1' });
    expect(url.startsWith('biyong://authorApp?')).toBe(true);
    const q = new URLSearchParams(url.slice(url.indexOf('?') + 1));
    expect(q.get('url')).toBe(new URL(returnUrl).toString());
    expect(q.get('appid')).toBe('app_1');
    // Percent-encoded: the return URL's own ? and & do not leak into the outer query.
    expect(url).toContain(
      `url=${encodeURIComponent(new URL(returnUrl).toString()).replace(/%20/g, '+')}`,
    );
  });

  it('the sandbox page: {base}/authorize with the same query', () => {
    const url = new URL(
      buildBiyongConsentUrl({
        returnUrl,
        appId: 'app_1',
        webConsentBase: 'http://127.0.0.1:8787/biyong/',
      }),
    );
    expect(url.origin + url.pathname).toBe('http://127.0.0.1:8787/biyong/authorize');
    expect(url.searchParams.get('url')).toBe(new URL(returnUrl).toString());
    expect(url.searchParams.get('appid')).toBe('app_1');
  });

  it('refuses a return URL that is not http(s) and a missing AppId', () => {
    expect(() => buildBiyongConsentUrl({ returnUrl: 'javascript:alert(1)', appId: 'a' })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    expect(() => buildBiyongConsentUrl({ returnUrl: 'nope', appId: 'a' })).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    expect(() => buildBiyongConsentUrl({ returnUrl, appId: '' })).toThrow(
      expect.objectContaining({ code: 'not_configured' }),
    );
  });
});

describe('consent return', () => {
  it('extracts biytoken and keeps the other parameters', () => {
    expect(
      parseBiyongReturn('https://shop.example/r?state=s1&biytoken=EuQkJ3mx4kinvHLFR3DPQ15SjVyh9'),
    ).toEqual({
      biytoken: 'EuQkJ3mx4kinvHLFR3DPQ15SjVyh9',
      params: { state: 's1' },
    });
  });

  it('no biytoken means no consent; a duplicated or odd one is refused', () => {
    expect(() => parseBiyongReturn('https://shop.example/r?state=s1')).toThrow(
      expect.objectContaining({ code: 'permission' }),
    );
    expect(() => parseBiyongReturn('https://shop.example/r?biytoken=')).toThrow(
      expect.objectContaining({ code: 'permission' }),
    );
    expect(() => parseBiyongReturn('https://shop.example/r?biytoken=a&biytoken=b')).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    expect(() => parseBiyongReturn('https://shop.example/r?biytoken=a%20b')).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
    expect(() => parseBiyongReturn('not a url')).toThrow(
      expect.objectContaining({ code: 'invalid_input' }),
    );
  });
});
