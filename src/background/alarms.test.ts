import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createAlarmRouter, ensureAlarm, setAlarm } from './alarms';
import { stubAlarms } from './transfers/test-kit';

let chromeAlarms: ReturnType<typeof stubAlarms>;
beforeEach(() => (chromeAlarms = stubAlarms()));
afterEach(() => vi.unstubAllGlobals());

describe('alarm router', () => {
  it('routes a registered name, and a registered prefix with the rest of the name', async () => {
    const ran: string[] = [];
    const router = createAlarmRouter();
    router.on('vault-auto-lock', async (name) => ran.push(name));
    router.onPrefix('token-refresh:', async (platform) => ran.push(`refresh ${platform}`));
    await router.route('vault-auto-lock')?.();
    await router.route('token-refresh:fomo')?.();
    expect(ran).toEqual(['vault-auto-lock', 'refresh fomo']);
  });

  it('ignores a name no feature registered (an alarm of an older version, say)', () => {
    const router = createAlarmRouter();
    router.onPrefix('token-refresh:', () => Promise.resolve());
    expect(router.route('token-refresh')).toBeUndefined();
    expect(router.route('something-else')).toBeUndefined();
  });

  it('runs a fired alarm only once start-up is ready, and reports no unknown one', async () => {
    let finishStartUp!: () => void;
    const ready = new Promise<void>((r) => (finishStartUp = r));
    const ran: string[] = [];
    const router = createAlarmRouter();
    router.on('gow-orders-poll', async () => ran.push('poll'));
    router.listen(ready);
    expect(chromeAlarms.listeners).toHaveLength(1);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    chromeAlarms.fire('gow-orders-poll');
    chromeAlarms.fire('unknown');
    await Promise.resolve();
    expect(ran).toEqual([]);
    finishStartUp();
    await ready;
    await new Promise((r) => setTimeout(r));
    expect(ran).toEqual(['poll']);
    expect(errors).not.toHaveBeenCalled();
  });
});

describe('alarm creation', () => {
  it('ensureAlarm keeps an existing alarm’s schedule; setAlarm replaces it', async () => {
    await ensureAlarm('activity-sync', { periodInMinutes: 15 });
    await ensureAlarm('activity-sync', { periodInMinutes: 1 });
    expect(chromeAlarms.alarms.get('activity-sync')).toEqual({ periodInMinutes: 15 });
    await setAlarm('activity-sync', { periodInMinutes: 1 });
    expect(chromeAlarms.alarms.get('activity-sync')).toEqual({ periodInMinutes: 1 });
  });
});
