import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileSecretStore, PLAINTEXT_CODEC, safeStorageCodec, type SafeStorageLike } from '../src/host/secret-store.js';
import { maskApiKey } from '../src/host/mask.js';

/** Electron's safeStorage faked at the boundary: a reversible transform that is visibly not plaintext. */
function fakeSafeStorage(available = true): SafeStorageLike {
  return {
    isEncryptionAvailable: () => available,
    encryptString: (text) => Buffer.from(`enc:${Buffer.from(text).toString('base64')}`),
    decryptString: (bytes) => {
      const text = bytes.toString('utf8');
      if (!text.startsWith('enc:')) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return Buffer.from(text.slice(4), 'base64').toString('utf8');
    },
  };
}

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'sentinel-secret-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const KEY = 'sk-ant-api03-abcdefghijklmnop-1234';

describe.each([
  { name: 'plaintext file', codec: () => PLAINTEXT_CODEC, kind: 'plaintext-file' },
  { name: 'safeStorage', codec: () => safeStorageCodec(fakeSafeStorage()), kind: 'encrypted' },
])('FileSecretStore with $name', ({ codec, kind }) => {
  it('starts empty, stores with mode 0600, reads back and removes', async () => {
    const path = join(dir, 'nested', 'key');
    const store = new FileSecretStore(path, codec());
    expect(store.kind).toBe(kind);
    expect(await store.read()).toBeUndefined();
    await store.write(KEY);
    expect(await store.read()).toBe(KEY);
    expect((await stat(path)).mode & 0o777).toBe(0o600);
    await store.remove();
    expect(await store.read()).toBeUndefined();
    await store.remove(); // idempotent
  });
});

describe('safeStorage codec', () => {
  it('never writes the key in clear on disk', async () => {
    const path = join(dir, 'key.enc');
    await new FileSecretStore(path, safeStorageCodec(fakeSafeStorage())).write(KEY);
    expect((await readFile(path)).toString('utf8')).not.toContain(KEY);
  });

  it('refuses to store when the OS cannot encrypt, with a coded error', async () => {
    const store = new FileSecretStore(join(dir, 'key.enc'), safeStorageCodec(fakeSafeStorage(false)));
    await expect(store.write(KEY)).rejects.toMatchObject({ code: 'DESKTOP_ERR_SECRET_STORE' });
  });

  it('reports an undecryptable file as a coded error with its cause', async () => {
    const path = join(dir, 'key.enc');
    await writeFile(path, 'garbage');
    const error = await new FileSecretStore(path, safeStorageCodec(fakeSafeStorage())).read().catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'DESKTOP_ERR_SECRET_STORE' });
    expect((error as Error).cause).toBeInstanceOf(Error);
  });
});

describe('maskApiKey', () => {
  it('shows only a prefix and the last four characters', () => {
    expect(maskApiKey(KEY)).toBe('sk-ant-…1234');
    expect(maskApiKey('abcdefgh9876')).toBe('…9876');
  });
});

it('rejects an empty path with a TypeError naming the option', () => {
  expect(() => new FileSecretStore('', PLAINTEXT_CODEC)).toThrow(/secret file path.*received/);
});
