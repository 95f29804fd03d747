import { useEffect, useRef } from 'preact/hooks';

/** The keyboard shortcuts: Ctrl/Cmd+Enter run, Ctrl/Cmd+S save, Ctrl/Cmd+K search. */
export type ShortcutAction = 'run' | 'save' | 'search';

const KEYS: Readonly<Record<string, ShortcutAction>> = { enter: 'run', s: 'save', k: 'search' };

/** The handlers of the views on screen, newest last: the innermost view wins. */
const stacks: Record<ShortcutAction, (() => void)[]> = { run: [], save: [], search: [] };

/** While the calling component is mounted, `action` runs `handler`. */
export function useShortcut(action: ShortcutAction, handler: () => void): void {
  const latest = useRef(handler);
  latest.current = handler;
  useEffect(() => {
    const entry = (): void => latest.current();
    stacks[action].push(entry);
    return () => {
      stacks[action] = stacks[action].filter((item) => item !== entry);
    };
  }, [action]);
}

/**
 * Listen for the shortcuts on the whole window, in the capture phase so they also work inside the
 * YAML editor (which binds Mod-Enter itself). `fallback` handles an action no view claimed.
 */
export function installShortcuts(fallback: Partial<Record<ShortcutAction, () => void>>): () => void {
  const onKey = (event: KeyboardEvent): void => {
    if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return;
    const action = KEYS[event.key.toLowerCase()];
    if (!action) return;
    const handler = stacks[action].at(-1) ?? fallback[action];
    if (!handler) return;
    event.preventDefault();
    event.stopPropagation();
    handler();
  };
  window.addEventListener('keydown', onKey, { capture: true });
  return () => window.removeEventListener('keydown', onKey, { capture: true });
}

/** Set when Ctrl+K was pressed on a view without a search box: the Library focuses its box once it opens. */
let searchRequested = false;

export function requestSearch(): void {
  searchRequested = true;
}

/** True once after `requestSearch`. */
export function takeSearchRequest(): boolean {
  const requested = searchRequested;
  searchRequested = false;
  return requested;
}
