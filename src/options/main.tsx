import { render } from 'preact';
import '../ui/theme.css';
import './options.css';
import { Options } from './options';
import { clearSnapshot } from '../ui/popup-snapshot';
import { KEYS } from '../core/storage-keys';
import { addStrings, loadLanguage, resolveLanguage } from '../core/i18n';

// The popup's paint-first snapshot shows the portfolio as it was, in the language and
// environments of then. When settings or the vault change (a save here, an import, a reset,
// "forget everything"), it goes, and the next popup paints from storage instead. Account changes
// need no such care: the popup re-takes the snapshot whenever it renders new account data.
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && (KEYS.settings.name in changes || KEYS.vault.name in changes)) {
    clearSnapshot();
  }
});

// The page's own strings (sections, guided setup) live outside the shared table the popup loads.
addStrings((lang) =>
  lang === 'zh-CN'
    ? import('../core/i18n/options-zh').then((m) => m.optionsZh)
    : import('../core/i18n/options-en').then((m) => m.optionsEn),
);
// The browser's language is the page's until its settings say otherwise (options.tsx loads
// another when they do).
await loadLanguage(resolveLanguage('auto', navigator.language));
render(<Options />, document.getElementById('app')!);
