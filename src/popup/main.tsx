import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { toCoinDockError } from '../core/errors';
import { loadLanguage, resolveLanguage } from '../core/i18n';
import type { AsyncState } from '../ui/use-async';
import { Popup } from './popup';
import { readCachedState, type CachedState } from './cached-state';
import { nextFrame, removeSnapshotView, snapshotShown } from '../ui/popup-snapshot';

// Read storage before the first render, so the first frame shows the stored portfolio (a render
// first and a read in an effect would paint an empty popup and then the data, a frame or more
// later). The read is a few milliseconds; the worker is not involved.
const reading = readCachedState().then(
  (value): AsyncState<CachedState> => ({ status: 'done', value }),
  (e: unknown): AsyncState<CachedState> => ({ status: 'error', error: toCoinDockError(e) }),
);
const app = document.getElementById('app')!;
// With the snapshot on screen, let it reach the screen before the render takes the main thread.
const painted = snapshotShown(app) ? nextFrame() : undefined;
// Only the language shown is loaded. While storage is read, load the likely one: the snapshot's
// (the last one shown), else the browser's; the stored setting decides before the render.
const likely = snapshotShown(app)
  ? document.documentElement.lang === 'zh-CN'
    ? 'zh-CN'
    : 'en'
  : resolveLanguage('auto', navigator.language);
const [cached] = await Promise.all([reading, painted, loadLanguage(likely)]);
await loadLanguage(
  resolveLanguage(
    cached.status === 'done' ? cached.value.settings.language : 'auto',
    navigator.language,
  ),
);
// The snapshot goes in the same task as the first render: no frame shows an empty popup.
removeSnapshotView(app);
render(<Popup cached={cached} />, app);
