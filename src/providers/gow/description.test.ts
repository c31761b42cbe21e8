import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../core/errors';
import { gowDescription } from './description';

describe('gowDescription', () => {
  it('keeps the secret key secret', () => {
    expect(gowDescription.credentials.find((f) => f.key === 'secretKey')?.secret).toBe(true);
    expect(gowDescription.credentials.find((f) => f.key === 'apiKey')?.secret).toBe(false);
  });

  it('every error entry has a known kind and text in both languages', () => {
    for (const [code, e] of Object.entries(gowDescription.errorCodes)) {
      expect(code).toMatch(/^\d{6}$/);
      expect(ERROR_CODES).toContain(e.kind);
      expect(e.en && e.zh && e.en !== e.zh, code).toBeTruthy();
    }
    expect(gowDescription.errorCodes['000000']).toBeUndefined();
  });
});
