import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { toUiError, type UiError } from '../bridge/ui-error.js';

export type Loaded<T> =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly value: T }
  | { readonly state: 'error'; readonly error: UiError };

/**
 * Load something from the bridge when `deps` change; `reload()` loads it again. An answer that
 * arrives after a newer load started is dropped, so a slow call never overwrites a newer one.
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> & { reload: () => void; set: (value: T) => void } {
  const [loaded, setLoaded] = useState<Loaded<T>>({ state: 'loading' });
  const generation = useRef(0);
  const latest = useRef(load);
  latest.current = load;
  const run = useCallback(() => {
    const mine = ++generation.current;
    setLoaded({ state: 'loading' });
    latest.current().then(
      (value) => mine === generation.current && setLoaded({ state: 'ready', value }),
      (error: unknown) => mine === generation.current && setLoaded({ state: 'error', error: toUiError(error) }),
    );
  }, []);
  useEffect(run, deps);
  return { ...loaded, reload: run, set: (value: T) => setLoaded({ state: 'ready', value }) };
}
