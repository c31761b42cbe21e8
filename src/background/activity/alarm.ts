/**
 * The periodic activity sync: an alarm (alarms outlive the worker; the worker's alarm router,
 * background/alarms.ts, runs it). Created once; an existing alarm keeps its schedule.
 */
import { ensureAlarm } from '../alarms';

export const ACTIVITY_ALARM = 'activity-sync';
export const ACTIVITY_PERIOD_MINUTES = 15;

export async function ensureActivityAlarm(): Promise<void> {
  await ensureAlarm(ACTIVITY_ALARM, {
    periodInMinutes: ACTIVITY_PERIOD_MINUTES,
    delayInMinutes: ACTIVITY_PERIOD_MINUTES,
  });
}
