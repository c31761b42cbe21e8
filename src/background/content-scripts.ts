/**
 * The content script is registered dynamically for exactly the return / redirect URLs the user
 * configured (plus nothing else): re-registered when settings change and when the worker starts.
 * Registration needs host permission for those URLs; where it is missing the URL is skipped
 * (the options page asks for it when the user saves the URL).
 */
import browser from 'webextension-polyfill';
// Imports only the built file's name (crxjs `?script`), not content code.
// eslint-disable-next-line import-x/no-restricted-paths -- only the bundled file name
import contentScriptFile from '../content/return-capture.ts?script&iife';
import { returnUrlMatchPatterns, type Settings } from '../core/settings';
import { createSerialQueue } from '../core/queue';

const SCRIPT_ID = 'coindock-return-capture';

/**
 * The one way the worker registers the return-page script: one registration at a time, each with
 * the settings as stored when it starts. Registrations are asked for together: a Save asks the
 * browser for a return page's host and then writes the settings, and the grant is an event of its
 * own; two pages may save at once. Run side by side, one would unregister the script the other is
 * replacing (the browser refuses: no such script, or already registered) and fail that Save, or
 * finish last with the older settings and leave the new page without the script.
 */
export function createReturnCaptureSync(
  readSettings: () => Promise<Settings>,
): () => Promise<void> {
  const queue = createSerialQueue();
  return () => queue.run(async () => void (await registerReturnCapture(await readSettings())));
}

async function registerReturnCapture(settings: Settings): Promise<string[]> {
  const wanted = returnUrlMatchPatterns(settings);
  const allowed: string[] = [];
  for (const pattern of wanted) {
    if (await browser.permissions.contains({ origins: [pattern] })) allowed.push(pattern);
  }
  const existing = await chrome.scripting.getRegisteredContentScripts({ ids: [SCRIPT_ID] });
  if (existing.length) await chrome.scripting.unregisterContentScripts({ ids: [SCRIPT_ID] });
  if (allowed.length === 0) return [];
  await chrome.scripting.registerContentScripts([
    {
      id: SCRIPT_ID,
      js: [contentScriptFile],
      matches: allowed,
      runAt: 'document_idle',
      allFrames: false,
      // Registered anew by the worker at every start; persisting would leave stale URLs behind
      // if the settings changed while it was not running.
      persistAcrossSessions: false,
    },
  ]);
  return allowed;
}
