import { hrefOf, type Route, type View } from './routes.js';

const ITEMS: readonly { label: string; route: Route; views: readonly View[] }[] = [
  { label: 'Library', route: { view: 'library' }, views: ['library', 'editor'] },
  { label: 'Suites', route: { view: 'suites' }, views: ['suites'] },
  { label: 'Run', route: { view: 'run', kind: null, id: null }, views: ['run', 'suite-run'] },
  { label: 'Runs', route: { view: 'runs', query: {} }, views: ['runs', 'run-detail'] },
  { label: 'Compare', route: { view: 'compare', of: 'runs', base: null, head: null }, views: ['compare'] },
  { label: 'Trends', route: { view: 'trends' }, views: ['trends'] },
  { label: 'Settings', route: { view: 'settings' }, views: ['settings'] },
  { label: 'Logs', route: { view: 'logs' }, views: ['logs'] },
];

export function Nav({ current }: { current: View }) {
  return (
    <nav class="tabs" aria-label="Sections">
      {ITEMS.map((item) => (
        <a key={item.label} class="tab" href={hrefOf(item.route)} aria-current={item.views.includes(current) ? 'page' : undefined}>
          {item.label}
        </a>
      ))}
    </nav>
  );
}
