/** ping and settings: the plumbing every page uses. */
import * as v from 'valibot';
import type { Handlers } from '../../core/message-protocol';
import type { MessageMap } from '../../core/messages';
import { KEYS } from '../../core/storage-keys';
import {
  INSECURE_URL,
  SettingsPatchSchema,
  SettingsSchema,
  mergeSettings,
} from '../../core/settings';
import { errors } from '../../core/errors';
import type { Store } from '../../core/store';

type CoreHandlers = Pick<Handlers<MessageMap>, 'ping' | 'settings/get' | 'settings/update'>;

export function coreHandlers(deps: {
  store: Store;
  ready: Promise<void>;
  startedAt: number;
  version: string;
  onSettingsChanged: () => Promise<void>;
}): CoreHandlers {
  const { store } = deps;
  return {
    async ping() {
      await deps.ready;
      const life = await store.get(KEYS.workerLife);
      return {
        version: deps.version,
        workerStartedAt: deps.startedAt,
        workerStarts: life.starts,
        now: Date.now(),
      };
    },
    async 'settings/get'() {
      await deps.ready;
      return store.get(KEYS.settings);
    },
    async 'settings/update'(patch) {
      await deps.ready;
      const parsed = v.safeParse(SettingsPatchSchema, patch);
      if (!parsed.success) {
        const insecure = parsed.issues.find((i) => i.message === INSECURE_URL);
        if (insecure) {
          const url = String(insecure.input).slice(0, 200);
          throw errors.insecure_transport({
            en: `${url} is plain http:, which is not encrypted: use an https: address (http: is accepted only for this computer — localhost, 127.0.0.1)`,
            zh: `${url} 是未加密的 http: 地址：请使用 https: 地址（只有本机地址 localhost、127.0.0.1 可以用 http:）`,
          });
        }
        const path = parsed.issues[0]?.path?.map((p) => String(p.key)).join('.') ?? '';
        throw errors.invalid_input({
          en: `Invalid setting ${path}: ${parsed.issues[0]?.message ?? ''}`,
          zh: `设置 ${path} 无效`,
        });
      }
      const next = await store.update(KEYS.settings, (cur) => {
        const merged = mergeSettings(cur, parsed.output);
        // Validate the whole after merging: a patch may not leave an invalid combination.
        return v.parse(SettingsSchema, merged);
      });
      await deps.onSettingsChanged();
      return next;
    },
  };
}
