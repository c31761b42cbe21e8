/**
 * Test-only: the browser pieces the transfer modules (and the worker's other alarm users) touch,
 * as small stand-ins that record what they were asked. Imported by *.test.ts files only.
 */
import { vi } from 'vitest';
import type { Notifier } from './notify';

/**
 * chrome.alarms as the browser keeps them (by name; a create with the same name replaces the
 * alarm), stubbed as the global `chrome` until `vi.unstubAllGlobals()`. `created` lists every
 * create by name, to tell an alarm armed again from one left alone.
 */
export function stubAlarms() {
  const alarms = new Map<string, chrome.alarms.AlarmCreateInfo>();
  const created: string[] = [];
  const listeners: ((alarm: { name: string }) => void)[] = [];
  vi.stubGlobal('chrome', {
    alarms: {
      get: (name: string) => Promise.resolve(alarms.get(name)),
      create: (name: string, info: chrome.alarms.AlarmCreateInfo) => {
        created.push(name);
        alarms.set(name, info);
        return Promise.resolve();
      },
      clear: (name: string) => Promise.resolve(alarms.delete(name)),
      clearAll: () => Promise.resolve(void alarms.clear()),
      onAlarm: { addListener: (l: (alarm: { name: string }) => void) => listeners.push(l) },
    },
  });
  /** Fire an alarm as Chrome would: to every onAlarm listener. */
  const fire = (name: string) => listeners.forEach((l) => l({ name }));
  return { alarms, created, listeners, fire };
}

/** A notifier that only records which transfers it was told had finished, in order. */
export function recordingNotifier(): Notifier & { finishedIds: string[] } {
  const finishedIds: string[] = [];
  return {
    finishedIds,
    finished: async (id) => void finishedIds.push(id),
    updateBadge: async () => undefined,
    seen: async () => undefined,
  };
}
