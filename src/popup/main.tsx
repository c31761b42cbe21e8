import { render } from 'preact';
import '../ui/theme.css';
import './popup.css';
import { toCoinDockError } from '../core/errors';
import type { AsyncState } from '../ui/use-async';
import { Popup } from './popup';
import { readCachedState, type CachedState } from './cached-state';

// Read storage before the first render, so the first frame shows the stored portfolio (a render
// first and a read in an effect would paint an empty popup and then the data, a frame or more
// later). The read is a few milliseconds; the worker is not involved.
const cached: AsyncState<CachedState> = await readCachedState().then(
  (value) => ({ status: 'done', value }),
  (e: unknown) => ({ status: 'error', error: toCoinDockError(e) }),
);
render(<Popup cached={cached} />, document.getElementById('app')!);
