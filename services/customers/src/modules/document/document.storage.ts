import { randomUUID } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, realpath, rename, rm } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

/** Nothing is stored under the key (the file was lost outside Rapport). */
export class StoredFileMissing extends Error {
  constructor(readonly key: string) {
    super(`no stored file under ${key}`);
    this.name = 'StoredFileMissing';
  }
}

/**
 * Where documents' bytes live, by key. Keys are made by the service from ids (see storageKeyOf),
 * never from anything a client sent; an implementation still refuses keys that could leave its
 * own space.
 */
export interface DocumentStorage {
  /**
   * Stores `content` under `key`, whole or not at all: if the stream fails (too large, aborted,
   * the disk is full) nothing is left under the key or beside it. Resolves with the bytes stored.
   */
  put(key: string, content: Readable): Promise<{ sizeBytes: number }>;
  /** The stored bytes; StoredFileMissing when nothing is stored under `key`. */
  open(key: string): Promise<Readable>;
  /** Removes what is stored under `key`; nothing stored is not an error. */
  remove(key: string): Promise<void>;
}

/** Folders of lower-case letters, digits and dashes: no dots, so no `..`, no hidden or partial files. */
const KEY = /^[a-z0-9][a-z0-9-]{0,99}(\/[a-z0-9][a-z0-9-]{0,99}){0,3}$/;

/**
 * The default storage: files under `root` on the local disk. A file is written to a temporary
 * name beside its final one, flushed to disk, then renamed into place, so a reader never sees a
 * partial file and a crash leaves at most a `.part` file, never a half-written document.
 */
export class LocalDiskStorage implements DocumentStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = resolve(root);
  }

  /** The absolute path of `key`; throws unless the key is well-formed and stays below the root. */
  pathOf(key: string): string {
    if (!KEY.test(key)) throw new Error(`invalid storage key ${JSON.stringify(key.slice(0, 120))}`);
    const path = resolve(this.root, key);
    if (!path.startsWith(this.root + sep)) throw new Error(`storage key ${JSON.stringify(key)} leaves the storage root`);
    return path;
  }

  /** Throws unless the folder `path` lies in resolves, links followed, to a folder below the root. */
  private async assertInside(path: string, key: string): Promise<void> {
    const [folder, root] = await Promise.all([realpath(dirname(path)), realpath(this.root)]);
    if (folder !== root && !folder.startsWith(root + sep)) throw new Error(`storage key ${JSON.stringify(key)} leaves the storage root through a link`);
  }

  async put(key: string, content: Readable): Promise<{ sizeBytes: number }> {
    const path = this.pathOf(key);
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    await this.assertInside(path, key);
    const partial = `${path}.${randomUUID()}.part`;
    const file = createWriteStream(partial, { flags: 'wx', mode: 0o600, flush: true });
    try {
      await pipeline(content, file);
      await rename(partial, path);
      return { sizeBytes: file.bytesWritten };
    } catch (error) {
      // pipeline has destroyed both streams; the partial file goes.
      await rm(partial, { force: true });
      throw error;
    }
  }

  async open(key: string): Promise<Readable> {
    const path = this.pathOf(key);
    try {
      await this.assertInside(path, key);
      const handle = await open(path, 'r');
      return handle.createReadStream();
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new StoredFileMissing(key);
      throw error;
    }
  }

  async remove(key: string): Promise<void> {
    const path = this.pathOf(key);
    try {
      await this.assertInside(path, key);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    await rm(path, { force: true });
  }
}
