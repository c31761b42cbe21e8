/**
 * The one alarm router. chrome.alarms alarms outlive the worker, so what an alarm does must be
 * found again from its name alone when it fires in a fresh worker: each feature registers its
 * alarm name (or prefix, for one alarm per platform) with a handler on `alarms` as the worker
 * makes it (synchronously, at start), and
 * every alarm is created, cleared or looked up through this module, so the names in use are the
 * ones registered here.
 */

type Handler = (name: string) => Promise<unknown>;

export interface AlarmRouter {
  /** Run `handler` when the alarm named `name` fires. */
  on(name: string, handler: Handler): void;
  /** Run `handler` with the rest of the name when an alarm named `prefix…` fires. */
  onPrefix(prefix: string, handler: (rest: string) => Promise<unknown>): void;
  /** What to run for an alarm of this name; undefined for a name no feature registered. */
  route(name: string): (() => Promise<unknown>) | undefined;
  /**
   * Register the chrome.alarms listener. Call it synchronously at the worker's top level (MV3,
   * and Firefox event pages): an alarm that wakes the worker is delivered only to listeners
   * added in its first turn. Each run waits for `ready` (start-up and migrations).
   */
  listen(ready: Promise<unknown>): void;
}

export function createAlarmRouter(): AlarmRouter {
  const exact = new Map<string, Handler>();
  const prefixes: [string, (rest: string) => Promise<unknown>][] = [];
  const router: AlarmRouter = {
    on: (name, handler) => void exact.set(name, handler),
    onPrefix: (prefix, handler) => void prefixes.push([prefix, handler]),
    route(name) {
      const handler = exact.get(name);
      if (handler) return () => handler(name);
      const hit = prefixes.find(([p]) => name.startsWith(p));
      return hit && (() => hit[1](name.slice(hit[0].length)));
    },
    listen(ready) {
      chrome.alarms.onAlarm.addListener((alarm) => {
        const run = router.route(alarm.name);
        if (!run) return;
        void ready
          .then(run)
          .catch((e: unknown) => console.error(`CoinDock: alarm ${alarm.name} failed`, e));
      });
    },
  };
  return router;
}

/**
 * The worker's router: each feature registers its alarms here as it is made; the worker calls
 * `alarms.listen(ready)` at top level.
 */
export const alarms = createAlarmRouter();

/** Set the alarm (replacing one of the same name). */
export async function setAlarm(name: string, info: chrome.alarms.AlarmCreateInfo): Promise<void> {
  await chrome.alarms.create(name, info);
}

/** Set the alarm unless it is there already (setting it again would push it back). */
export async function ensureAlarm(
  name: string,
  info: chrome.alarms.AlarmCreateInfo,
): Promise<void> {
  if (!(await chrome.alarms.get(name))) await chrome.alarms.create(name, info);
}

export async function clearAlarm(name: string): Promise<void> {
  await chrome.alarms.clear(name);
}

/** Clear every alarm of CoinDock (a wipe). */
export async function clearAllAlarms(): Promise<void> {
  await chrome.alarms.clearAll();
}
