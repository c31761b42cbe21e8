/**
 * The open popup follows what the worker stores: the activity index (bumped by the worker after
 * every sync — one it was asked for, the periodic alarm's, the one a new connection starts) and
 * the transfers CoinDock started (rows of the list too). No polling: chrome.storage.onChanged.
 */
import { KEYS } from '../../core/storage-keys';

const WATCHED: ReadonlyArray<{ area: string; name: string }> = [
  KEYS.activityChanged,
  KEYS.transfers,
];

/** Call `onChange` whenever stored activity changed; returns the stop. */
export function followActivity(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>, area: string) => {
    if (WATCHED.some((k) => k.area === area && k.name in changes)) onChange();
  };
  chrome.storage.onChanged.addListener(listener);
  return () => chrome.storage.onChanged.removeListener(listener);
}
