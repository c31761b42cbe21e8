import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { toCoinDockError } from '../core/errors';
import { loadLanguage } from '../core/i18n';
import type { AsyncState } from '../ui/use-async';
import { Popup } from './popup';
import { popupLanguage, readCachedState, type CachedState } from './cached-state';
import { nextFrame, removeSnapshotView, snapshotShown } from '../ui/popup-snapshot';

// Read storage before the first render, so the first frame shows the stored portfolio (a render
// first and a read in an effect would paint an empty popup and then the data, a frame or more
// later). The read is a few milliseconds; the worker is not involved.
const reading = readCachedState().then(
  (value): AsyncState<CachedState> => ({ status: 'done', value }),
  (e: unknown): AsyncState<CachedState> => ({ status: 'error', error: toCoinDockError(e) }),
);
const app = document.getElementById('app')!;
const shown = snapshotShown(app);
// With the snapshot on screen, let it reach the screen before the render takes the main thread.
const painted = shown ? nextFrame() : undefined;
// Only the language shown is loaded. While storage is read, load the likely one: the snapshot's
// (the last one shown), else the browser's; the stored setting decides before the render.
const snapshotLang = document.documentElement.lang === 'zh-CN' ? 'zh-CN' : 'en';
const likely = shown ? snapshotLang : popupLanguage(undefined);
const [cached] = await Promise.all([reading, painted, loadLanguage(likely)]);
await loadLanguage(popupLanguage(cached.status === 'done' ? cached.value : undefined));
// The snapshot goes in the same task as the first render: no frame shows an empty popup.
removeSnapshotView(app);
render(<Popup cached={cached} />, app);
