import { mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { text } from 'node:stream/consumers';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LocalDiskStorage, StoredFileMissing } from './document.storage.js';

let root: string;
let outside: string;
let storage: LocalDiskStorage;

/** Every file below `dir`, relative, sorted. */
const filesBelow = async (dir: string): Promise<string[]> =>
  (await readdir(dir, { recursive: true, withFileTypes: true }))
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();

beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'rapport-storage-test-'));
  outside = await mkdtemp(join(tmpdir(), 'rapport-storage-outside-'));
  storage = new LocalDiskStorage(root);
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

describe('LocalDiskStorage', () => {
  it('stores a stream under its key, reads it back and removes it', async () => {
    const put = await storage.put('ab/abcdef', Readable.from([Buffer.from('hello '), Buffer.from('world')]));
    expect(put).toEqual({ sizeBytes: 11 });
    expect(await filesBelow(root)).toEqual(['ab/abcdef']);
    expect(await text(await storage.open('ab/abcdef'))).toBe('hello world');
    await storage.remove('ab/abcdef');
    expect(await filesBelow(root)).toEqual([]);
    await expect(storage.remove('ab/abcdef')).resolves.toBeUndefined();
  });

  it('leaves nothing behind when the stream fails part-way', async () => {
    let sent = 0;
    const failing = new Transform({
      transform(chunk: Buffer, _enc, callback) {
        sent += chunk.length;
        callback(sent > 10 ? new Error('too much') : null, chunk);
      },
    });
    Readable.from([Buffer.alloc(8, 1), Buffer.alloc(8, 2)]).pipe(failing);
    await expect(storage.put('ab/partial', failing)).rejects.toThrow('too much');
    expect(await filesBelow(root)).toEqual([]);
    await expect(storage.open('ab/partial')).rejects.toBeInstanceOf(StoredFileMissing);
  });

  it('answers StoredFileMissing for a key with nothing stored', async () => {
    await expect(storage.open('cd/nothing-here')).rejects.toBeInstanceOf(StoredFileMissing);
  });

  it.each([
    '../escape',
    'ab/../../escape',
    '/etc/passwd',
    'ab/./x',
    '..',
    '.hidden',
    'ab\\..\\escape',
    'ab//x',
    'ab/x.part',
    'AB/Upper',
    'ab/x%2f..%2f..',
    '',
    'a/b/c/d/e',
    'ab/\u0000x',
  ])('refuses the key %j on every operation', async (key) => {
    await expect(storage.put(key, Readable.from([Buffer.from('x')]))).rejects.toThrow(/storage key/);
    await expect(storage.open(key)).rejects.toThrow(/storage key/);
    await expect(storage.remove(key)).rejects.toThrow(/storage key/);
    expect(await filesBelow(root)).toEqual([]);
    expect(await filesBelow(outside)).toEqual([]);
  });

  it('does not store, read or remove through a link inside its root that points outside', async () => {
    await writeFile(join(outside, 'secret'), 'secret');
    await symlink(outside, join(root, 'zz'));
    await expect(storage.open('zz/secret')).rejects.toThrow(/through a link/);
    await expect(storage.remove('zz/secret')).rejects.toThrow(/through a link/);
    await expect(storage.put('zz/planted', Readable.from([Buffer.from('x')]))).rejects.toThrow(/through a link/);
    expect(await readFile(join(outside, 'secret'), 'utf8')).toBe('secret');
    expect(await filesBelow(outside)).toEqual(['secret']);
  });
});
