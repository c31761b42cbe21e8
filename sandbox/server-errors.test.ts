// A simulator that throws gets a 500, and the server keeps serving.
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { PlatformId, PlatformSim } from './types';
import { startTestSandbox, type TestSandbox } from './test-support';

vi.mock('./platforms/index', () => ({
  createSimulators: (): Record<PlatformId, PlatformSim> => {
    const quiet = (id: PlatformId): PlatformSim => ({
      id,
      handle: () => undefined,
      reset: () => undefined,
    });
    return {
      fomo: {
        id: 'fomo',
        handle: (req) => {
          if (req.path === 'boom') throw new Error('simulated failure');
          return { body: { path: req.path } };
        },
        reset: () => undefined,
      },
      gow: quiet('gow'),
      biyong: quiet('biyong'),
      grandchain: quiet('grandchain'),
      hicoin: quiet('hicoin'),
    };
  },
}));

let sb: TestSandbox;
beforeAll(async () => {
  sb = await startTestSandbox();
});
afterAll(() => sb.close());

it('answers 500 when a simulator throws, then carries on', async () => {
  const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
  const res = await sb.get('/fomo/boom');
  expect(res.status).toBe(500);
  expect(await res.json()).toEqual({ error: 'internal sandbox error' });
  expect(spy).toHaveBeenCalled();
  spy.mockRestore();
  const ok = await sb.get('/fomo/fine');
  expect([ok.status, await ok.json()]).toEqual([200, { path: 'fine' }]);
});
