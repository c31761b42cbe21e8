import { useEffect, useState } from 'preact/hooks';
import { languageLoaded, loadLanguage, type Lang } from '../core/i18n';

/**
 * The language a page can speak now: `wanted` once its strings are loaded (they load here when
 * they are not), until then the one it spoke before — never a page of bare keys.
 */
export function useShownLanguage(wanted: Lang): Lang {
  const [shown, setShown] = useState(wanted);
  useEffect(() => {
    let live = true;
    loadLanguage(wanted).then(
      () => live && setShown(wanted),
      (e: unknown) => console.error('CoinDock: could not load strings for', wanted, e),
    );
    return () => {
      live = false;
    };
  }, [wanted]);
  return languageLoaded(wanted) ? wanted : shown;
}
