import { readFile, rm } from 'node:fs/promises';
import { writeFileAtomic } from './atomic-file.js';
import { DESKTOP_ERROR_CODES, DesktopError } from './errors.js';

/** Where one API key lives. One interface; Electron encrypts, browser mode cannot. */
export interface SecretStore {
  /** 'encrypted' (Electron safeStorage) or 'plaintext-file' (browser mode: a 0600 file). */
  readonly kind: 'encrypted' | 'plaintext-file';
  read(): Promise<string | undefined>;
  write(secret: string): Promise<void>;
  remove(): Promise<void>;
}

/** Turns the secret into the bytes on disk and back. */
export interface SecretCodec {
  readonly kind: SecretStore['kind'];
  encode(secret: string): Buffer;
  decode(bytes: Buffer): string;
}

export const PLAINTEXT_CODEC: SecretCodec = {
  kind: 'plaintext-file',
  encode: (secret) => Buffer.from(secret, 'utf8'),
  decode: (bytes) => bytes.toString('utf8'),
};

/** The subset of Electron's `safeStorage` the store needs. */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

export function safeStorageCodec(safeStorage: SafeStorageLike): SecretCodec {
  return {
    kind: 'encrypted',
    encode: (secret) => {
      if (!safeStorage.isEncryptionAvailable()) {
        throw new DesktopError(DESKTOP_ERROR_CODES.SECRET_STORE, 'The operating system keychain is not available, so the key cannot be stored encrypted');
      }
      return safeStorage.encryptString(secret);
    },
    decode: (bytes) => safeStorage.decryptString(bytes),
  };
}

/** A secret in one file with mode 0600, written atomically (temp file, fsync, rename). */
export class FileSecretStore implements SecretStore {
  readonly kind: SecretStore['kind'];
  readonly #path: string;
  readonly #codec: SecretCodec;

  constructor(path: string, codec: SecretCodec) {
    if (typeof path !== 'string' || path.length === 0) {
      throw new TypeError(`secret file path must be a non-empty string, received ${String(path)}`);
    }
    this.#path = path;
    this.#codec = codec;
    this.kind = codec.kind;
  }

  async read(): Promise<string | undefined> {
    let bytes: Buffer;
    try {
      bytes = await readFile(this.#path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw new DesktopError(DESKTOP_ERROR_CODES.SECRET_STORE, 'Could not read the stored API key', { cause: error });
    }
    try {
      const secret = this.#codec.decode(bytes);
      return secret.length > 0 ? secret : undefined;
    } catch (error) {
      throw new DesktopError(DESKTOP_ERROR_CODES.SECRET_STORE, 'The stored API key could not be decrypted; enter it again in Settings', { cause: error });
    }
  }

  async write(secret: string): Promise<void> {
    const bytes = this.#codec.encode(secret);
    try {
      await writeFileAtomic(this.#path, bytes, 0o600);
    } catch (error) {
      throw new DesktopError(DESKTOP_ERROR_CODES.SECRET_STORE, 'Could not save the API key', { cause: error });
    }
  }

  async remove(): Promise<void> {
    await rm(this.#path, { force: true });
  }
}
