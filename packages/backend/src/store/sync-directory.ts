import { open } from 'node:fs/promises';

/** fsyncs a directory, so a rename or a new file in it survives a power loss. */
export async function syncDirectory(directory: string): Promise<void> {
  const handle = await open(directory, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
