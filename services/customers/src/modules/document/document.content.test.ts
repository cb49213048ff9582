import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { createHash } from 'node:crypto';
import { thrownAppError } from '@rapport/errors';
import { describe, expect, it } from 'vitest';
import { contentDisposition, HEAD_BYTES, matchesSignature, requireContentType, safeFileName, UploadInspector, type DocumentContentType } from './document.content.js';

const PDF = Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
const ZIP = Buffer.from([0x50, 0x4b, 0x03, 0x04, 20, 0, 0, 0]);

describe('document content rules', () => {
  it('accepts the allowlisted types, parameters and case aside, and refuses others naming contentType', () => {
    expect(requireContentType('Application/PDF; name=x')).toBe('application/pdf');
    expect(requireContentType('text/csv; charset=utf-8')).toBe('text/csv');
    expect(thrownAppError(() => requireContentType('application/x-msdownload'))).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', field: 'contentType' });
    expect(thrownAppError(() => requireContentType('text/html'))).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', field: 'contentType' });
    expect(thrownAppError(() => requireContentType(undefined))).toMatchObject({ code: 'UNSUPPORTED_MEDIA_TYPE', field: 'contentType' });
  });

  it.each<[DocumentContentType, Buffer, boolean]>([
    ['application/pdf', PDF, true],
    ['application/pdf', PNG, false],
    ['image/png', PNG, true],
    ['image/png', PNG.subarray(0, 5), false],
    ['image/jpeg', Buffer.from([0xff, 0xd8, 0xff, 0xe0]), true],
    ['image/jpeg', PDF, false],
    ['image/gif', Buffer.from('GIF89a...'), true],
    ['image/webp', Buffer.from('RIFF\x10\x00\x00\x00WEBPVP8 '), true],
    ['image/webp', Buffer.from('RIFF\x10\x00\x00\x00WAVEfmt '), false],
    ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', ZIP, true],
    ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', PDF, false],
    ['application/zip', Buffer.from([0x50, 0x4b, 0x05, 0x06]), true],
    ['text/plain', Buffer.from('Dear customer,\nplease find…'), true],
    ['text/csv', Buffer.from('a,b\n1,\u00002\n'), false],
  ])('%s with leading bytes %#: %s', (type, head, ok) => {
    expect(matchesSignature(type, head)).toBe(ok);
  });

  it.each([
    ['offer.pdf', 'offer.pdf'],
    ['../../etc/passwd', 'passwd'],
    ['C:\\Users\\ann\\Quote 2026.pdf', 'Quote 2026.pdf'],
    ['..\\..\\boot.ini', 'boot.ini'],
    ['  .hidden.pdf. ', 'hidden.pdf'],
    ['in\u0000voice\u202Efdp.exe', 'invoicefdp.exe'],
    ['what?:*"<>|.pdf', 'what_______.pdf'],
    ['Angebot Müller.pdf', 'Angebot Müller.pdf'],
  ])('makes the file name %j safe: %j', (raw, safe) => {
    expect(safeFileName('fileName', raw)).toBe(safe);
  });

  it.each(['', '   ', '..', '/', 'a/', '\u202E'])('refuses the file name %j naming the field', (raw) => {
    expect(thrownAppError(() => safeFileName('fileName', raw))).toMatchObject({ field: 'fileName' });
  });

  it('refuses a file name over 255 characters', () => {
    expect(thrownAppError(() => safeFileName('input.fileName', `${'a'.repeat(252)}.pdf`))).toMatchObject({ code: 'TOO_LONG', field: 'input.fileName' });
  });

  it('offers the file under an ASCII fallback and its UTF-8 name', () => {
    expect(contentDisposition('Angebot "Müller" 100%.pdf')).toBe(`attachment; filename="Angebot _M_ller_ 100_.pdf"; filename*=UTF-8''Angebot%20%22M%C3%BCller%22%20100%25.pdf`);
  });
});

describe('UploadInspector', () => {
  const run = (type: DocumentContentType, max: number, chunks: Buffer[]) => {
    const inspector = new UploadInspector(type, max);
    return { inspector, done: buffer(Readable.from(chunks).pipe(inspector)) };
  };

  it('passes the bytes through and learns their size and SHA-256', async () => {
    const body = Buffer.concat([PDF, Buffer.alloc(HEAD_BYTES * 3, 7)]);
    const { inspector, done } = run('application/pdf', body.length, [body.subarray(0, 3), body.subarray(3, 5000), body.subarray(5000)]);
    expect((await done).equals(body)).toBe(true);
    expect(inspector.result()).toEqual({ sizeBytes: body.length, sha256: createHash('sha256').update(body).digest('hex') });
  });

  it('fails as soon as the stream passes the limit', async () => {
    const { done } = run('text/plain', 10, [Buffer.from('12345'), Buffer.from('67890'), Buffer.from('1')]);
    await expect(done).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', field: 'file' });
  });

  it('fails on leading bytes that are not the declared type, and on an empty file', async () => {
    await expect(run('application/pdf', 1000, [PNG]).done).rejects.toMatchObject({ code: 'CONTENT_MISMATCH', field: 'contentType' });
    await expect(run('application/pdf', 1e6, [PNG, Buffer.alloc(HEAD_BYTES)]).done).rejects.toMatchObject({ code: 'CONTENT_MISMATCH' });
    await expect(run('text/plain', 1000, []).done).rejects.toMatchObject({ code: 'EMPTY_FILE', field: 'file' });
  });
});
