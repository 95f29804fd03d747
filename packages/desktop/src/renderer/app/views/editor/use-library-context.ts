import { useEffect, useState } from 'preact/hooks';
import type { LibraryKind, StoredTest } from '@sentinel/backend/contract';
import { useApp } from '../../shell/context.js';

/** What the form offers besides the document: the known model ids, and (for a suite) the library's tests. */
export function useLibraryContext(kind: LibraryKind): { models: readonly string[]; tests: readonly StoredTest[] } {
  const { bridge } = useApp();
  const [models, setModels] = useState<readonly string[]>([]);
  const [tests, setTests] = useState<readonly StoredTest[]>([]);
  useEffect(() => {
    bridge.listProviders().then(
      (providers) => setModels(providers.flatMap((provider) => provider.models.map((info) => info.id))),
      () => undefined, // hints only
    );
    if (kind === 'suite') bridge.listTests().then((listing) => setTests(listing.tests), () => undefined);
  }, [bridge, kind]);
  return { models, tests };
}
