import { render } from 'preact';
import '../ui/theme.css';
import './options.css';
import { Options } from './options';
import { addStrings, loadLanguage, resolveLanguage } from '../core/i18n';

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
