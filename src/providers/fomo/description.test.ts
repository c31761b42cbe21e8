import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../../core/errors';
import { fomoDescription } from './description';
import { FOMO_API_CODE_OVERRIDES, FOMO_ERROR_CODES } from './error-table';

describe('fomoDescription', () => {
  it('environments: FOMO’s test address (the sandbox one is checked in integration/)', () => {
    expect(fomoDescription.environments.test).toBe('http://39.108.51.7/fomo/');
  });

  it('the appendix is complete: 63 distinct error codes, each bilingual with a kind', () => {
    // Appendix 一 has 65 lines: 1 (success) and 64 error lines, of which 201 appears twice.
    expect(Object.keys(FOMO_ERROR_CODES)).toHaveLength(63);
    expect(FOMO_ERROR_CODES['1']).toBeUndefined();
    for (const [code, e] of Object.entries({ ...FOMO_ERROR_CODES, ...FOMO_API_CODE_OVERRIDES })) {
      expect(code).toMatch(/^\d+$/);
      expect(ERROR_CODES).toContain(e.kind);
      expect(e.en && e.zh && e.en !== e.zh, code).toBeTruthy();
    }
    expect(fomoDescription.errorCodes).toBe(FOMO_ERROR_CODES);
  });
});
