import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import type { LibraryKind } from '@sentinel/backend/contract';
import type { Draft, WorkspaceBridge } from '../../../../shared/workspace-bridge.js';
import { toUiError, type UiError } from '../../bridge/ui-error.js';
import { parseYamlText, toYamlText } from '../../spec/yaml-text.js';
import { blankYaml } from './draft-keys.js';

/** Wait after the last keystroke before the draft is written and the backend checks it. */
export const DRAFT_DELAY_MS = 300;
export const VALIDATE_DELAY_MS = 500;

export type DraftState = 'clean' | 'pending' | 'saved' | 'failed';

export interface EditorDocument {
  readonly loading: boolean;
  readonly loadError: UiError | null;
  readonly text: string;
  readonly value: unknown;
  readonly parseError: UiError | null;
  readonly validation: UiError | null;
  readonly revision: string | null;
  readonly savedText: string | null;
  readonly draftState: DraftState;
  /** When a draft was restored on open: its time. */
  readonly restoredAt: string | null;
  /** Moves whenever the text changed other than by typing in the YAML tab (load, form edit, discard). */
  readonly externalVersion: number;
  setText(text: string): void;
  setValue(value: unknown): void;
  markSaved(text: string, revision: string): void;
  discardDraft(): void;
}

/** The editor's document: loaded from the library (or a draft), kept as YAML text, drafted as you type. */
export function useEditorDocument(bridge: WorkspaceBridge, kind: LibraryKind, id: string | null, draftKey: string): EditorDocument {
  const [externalVersion, setExternalVersion] = useState(0);
  const [state, setState] = useState({ loading: true, loadError: null as UiError | null, text: '', value: undefined as unknown, parseError: null as UiError | null, revision: null as string | null, savedText: null as string | null, restoredAt: null as string | null });
  const [validation, setValidation] = useState<UiError | null>(null);
  const [draftState, setDraftState] = useState<DraftState>('clean');
  const timers = useRef<{ draft?: number; validate?: number }>({});
  const checkGeneration = useRef(0);
  // Draft writes and clears go one after another, so a clear never overtakes a write in flight;
  // a write that lands after a save or a discard no longer changes the status.
  const draftQueue = useRef<Promise<unknown>>(Promise.resolve());
  const draftGeneration = useRef(0);
  /** The draft write waiting for its timer: done at once when the page goes away (reload, quit). */
  const pendingWrite = useRef<((now: boolean) => void) | null>(null);
  const enqueue = (operation: () => Promise<unknown>): Promise<unknown> => (draftQueue.current = draftQueue.current.then(operation, operation));

  const apply = useCallback((text: string, extra: Partial<typeof state> = {}) => {
    const parsed = parseYamlText(text);
    setState((current) => ({ ...current, ...extra, text, ...(parsed.ok ? { value: parsed.value, parseError: null } : { parseError: parsed.error }) }));
    return parsed.ok;
  }, []);

  useEffect(() => {
    let cancelled = false;
    (async () => {
      const saved = id ? await (kind === 'test' ? bridge.exportTest(id) : bridge.exportSuite(id)) : null;
      const draft = await bridge.loadDraft(draftKey).catch(() => null);
      if (cancelled) return;
      const useDraft = draft !== null && draft.yaml !== saved?.yaml;
      apply(useDraft ? draft.yaml : (saved?.yaml ?? blankYaml(kind)), { loading: false, loadError: null, revision: saved?.revision ?? draft?.revision ?? null, savedText: saved?.yaml ?? null, restoredAt: useDraft && saved ? draft.saved_at : null });
      if (useDraft) setDraftState('saved');
      setExternalVersion((version) => version + 1);
    })().catch((error: unknown) => !cancelled && setState((current) => ({ ...current, loading: false, loadError: toUiError(error) })));
    return () => {
      cancelled = true;
    };
  }, [bridge, kind, id, draftKey, apply]);

  const schedule = useCallback(
    (text: string, parsedOk: boolean, revision: string | null) => {
      window.clearTimeout(timers.current.draft);
      window.clearTimeout(timers.current.validate);
      setDraftState('pending');
      const generation = draftGeneration.current;
      const write = (now: boolean): void => {
        pendingWrite.current = null;
        const draft: Draft = { kind, id, revision, yaml: text, saved_at: new Date().toISOString() };
        const save = (): Promise<unknown> =>
          bridge.saveDraft(draftKey, draft).then(
            () => generation === draftGeneration.current && setDraftState('saved'),
            () => generation === draftGeneration.current && setDraftState('failed'),
          );
        if (!now) return void enqueue(save);
        // The page is going away: send it within this event, not from a later microtask.
        const sent = save();
        draftQueue.current = draftQueue.current.then(() => sent, () => sent);
      };
      pendingWrite.current = write;
      timers.current.draft = window.setTimeout(() => write(false), DRAFT_DELAY_MS);
      if (!parsedOk) return setValidation(null);
      const mine = ++checkGeneration.current;
      timers.current.validate = window.setTimeout(() => {
        bridge.validateDraft({ kind, yaml: text }).then(
          (verdict) => mine === checkGeneration.current && setValidation(verdict.valid ? null : toUiError(verdict.error)),
          () => undefined, // the check is advisory: a save reports the same problem
        );
      }, VALIDATE_DELAY_MS);
    },
    [bridge, kind, id, draftKey],
  );

  useEffect(() => {
    const flush = (): void => {
      if (!pendingWrite.current) return;
      window.clearTimeout(timers.current.draft);
      pendingWrite.current(true);
    };
    const hidden = (): void => {
      if (document.visibilityState === 'hidden') flush();
    };
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', hidden);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', hidden);
      window.clearTimeout(timers.current.validate);
    };
  }, []);

  return {
    ...state,
    validation,
    draftState,
    externalVersion,
    setText: (text) => schedule(text, apply(text), state.revision),
    setValue: (value) => {
      const text = toYamlText(value, state.text);
      setState((current) => ({ ...current, value, text, parseError: null }));
      setExternalVersion((version) => version + 1);
      schedule(text, true, state.revision);
    },
    markSaved: (text, revision) => {
      window.clearTimeout(timers.current.draft);
      pendingWrite.current = null;
      draftGeneration.current += 1;
      setState((current) => ({ ...current, savedText: text, revision, restoredAt: null }));
      setValidation(null);
      setDraftState('clean');
      void enqueue(() => bridge.clearDraft(draftKey)).catch(() => undefined);
    },
    discardDraft: () => {
      window.clearTimeout(timers.current.draft);
      pendingWrite.current = null;
      draftGeneration.current += 1;
      void enqueue(() => bridge.clearDraft(draftKey)).catch(() => undefined);
      setDraftState('clean');
      if (state.savedText !== null) apply(state.savedText, { restoredAt: null });
      setExternalVersion((version) => version + 1);
    },
  };
}
