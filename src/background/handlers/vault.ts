/** Vault messages from the options page and popup; inputs arrive checked (core/message-map.ts). */
import type { Handlers } from '../../core/message-protocol';
import type { MessageMap } from '../../core/messages';
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

export function vaultHandlers(deps: {
  vault: VaultService;
  forgetEverything: () => Promise<void>;
  /**
   * Work that waited for the keys (pending transfers after a browser restart). It runs in the
   * background: the unlock answers without waiting for the platforms, and its failures are its own.
   */
  onUnlocked: () => Promise<unknown>;
}): VaultHandlers {
  const { vault } = deps;
  const after = async (work: () => Promise<void>) => {
    await work();
    return vault.status();
  };
  // The work that waited for the keys starts; the answer does not wait for it, and its failure
  // is not the unlock's.
  const unlocked = () => void deps.onUnlocked().catch(() => undefined);
  return {
    'vault/status': () => after(async () => undefined),
    'vault/create': (req) => after(() => vault.create(req.passphrase)),
    'vault/unlock': (req) =>
      after(async () => {
        await vault.unlock(req.passphrase);
        unlocked();
      }),
    'vault/lock': () => after(() => vault.lock()),
    'vault/change-passphrase': (req) =>
      after(async () => {
        const wasUnlocked = (await vault.status()).unlocked;
        await vault.changePassphrase(req.oldPassphrase, req.newPassphrase);
        // Changing the passphrase of a locked vault unlocks it, as unlocking does.
        if (!wasUnlocked) unlocked();
      }),
    'vault/set-auto-lock': (req) =>
      after(async () => {
        await vault.setAutoLock(req.minutes);
      }),
    'vault/reset': () => after(() => vault.destroy()),
    'vault/forget-everything': () => after(deps.forgetEverything),
  };
}
