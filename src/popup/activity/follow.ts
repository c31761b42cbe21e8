/**
 * The open popup follows what the worker stores: the activity index (bumped by the worker after
 * every sync — one it was asked for, the periodic alarm's, the one a new connection starts) and
 * the transfers CoinDock started (rows of the list too). No polling: chrome.storage.onChanged.
 */
import { KEYS } from '../../core/storage-keys';
import { onKeysChanged } from '../../ext/storage';

/** Call `onChange` whenever stored activity changed; returns the stop. */
export function followActivity(onChange: () => void): () => void {
  return onKeysChanged([KEYS.activityChanged, KEYS.transfers], () => onChange());
}
