// @ts-check
/* global chrome */
// The popup's paint-first snapshot, shown before any module loads: see src/ui/popup-snapshot.ts.
// Plain JS (no build step): keep it tiny, and it must never throw.
(function () {
  try {
    var raw = localStorage.getItem('coindock.popupSnapshot.v1');
    if (!raw) return;
    var snapshot = JSON.parse(raw);
    if (typeof snapshot.html != 'string' || typeof snapshot.lang != 'string') return;
    // Markup of another version of CoinDock may not fit this one's styles.
    if (snapshot.version !== chrome.runtime.getManifest().version) return;
    var show = function () {
      var app = document.getElementById('app');
      if (!app || app.firstChild) return;
      document.documentElement.lang = snapshot.lang;
      // Parsed inert (no script runs, no resource loads in a DOMParser document) and moved in:
      // stored markup never goes through innerHTML, which add-on review flags (docs/firefox.md).
      var parsed = new DOMParser().parseFromString(snapshot.html, 'text/html');
      app.replaceChildren.apply(app, Array.prototype.slice.call(parsed.body.childNodes));
      var main = app.firstElementChild;
      if (!main) return;
      main.setAttribute('inert', '');
      main.setAttribute('aria-busy', 'true');
      main.setAttribute('data-snapshot', '');
      performance.mark('coindock:snapshot-shown', {
        detail: { identities: main.querySelectorAll('[data-testid=identity]').length },
      });
    };
    if (document.getElementById('app')) show();
    else document.addEventListener('readystatechange', show, { once: true });
  } catch {
    // No snapshot then.
  }
})();
