import { useEffect, useState } from 'preact/hooks';
import type { LibraryKind } from '@sentinel/backend/contract';

/** Every place the workspace UI can show; kept in the URL's hash so a reload returns to it. */
export type Route =
  | { readonly view: 'library' }
  | { readonly view: 'suites' }
  /** `id` null: a new item, `draft` names its draft. */
  | { readonly view: 'editor'; readonly kind: LibraryKind; readonly id: string | null; readonly draft: string | null }
  | { readonly view: 'run'; readonly kind: LibraryKind | null; readonly id: string | null }
  | { readonly view: 'suite-run'; readonly id: string }
  | { readonly view: 'runs'; readonly query: Readonly<Record<string, string>> }
  | { readonly view: 'run-detail'; readonly id: string }
  | { readonly view: 'compare'; readonly of: 'runs' | 'suite-runs'; readonly base: string | null; readonly head: string | null }
  | { readonly view: 'trends' }
  | { readonly view: 'settings' }
  | { readonly view: 'logs' };

export type View = Route['view'];

function kindOf(text: string | undefined): LibraryKind | null {
  return text === 'test' || text === 'suite' ? text : null;
}

export function parseRoute(hash: string): Route {
  const [pathText = '', queryText = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = pathText.split('/').filter(Boolean).map(decodeURIComponent);
  const query = Object.fromEntries(new URLSearchParams(queryText));
  const [head, a, b, c] = parts;
  switch (head) {
    case 'suites':
      return { view: 'suites' };
    case 'editor': {
      const kind = kindOf(a) ?? 'test';
      return b === 'new' ? { view: 'editor', kind, id: null, draft: c ?? null } : { view: 'editor', kind, id: b ?? null, draft: null };
    }
    case 'run':
      return { view: 'run', kind: kindOf(a), id: b ?? null };
    case 'suite-run':
      return a ? { view: 'suite-run', id: a } : { view: 'run', kind: null, id: null };
    case 'runs':
      return a ? { view: 'run-detail', id: a } : { view: 'runs', query };
    case 'compare':
      return { view: 'compare', of: a === 'suite-runs' ? 'suite-runs' : 'runs', base: query.base ?? null, head: query.head ?? null };
    case 'trends':
    case 'settings':
    case 'logs':
      return { view: head };
    default:
      return { view: 'library' };
  }
}

function enc(text: string): string {
  return encodeURIComponent(text);
}

export function hrefOf(route: Route): string {
  switch (route.view) {
    case 'editor':
      return route.id ? `#/editor/${route.kind}/${enc(route.id)}` : `#/editor/${route.kind}/new/${enc(route.draft ?? '')}`;
    case 'run':
      return route.kind && route.id ? `#/run/${route.kind}/${enc(route.id)}` : '#/run';
    case 'suite-run':
      return `#/suite-run/${enc(route.id)}`;
    case 'runs': {
      const query = new URLSearchParams(route.query).toString();
      return query ? `#/runs?${query}` : '#/runs';
    }
    case 'run-detail':
      return `#/runs/${enc(route.id)}`;
    case 'compare': {
      const query = new URLSearchParams({ ...(route.base ? { base: route.base } : {}), ...(route.head ? { head: route.head } : {}) }).toString();
      return `#/compare/${route.of}${query ? `?${query}` : ''}`;
    }
    default:
      return `#/${route.view}`;
  }
}

export function navigate(route: Route): void {
  window.location.hash = hrefOf(route);
}

/** The current route, following hash changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(window.location.hash));
  useEffect(() => {
    const update = (): void => setRoute(parseRoute(window.location.hash));
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
