/** ping and settings: the plumbing every page uses. */
import type { Handlers } from '../../core/message-protocol';
import { checked } from '../../core/message-dispatch';
import type { MessageMap } from '../../core/messages';
import { KEYS } from '../../core/storage-keys';
import { SettingsSchema, mergeSettings } from '../../core/settings';
import type { Store } from '../../core/store';

type CoreHandlers = Pick<Handlers<MessageMap>, 'ping' | 'settings/get' | 'settings/update'>;

export function coreHandlers(deps: {
  store: Store;
  startedAt: number;
  version: string;
  onSettingsChanged: () => Promise<void>;
}): CoreHandlers {
  const { store } = deps;
  return {
    async ping() {
      const life = await store.get(KEYS.workerLife);
      return {
        version: deps.version,
        workerStartedAt: deps.startedAt,
        workerStarts: life.starts,
        now: Date.now(),
      };
    },
    async 'settings/get'() {
      return store.get(KEYS.settings);
    },
    async 'settings/update'(patch) {
      const next = await store.update(KEYS.settings, (cur) => {
        const merged = mergeSettings(cur, patch);
        // Validate the whole after merging: a patch may not leave an invalid combination.
        return checked(SettingsSchema, merged, 'settings/update');
      });
      await deps.onSettingsChanged();
      return next;
    },
  };
}
