/** Vault messages from the options page and popup. Inputs are checked here, at the boundary. */
import * as v from 'valibot';
import type { Handlers } from '../../core/message-protocol';
import type { MessageMap } from '../../core/messages';
import { errors } from '../../core/errors';
import type { VaultService } from '../vault-service';

type VaultHandlers = Pick<
  Handlers<MessageMap>,
  | 'vault/status'
  | 'vault/create'
  | 'vault/unlock'
  | 'vault/lock'
  | 'vault/change-passphrase'
  | 'vault/set-auto-lock'
  | 'vault/reset'
  | 'vault/forget-everything'
>;

const Passphrase = v.pipe(v.string(), v.maxLength(1024));

function input<S extends v.GenericSchema>(schema: S, value: unknown): v.InferOutput<S> {
  const r = v.safeParse(schema, value);
  if (!r.success) throw errors.invalid_input();
  return r.output;
}

export function vaultHandlers(deps: {
  vault: VaultService;
  ready: Promise<void>;
  forgetEverything: () => Promise<void>;
  /**
   * Work that waited for the keys (pending transfers after a browser restart). It runs in the
   * background: the unlock answers without waiting for the platforms, and its failures are its own.
   */
  onUnlocked: () => Promise<unknown>;
}): VaultHandlers {
  const { vault } = deps;
  const after = async (work: () => Promise<void>) => {
    await deps.ready;
    await work();
    return vault.status();
  };
  // The work that waited for the keys starts; the answer does not wait for it, and its failure
  // is not the unlock's.
  const unlocked = () => void deps.onUnlocked().catch(() => undefined);
  return {
    'vault/status': () => after(async () => undefined),
    'vault/create': (req) =>
      after(() => vault.create(input(v.object({ passphrase: Passphrase }), req).passphrase)),
    'vault/unlock': (req) =>
      after(async () => {
        await vault.unlock(input(v.object({ passphrase: Passphrase }), req).passphrase);
        unlocked();
      }),
    'vault/lock': () => after(() => vault.lock()),
    'vault/change-passphrase': (req) =>
      after(async () => {
        const r = input(v.object({ oldPassphrase: Passphrase, newPassphrase: Passphrase }), req);
        const wasUnlocked = (await vault.status()).unlocked;
        await vault.changePassphrase(r.oldPassphrase, r.newPassphrase);
        // Changing the passphrase of a locked vault unlocks it, as unlocking does.
        if (!wasUnlocked) unlocked();
      }),
    'vault/set-auto-lock': (req) =>
      after(async () => {
        const r = input(
          v.object({ minutes: v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(1440)) }),
          req,
        );
        await vault.setAutoLock(r.minutes);
      }),
    'vault/reset': () => after(() => vault.destroy()),
    'vault/forget-everything': () => after(deps.forgetEverything),
  };
}
