/**
 * Keep `storage.session` (where the unlocked vault's key lives) out of content scripts' reach.
 *
 * Chrome lets an extension open the session area to content scripts with `setAccessLevel`; the
 * worker sets it to trusted contexts explicitly so no default can change that. Firefox has no
 * `setAccessLevel` and never exposes the session area to content scripts, so there is nothing to
 * set there (docs/firefox.md, "Session storage"). Decided by what the browser offers, not by its
 * name.
 */
export async function keepSessionFromContentScripts(): Promise<void> {
  const session: Partial<Pick<chrome.storage.SessionStorageArea, 'setAccessLevel'>> =
    chrome.storage.session;
  if (typeof session.setAccessLevel === 'function') {
    await session.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  }
}
