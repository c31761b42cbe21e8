// The compressible timer wheel behind SimContext.schedule.
import { afterEach, describe, expect, it } from 'vitest';
import { TimerWheel } from './timers';

const wheels: TimerWheel[] = [];
const wheel = (timeScale?: number, onError?: (e: unknown) => void) => {
  const w = new TimerWheel({ timeScale, onError });
  wheels.push(w);
  return w;
};
afterEach(async () => {
  await Promise.all(wheels.splice(0).map((w) => w.close()));
});

describe('TimerWheel', () => {
  it('runs due timers in due order on advance, awaiting each', async () => {
    const w = wheel();
    const log: string[] = [];
    w.schedule(3000, async () => {
      await new Promise((r) => setTimeout(r, 5));
      log.push('c');
    });
    w.schedule(1000, () => void log.push('a'));
    w.schedule(2000, () => void log.push('b'));
    expect(await w.advance(2500)).toBe(2);
    expect(log).toEqual(['a', 'b']);
    expect(await w.advance(500)).toBe(1);
    expect(log).toEqual(['a', 'b', 'c']);
    expect(w.size).toBe(0);
  });

  it('times timers scheduled by a timer from its due time, so chains run within one advance', async () => {
    const w = wheel();
    let runs = 0;
    const again = () => {
      runs++;
      if (runs < 5) w.schedule(600_000, again);
    };
    w.schedule(600_000, again);
    expect(await w.advance(5 * 600_000 - 1)).toBe(4);
    expect(await w.advance(1)).toBe(1);
    expect(runs).toBe(5);
  });

  it('stands still while a timer runs during advance, so slow timers do not push the next one out', async () => {
    // At ×1000, a 50 ms wait inside the timer is 50 virtual seconds.
    const w = wheel(1000);
    const ran: string[] = [];
    w.schedule(60_000, async () => {
      await new Promise((r) => setTimeout(r, 50));
      ran.push('first');
      w.schedule(60_000, () => void ran.push('second'));
    });
    expect(await w.advance(120_000)).toBe(2);
    expect(ran).toEqual(['first', 'second']);
  });

  it('runs timers by itself in real time divided by timeScale', async () => {
    const w = wheel(1000);
    const fired = new Promise<number>((resolve) => {
      const t0 = performance.now();
      w.schedule(60_000, () => resolve(performance.now() - t0));
    });
    // 60 virtual seconds at ×1000 is 60 real ms.
    const took = await fired;
    expect(took).toBeGreaterThanOrEqual(55);
    expect(took).toBeLessThan(1000);
  });

  it('reports a failing timer and keeps going', async () => {
    const errors: unknown[] = [];
    const w = wheel(1, (e) => errors.push(e));
    let after = false;
    w.schedule(10, () => {
      throw new Error('boom');
    });
    w.schedule(20, () => void (after = true));
    await w.advance(20);
    expect(errors).toHaveLength(1);
    expect(after).toBe(true);
  });

  it('clear drops pending timers; a closed wheel takes no more', async () => {
    const w = wheel();
    let ran = false;
    w.schedule(10, () => void (ran = true));
    w.clear();
    expect(await w.advance(100)).toBe(0);
    await w.close();
    w.schedule(0, () => void (ran = true));
    expect(w.size).toBe(0);
    expect(ran).toBe(false);
  });

  it('refuses a bad timeScale or advance', async () => {
    expect(() => new TimerWheel({ timeScale: 0 })).toThrow(RangeError);
    await expect(wheel().advance(-1)).rejects.toThrow(RangeError);
  });
});
