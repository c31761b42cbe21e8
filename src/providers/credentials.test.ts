/** Every field error says what is wrong, in both languages. */
import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DESCRIPTIONS } from './descriptions';
import { checkCredentialField, storedForm } from './credentials';
import type { Platform } from '../core/platform';

const field = (p: Platform, key: string) => DESCRIPTIONS[p].credentials.find((f) => f.key === key)!;
const say = (p: Platform, key: string, value: string, stored = false) =>
  checkCredentialField(field(p, key), value, stored)?.message;

describe('field errors say what is wrong', () => {
  it('a missing required field', () => {
    expect(say('gow', 'apiKey', '  ')).toEqual({
      en: 'API key is required',
      zh: '请填写API Key 访问密钥',
    });
    // A stored secret may stay empty.
    expect(say('gow', 'secretKey', '', true)).toBeUndefined();
  });

  it('too short and too long, with the count typed', () => {
    expect(say('gow', 'apiKey', 'ABC1234')).toEqual({
      en: 'API key must be at least 8 characters; you typed 7',
      zh: 'API Key 访问密钥至少需要 8 个字符；您输入了 7 个',
    });
    expect(say('gow', 'apiKey', 'A'.repeat(129))?.en).toBe(
      'API key can be at most 128 characters; you typed 129',
    );
  });

  it('a character not allowed, named with its place', () => {
    expect(say('gow', 'apiKey', 'bad key with spaces')).toEqual({
      en: 'API key can only contain letters, digits, “_” and “-”; a space at character 4 is not allowed',
      zh: 'API Key 访问密钥只能包含字母、数字、“_”和“-”；第 4 个字符空格不允许',
    });
    expect(say('fomo', 'clientId', 'app#1')?.en).toBe(
      'App ID (client_id) can only contain letters, digits, “_”, “.” and “-”; “#” at character 4 is not allowed',
    );
    expect(say('gow', 'secretKey', 'secret\tkey')?.en).toBe(
      'Secret key cannot contain spaces or line breaks; there is a tab or line break at character 7',
    );
  });

  it('a web address without its scheme, or with a space', () => {
    expect(say('fomo', 'redirectUri', 'shop.example/return')).toEqual({
      en: 'Registered redirect URL must start with http:// or https://',
      zh: '登记的授权回调网址（redirect_uri）必须以 http:// 或 https:// 开头',
    });
    expect(say('hicoin', 'redirectUri', 'https://shop.example/a b')?.en).toBe(
      'Registered redirect URL cannot contain spaces or line breaks; there is a space at character 23',
    );
  });

  it('an email without its parts', () => {
    expect(say('grandchain', 'email', 'alice.example.com')?.en).toBe('Email needs an “@”');
    expect(say('grandchain', 'email', '@example.com')?.en).toBe(
      'Email needs a name before the “@”',
    );
    expect(say('grandchain', 'email', 'alice@')?.en).toBe('Email needs a domain after the “@”');
  });

  it('a value outside a fixed set names the set', () => {
    expect(say('hicoin', 'scope', 'snsapi_all')).toEqual({
      en: 'What CoinDock may see must be one of snsapi_userinfo, snsapi_base; you typed “snsapi_all”',
      zh: '授权范围（scope）只能是 snsapi_userinfo, snsapi_base 之一；您输入了“snsapi_all”',
    });
    expect(say('biyong', 'hashMode', 'MD5')?.en).toMatch(/^Signature hash must be one of SHA256/);
    expect(say('grandchain', 'revision', 'auto')).toBeUndefined();
  });

  it('a BiYong key in the wrong place says which key it is', () => {
    const publicB64 = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA' + 'A'.repeat(300);
    expect(say('biyong', 'merchantPrivateKey', publicB64)?.en).toMatch(/^Merchant private key: /);
    expect(say('biyong', 'merchantPrivateKey', 'abc$')).toEqual({
      en: 'Merchant private key: Not valid base64 at character 4: “$”',
      zh: '商户私钥：第 4 个字符不是有效的 base64：“$”',
    });
  });

  it('no message anywhere says only that something "does not look right"', () => {
    for (const d of Object.values(DESCRIPTIONS)) {
      for (const f of d.credentials) {
        const m = checkCredentialField(f, '#$ %', false)?.message;
        if (m) expect(m.en).not.toMatch(/look right/);
      }
    }
  });
});

describe('stored form', () => {
  it('trims, and leaves fields without a stored form as typed', () => {
    expect(storedForm(field('gow', 'apiKey'), '  KEY12345 ')).toBe('KEY12345');
  });

  it('a BiYong key pasted as PEM passes the check and is stored as base64 DER', () => {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const pem = privateKey.export({ type: 'pkcs1', format: 'pem' }) as string;
    const spki = publicKey.export({ type: 'spki', format: 'pem' }) as string;
    const f = field('biyong', 'merchantPrivateKey');
    expect(checkCredentialField(f, pem, false)).toBeUndefined();
    expect(storedForm(f, `\n${pem}\n`)).toBe(
      (privateKey.export({ type: 'pkcs8', format: 'der' }) as Buffer).toString('base64'),
    );
    expect(storedForm(field('biyong', 'platformPublicKey'), spki)).toBe(
      (publicKey.export({ type: 'spki', format: 'der' }) as Buffer).toString('base64'),
    );
  });
});
