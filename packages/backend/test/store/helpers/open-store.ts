import { openSqliteStore, type OpenedStore, type OpenStoreOptions } from '../../../src/store/index.js';
import { makeTempDir } from '../../helpers/temp-dir.js';

const opened: OpenedStore[] = [];

/** Opens a store (in a fresh temp dir unless one is given); closed by `closeStores()`. */
export async function openTestStore(options: Partial<OpenStoreOptions> = {}): Promise<OpenedStore & { dataDir: string }> {
  const dataDir = options.dataDir ?? (await makeTempDir('sentinel-store-'));
  const result = await openSqliteStore({ ...options, dataDir });
  opened.push(result);
  return { ...result, dataDir };
}

/** Closes every store opened by `openTestStore` (already-closed ones too). */
export async function closeStores(): Promise<void> {
  await Promise.all(opened.splice(0).map((entry) => entry.store.close()));
}
