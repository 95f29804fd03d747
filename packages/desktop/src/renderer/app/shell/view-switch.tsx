import { useMemo } from 'preact/hooks';
import type { LogEntry } from '../../../shared/types.js';
import { logsView } from '../../views/logs.js';
import { DomNode } from '../components/dom-node.js';
import { CompareView } from '../views/compare/compare-view.js';
import { EditorView } from '../views/editor/editor-view.js';
import { LibraryView } from '../views/library/library-view.js';
import { RunView } from '../views/run/run-view.js';
import { SuiteRunView } from '../views/run/suite-run-view.js';
import { RunDetailView } from '../views/runs/run-detail-view.js';
import { RunsView } from '../views/runs/runs-view.js';
import { SettingsView } from '../views/settings/settings-view.js';
import { TrendsView } from '../views/trends/trends-view.js';
import type { Route } from './routes.js';

/** The view of the current route. */
export function ViewSwitch({ route, logs }: { route: Route; logs: readonly LogEntry[] }) {
  const logsNode = useMemo(() => (route.view === 'logs' ? logsView(logs) : null), [route.view, logs]);
  switch (route.view) {
    case 'library':
      return <LibraryView />;
    case 'suites':
      return <LibraryView only="suite" />;
    case 'editor':
      return <EditorView key={`${route.kind}:${route.id ?? ''}:${route.draft ?? ''}`} kind={route.kind} id={route.id} draft={route.draft} />;
    case 'run':
      return <RunView key={`${route.kind ?? ''}:${route.id ?? ''}`} kind={route.kind} id={route.id} />;
    case 'suite-run':
      return <SuiteRunView key={route.id} id={route.id} />;
    case 'runs':
      return <RunsView query={route.query} />;
    case 'run-detail':
      return <RunDetailView id={route.id} />;
    case 'compare':
      return <CompareView of={route.of} base={route.base} head={route.head} />;
    case 'trends':
      return <TrendsView />;
    case 'settings':
      return <SettingsView />;
    case 'logs':
      return <DomNode node={logsNode as Node} />;
  }
}
