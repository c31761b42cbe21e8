// @ts-check
// The popup's first paint: the portfolio as it was last shown, before any module has loaded.
// Loaded first and async from the popup's <head>, so neither the stylesheets nor the modules hold
// it up; it puts the snapshot into #app as soon as the parser has made #app (here, or when parsing
// ends). src/ui/popup-snapshot.ts writes what it reads (the key is POPUP_SNAPSHOT_KEY in
// src/core/storage-keys.ts) and main.tsx replaces it with the live popup. It must stay tiny and
// must never throw.
(function () {
  try {
    var raw = localStorage.getItem('coindock.popupSnapshot.v1');
    if (!raw) return;
    var snapshot = JSON.parse(raw);
    if (typeof snapshot.html !== 'string' || typeof snapshot.lang !== 'string') return;
    var show = function () {
      var app = document.getElementById('app');
      // Only into an empty #app: once the live popup has rendered, it is too late.
      if (!app || app.firstChild) return;
      document.documentElement.lang = snapshot.lang;
      app.innerHTML = snapshot.html;
      var main = app.firstElementChild;
      if (!main) return;
      // A picture until the popup is live: not focusable, not clickable, announced as loading.
      main.setAttribute('inert', '');
      main.setAttribute('aria-busy', 'true');
      main.setAttribute('data-snapshot', '');
      // For bench/popup-paint.ts (and anyone profiling): when the snapshot went in, with how
      // many account identities.
      performance.mark('coindock:snapshot-shown', {
        detail: { identities: main.querySelectorAll('[data-testid=identity]').length },
      });
    };
    if (document.getElementById('app')) show();
    else document.addEventListener('readystatechange', show, { once: true });
  } catch {
    // No snapshot then: the popup paints when its modules have loaded.
  }
})();
