import { describe, expect, it } from 'vitest';
import { DEFAULT_PORT, DEMO, HOST, PREFIX } from '../../../sandbox/contract';
import { ERROR_CODES } from '../../core/errors';
import { gowDescription } from './description';

describe('gowDescription', () => {
  it('the sandbox environment is the simulator’s address (copied, not imported)', () => {
    expect(gowDescription.environments.sandbox).toBe(`http://${HOST}:${DEFAULT_PORT}${PREFIX.gow}`);
  });

  it('credential patterns accept the demo credentials and refuse blanks', () => {
    const demo: Record<string, string> = {
      apiKey: DEMO.gow.apiKey,
      secretKey: DEMO.gow.secretKey,
      account: 'alice@example.com',
    };
    for (const f of gowDescription.credentials) {
      expect(f.pattern?.test(demo[f.key] ?? ''), f.key).toBe(true);
      expect(f.pattern?.test(''), f.key).toBe(false);
    }
    expect(gowDescription.credentials.find((f) => f.key === 'secretKey')?.secret).toBe(true);
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
