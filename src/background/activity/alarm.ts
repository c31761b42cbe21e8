/**
 * The periodic activity sync: a chrome.alarms alarm (alarms outlive the worker; service-worker.ts
 * dispatches it through `alarmTask`). Created once; an existing alarm keeps its schedule.
 */
export const ACTIVITY_ALARM = 'activity-sync';
export const ACTIVITY_PERIOD_MINUTES = 15;

export async function ensureActivityAlarm(): Promise<void> {
  if (await chrome.alarms.get(ACTIVITY_ALARM)) return;
  await chrome.alarms.create(ACTIVITY_ALARM, {
    periodInMinutes: ACTIVITY_PERIOD_MINUTES,
    delayInMinutes: ACTIVITY_PERIOD_MINUTES,
  });
}
