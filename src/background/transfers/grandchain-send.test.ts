import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createStore, memoryArea } from '../../core/store';
import { errors } from '../../core/errors';
import type { GrandchainSendTransfer } from '../../core/transfers';
import type { GrandchainService } from '../accounts/grandchain';
import type { GrandchainClient } from '../../providers/grandchain/client';
import type { GrandchainTrade } from '../../providers/grandchain';
import { createTransferStore } from './transfer-store';
import { recordingNotifier, stubAlarms } from './test-kit';
import { createGrandchainSend, GRANDCHAIN_RECONCILE_ALARM, matchRecords } from './grandchain-send';
import { IN_FLIGHT_MS } from './transfer-store';

let alarms: ReturnType<typeof stubAlarms>['alarms'];
beforeEach(() => ({ alarms } = stubAlarms()));
afterEach(() => vi.unstubAllGlobals());

const NOW = 1_800_000_000_000;

/**
 * Grand Chain as reconciliation sees it: its outgoing history, readable only with the session
 * from the vault (so not while the vault is locked).
 */
function grandchainWith(history: { valueFen: bigint }[]) {
  const state = { locked: false, reads: 0 };
  const gc = {
    async client() {
      return {
        async trades() {
          state.reads++;
          return history.map(
            (t) => ({ direction: 'out', valueFen: t.valueFen }) as GrandchainTrade,
          );
        },
      } as unknown as GrandchainClient;
    },
    async session() {
      if (state.locked) throw errors.locked();
      return { email: 'alice@example.com', userId: '1', sessionToken: 'st' };
    },
  } as unknown as GrandchainService;
  return { gc, state };
}

async function setup(history: { valueFen: bigint }[] = []) {
  const store = createStore({ local: memoryArea(), session: memoryArea(), idb: memoryArea() });
  const transfers = createTransferStore(store);
  const notifier = recordingNotifier();
  const grand = grandchainWith(history);
  const send = createGrandchainSend({
    grandchain: grand.gc,
    transfers,
    notifier,
    now: () => NOW,
  });
  return { transfers, send, finished: notifier.finishedIds, grand };
}

/** A send of `fen` whose last step was taken `ago` ms before NOW. */
function sendOf(
  id: string,
  fen: string,
  step: GrandchainSendTransfer['details']['step'],
  ago: number,
  outBefore = '0',
): GrandchainSendTransfer {
  return {
    id,
    platform: 'grandchain',
    kind: 'grandchain_send',
    state: 'pending',
    amount: '0.09',
    token: 'CNY',
    createdAt: NOW - ago,
    updatedAt: NOW - ago,
    counterparty: 'bob@example.com',
    details: { fen, step, outBefore },
  };
}

describe('Grand Chain send reconciliation', () => {
  it('leaves a send that may still be on its way, and arms an alarm for when it cannot be', async () => {
    // Grand Chain has not recorded it yet: counting now would say "not sent".
    const env = await setup([]);
    await env.transfers.insert(sendOf('young', '9', 'sending', 3_000));
    await env.transfers.insert(sendOf('younger', '9', 'saved', 1_000));
    await env.send.reconcile();
    expect(await env.transfers.get('young')).toMatchObject({ state: 'pending' });
    expect(await env.transfers.get('younger')).toMatchObject({ state: 'pending' });
    expect(env.grand.state.reads).toBe(0);
    // The oldest of them decides when to look again.
    expect(alarms.get(GRANDCHAIN_RECONCILE_ALARM)).toEqual({
      when: NOW - 3_000 + IN_FLIGHT_MS,
    });
  });

  it('past the window, settles from the history: one more record is sent, none is not sent', async () => {
    const env = await setup([{ valueFen: 9n }, { valueFen: 9n }, { valueFen: 5n }]);
    await env.transfers.insert(sendOf('went', '9', 'sending', IN_FLIGHT_MS, '1'));
    await env.transfers.insert(sendOf('lost', '5', 'sending', IN_FLIGHT_MS + 1, '1'));
    await env.send.reconcile();
    expect(await env.transfers.get('went')).toMatchObject({
      state: 'succeeded',
      message: { en: 'Found in Grand Chain’s history' },
    });
    expect(await env.transfers.get('lost')).toMatchObject({
      state: 'failed',
      message: { en: 'Not sent: it is not in Grand Chain’s history' },
    });
    expect(env.finished.sort()).toEqual(['lost', 'went']);
    expect(alarms.has(GRANDCHAIN_RECONCILE_ALARM)).toBe(false);
  });

  it('with the vault locked, waits for the unlock instead of failing; a send never sent settles anyway', async () => {
    const env = await setup([{ valueFen: 9n }]);
    env.grand.state.locked = true;
    await env.transfers.insert(sendOf('sent', '9', 'sending', 60_000));
    await env.transfers.insert(sendOf('saved', '7', 'saved', 60_000));
    await expect(env.send.reconcile()).resolves.toBeUndefined();
    expect(await env.transfers.get('sent')).toMatchObject({ state: 'pending' });
    // Saved but never sent needs no history: nothing left the browser.
    expect(await env.transfers.get('saved')).toMatchObject({
      state: 'failed',
      message: { en: 'Interrupted before sending; nothing was sent' },
    });

    // Unlocked, the same call settles what is left.
    env.grand.state.locked = false;
    await env.send.reconcile();
    expect(await env.transfers.get('sent')).toMatchObject({ state: 'succeeded' });
    expect(env.finished).toEqual(['saved', 'sent']);
  });

  it('two interrupted sends of the same value and one new record: one went, one did not', async () => {
    // Both counted no 9-fen record when saved; Grand Chain now has one.
    const env = await setup([{ valueFen: 9n }]);
    await env.transfers.insert(sendOf('first', '9', 'sending', IN_FLIGHT_MS + 2_000));
    await env.transfers.insert(sendOf('second', '9', 'sending', IN_FLIGHT_MS + 1_000));
    await env.send.reconcile();
    expect(await env.transfers.get('first')).toMatchObject({ state: 'succeeded' });
    expect(await env.transfers.get('second')).toMatchObject({ state: 'failed' });
    expect(env.grand.state.reads).toBe(1);
  });

  it('a record already owned by a send Grand Chain confirmed is not given to an interrupted one', async () => {
    const env = await setup([{ valueFen: 9n }]);
    await env.transfers.insert(sendOf('interrupted', '9', 'sending', IN_FLIGHT_MS + 5_000));
    // Saved after it, answered by Grand Chain: its record is the one in the history.
    await env.transfers.insert({
      ...sendOf('confirmed', '9', 'done', IN_FLIGHT_MS + 1_000),
      state: 'succeeded',
    });
    await env.send.reconcile();
    expect(await env.transfers.get('interrupted')).toMatchObject({ state: 'failed' });
  });

  it('waits while a send of the same value may still land', async () => {
    const env = await setup([{ valueFen: 9n }]);
    await env.transfers.insert(sendOf('old', '9', 'sending', IN_FLIGHT_MS + 5_000));
    await env.transfers.insert(sendOf('young', '9', 'sending', 1_000));
    await env.send.reconcile();
    expect(await env.transfers.get('old')).toMatchObject({ state: 'pending' });
    expect(alarms.has(GRANDCHAIN_RECONCILE_ALARM)).toBe(true);
  });
});

describe('matchRecords', () => {
  const t = (id: string, outBefore: number, createdAt: number) => ({
    ...sendOf(id, '9', 'sending', 0, String(outBefore)),
    createdAt,
  });

  it('never matches more sends than records, and each only to a record after its count', () => {
    expect(matchRecords(1, [], [t('a', 0, 1), t('b', 0, 2)]).map((x) => x.id)).toEqual(['a']);
    expect(matchRecords(2, [], [t('a', 0, 1), t('b', 0, 2)]).map((x) => x.id)).toEqual(['a', 'b']);
    // b counted the record a made: only a record after it would be b's.
    expect(matchRecords(1, [], [t('a', 0, 1), t('b', 1, 2)]).map((x) => x.id)).toEqual(['a']);
    expect(matchRecords(2, [], [t('a', 0, 1), t('b', 1, 2)]).map((x) => x.id)).toEqual(['a', 'b']);
    expect(matchRecords(2, [t('c', 1, 0)], [t('a', 0, 1), t('b', 1, 2)]).map((x) => x.id)).toEqual([
      'a',
    ]);
    expect(matchRecords(0, [], [t('a', 0, 1)])).toEqual([]);
  });
});
