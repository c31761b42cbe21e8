/**
 * The activity feature as the worker wires it: the service over the real stores (the BiYong
 * ledger database, the activity cache, accounts and transfers in storage.local), the vault-backed
 * clients, the periodic alarm and start-up.
 */
import type { Platform } from '../../core/platform';
import type { ProviderContext } from '../../providers/types';
import type { AccountStore } from '../accounts/account-store';
import type { GrandchainService } from '../accounts/grandchain';
import { noteLostGrant } from '../accounts/profiles';
import { biyongClientFor } from '../../providers/biyong/adapter';
import type { TransferStore } from '../transfers/transfer-store';
import { createIdbLedgerStore } from '../sync/idb-ledger-store';
import { createIdbActivityCache } from './activity-cache';
import { createActivityService, type ActivityService } from './activity-service';
import { ACTIVITY_ALARM, ensureActivityAlarm } from './alarm';
import { alarms } from '../alarms';
import { accountsChange } from './follow-accounts';
import { getStore } from '../../ext/storage';
import { KEYS } from '../../core/storage-keys';
import type { Accounts } from '../../core/accounts';

export interface ActivityFeature {
  service: ActivityService;
  /** Start-up: make sure the periodic sync is scheduled. */
  start(): Promise<void>;
}

export function createActivityFeature(deps: {
  accounts: AccountStore;
  transfers: TransferStore;
  grandchain: GrandchainService;
  context(platform: Platform): Promise<ProviderContext>;
  /** Reads the vault: rejects with `locked` while it is locked. */
  credentials(platform: Platform): Promise<Record<string, string>>;
  /** The worker's start-up (migrations): nothing is synced before it. */
  ready(): Promise<void>;
}): ActivityFeature {
  const store = getStore();
  const changed = async () => {
    await store.update(KEYS.activityChanged, (n) => n + 1);
  };
  const service = createActivityService({
    changed,
    ledgerStore: createIdbLedgerStore(),
    cache: createIdbActivityCache(),
    account: (p) => deps.accounts.get(p),
    transfers: () => deps.transfers.all(),
    biyongClient: async () =>
      noteLostGrant(
        biyongClientFor(await deps.context('biyong'), await deps.credentials('biyong')),
        deps.accounts,
      ),
    grandchain: {
      session: () => deps.grandchain.session(),
      client: () => deps.grandchain.client(),
      faceToken: () => deps.grandchain.faceToken(),
      recordBalance: (fen) => deps.grandchain.recordBalance(fen),
    },
  });
  // Registered as the worker starts (top level), like every listener of a service worker.
  chrome.storage.onChanged.addListener((changes, area) => {
    const c = changes[KEYS.accounts.name];
    if (area !== KEYS.accounts.area || !c) return;
    const what = accountsChange(c.oldValue as Accounts | undefined, c.newValue as Accounts);
    if (!what) return;
    void deps
      .ready()
      .then(async () => {
        if (what === 'sync') await service.sync({ force: true });
        else await changed();
      })
      .catch((e: unknown) => console.error('CoinDock: activity after an account change', e));
  });
  // The periodic sync: the router finds it again by name when the alarm fires.
  alarms.on(ACTIVITY_ALARM, () => service.sync({ force: true }));
  return { service, start: ensureActivityAlarm };
}
