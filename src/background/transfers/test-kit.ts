/**
 * Test-only: the browser pieces the transfer modules touch, as small stand-ins that record what
 * they were asked. Imported by the *.test.ts files beside it only.
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
  vi.stubGlobal('chrome', {
    alarms: {
      get: (name: string) => Promise.resolve(alarms.get(name)),
      create: (name: string, info: chrome.alarms.AlarmCreateInfo) => {
        created.push(name);
        alarms.set(name, info);
        return Promise.resolve();
      },
      clear: (name: string) => Promise.resolve(alarms.delete(name)),
    },
  });
  return { alarms, created };
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
