import { useEffect, useState } from 'preact/hooks';
import { toCoinDockError, type CoinDockError } from '../core/errors';

export type AsyncState<T> =
  { status: 'loading' } | { status: 'done'; value: T } | { status: 'error'; error: CoinDockError };

/** Run an async loader on mount (and when deps change); errors arrive typed. */
export function useAsync<T>(load: () => Promise<T>, deps: unknown[] = []): AsyncState<T> {
  const [state, setState] = useState<AsyncState<T>>({ status: 'loading' });
  useEffect(() => {
    let live = true;
    load().then(
      (value) => live && setState({ status: 'done', value }),
      (e: unknown) => live && setState({ status: 'error', error: toCoinDockError(e) }),
    );
    return () => {
      live = false;
    };
  }, deps);
  return state;
}
