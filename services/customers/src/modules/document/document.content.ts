import { createHash } from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { AppError, badInput } from '@rapport/errors';

/** How the leading bytes of each accepted kind of file look. */
type Signature = 'pdf' | 'png' | 'jpeg' | 'gif' | 'webp' | 'zip' | 'office-zip' | 'text';

/** The media types a document may have, and the signature its leading bytes must show. */
export const DOCUMENT_CONTENT_TYPES = {
  'application/pdf': 'pdf',
  'image/png': 'png',
  'image/jpeg': 'jpeg',
  'image/gif': 'gif',
  'image/webp': 'webp',
  'text/plain': 'text',
  'text/csv': 'text',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'office-zip',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'office-zip',
  'application/vnd.openxmlformats-officedocument.presentationml.presentation': 'office-zip',
  'application/vnd.oasis.opendocument.text': 'office-zip',
  'application/vnd.oasis.opendocument.spreadsheet': 'office-zip',
  'application/zip': 'zip',
} as const satisfies Record<string, Signature>;
export type DocumentContentType = keyof typeof DOCUMENT_CONTENT_TYPES;

/** How many leading bytes are looked at: enough for every signature, and for the text check. */
export const HEAD_BYTES = 4096;

/** HTTP statuses for the upload errors that have their own (the rest follow the error's category). */
export const UPLOAD_ERROR_STATUS: Record<string, number> = { FILE_TOO_LARGE: 413, UNSUPPORTED_MEDIA_TYPE: 415, CONTENT_MISMATCH: 415 };

export const fileTooLarge = (maxBytes: number): AppError =>
  new AppError('BAD_USER_INPUT', 'FILE_TOO_LARGE', `the file is larger than the ${maxBytes} bytes a document may have`, { field: 'file', details: { maxBytes } });

export const emptyFile = (): AppError => badInput('file', 'the file is empty', 'EMPTY_FILE');

/** The declared media type (parameters dropped), if it is one a document may have; 415 otherwise. */
export function requireContentType(header: string | undefined): DocumentContentType {
  const type = (header ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
  if (!(type in DOCUMENT_CONTENT_TYPES)) {
    throw new AppError(
      'BAD_USER_INPUT',
      'UNSUPPORTED_MEDIA_TYPE',
      type
        ? `contentType ${type} is not accepted for documents; accepted: ${Object.keys(DOCUMENT_CONTENT_TYPES).join(', ')}`
        : 'contentType is required: send the file with its Content-Type',
      { field: 'contentType' },
    );
  }
  return type as DocumentContentType;
}

const startsWith = (head: Buffer, bytes: readonly number[], at = 0): boolean => head.length >= at + bytes.length && bytes.every((b, i) => head[at + i] === b);
const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/**
 * Whether `head` — the file's first HEAD_BYTES bytes, or all of a shorter file — looks like
 * `type`: the magic number of binary formats (Office and OpenDocument files are ZIP archives),
 * and no NUL byte in text.
 */
export function matchesSignature(type: DocumentContentType, head: Buffer): boolean {
  switch (DOCUMENT_CONTENT_TYPES[type]) {
    case 'pdf':
      return startsWith(head, ascii('%PDF-'));
    case 'png':
      return startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    case 'jpeg':
      return startsWith(head, [0xff, 0xd8, 0xff]);
    case 'gif':
      return startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'));
    case 'webp':
      return startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8);
    case 'office-zip':
      return startsWith(head, [0x50, 0x4b, 0x03, 0x04]);
    case 'zip':
      // A local file header, or the end record of an empty archive.
      return startsWith(head, [0x50, 0x4b, 0x03, 0x04]) || startsWith(head, [0x50, 0x4b, 0x05, 0x06]);
    case 'text':
      return !head.includes(0);
  }
}

// Control characters, zero-width and bidirectional overrides (which can disguise an extension), BOM.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/g;
const RESERVED = /[<>:"|?*]/g;
export const MAX_FILE_NAME = 255;

/**
 * The file name as stored and offered on download: its last path segment only, without invisible
 * characters, characters file systems reserve, or leading and trailing dots and spaces. It is
 * never used to build a path. BAD_USER_INPUT naming `field` when nothing is left or it is too long.
 */
export function safeFileName(field: string, raw: string | null | undefined): string {
  if (raw === null || raw === undefined || raw.trim() === '') throw badInput(field, `${field} is required`, 'REQUIRED');
  const last = raw.normalize('NFC').replace(INVISIBLE, '').split(/[\\/]/).pop() ?? '';
  const name = last.replace(RESERVED, '_').replace(/^[\s.]+|[\s.]+$/g, '');
  if (name.length === 0) throw badInput(field, `${field} must name a file, e.g. quotation.pdf`, 'INVALID_FILE_NAME');
  if (name.length > MAX_FILE_NAME) throw badInput(field, `${field} must be at most ${MAX_FILE_NAME} characters`, 'TOO_LONG');
  return name;
}

/** `Content-Disposition` offering `fileName` for download: an ASCII fallback and the UTF-8 name (RFC 6266). */
export function contentDisposition(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]|["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/**
 * Passes an upload through on its way to storage, learning its size and SHA-256 as it streams.
 * Fails the stream as soon as it grows past `maxBytes` (FILE_TOO_LARGE) or its leading bytes do
 * not match the declared type (CONTENT_MISMATCH), and at the end when it was empty (EMPTY_FILE).
 */
export class UploadInspector extends Transform {
  private size = 0;
  private readonly hash = createHash('sha256');
  private head: Buffer[] = [];
  private headLength = 0;
  private checked = false;
  private sha256: string | null = null;

  constructor(
    private readonly contentType: DocumentContentType,
    private readonly maxBytes: number,
  ) {
    super();
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, callback: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.maxBytes) return callback(fileTooLarge(this.maxBytes));
    this.hash.update(chunk);
    if (!this.checked) {
      this.head.push(chunk);
      this.headLength += chunk.length;
      if (this.headLength >= HEAD_BYTES) {
        const error = this.check();
        if (error) return callback(error);
      }
    }
    callback(null, chunk);
  }

  override _flush(callback: TransformCallback): void {
    if (this.size === 0) return callback(emptyFile());
    const error = this.checked ? null : this.check();
    if (error) return callback(error);
    this.sha256 = this.hash.digest('hex');
    callback();
  }

  private check(): AppError | null {
    this.checked = true;
    const head = Buffer.concat(this.head).subarray(0, HEAD_BYTES);
    this.head = [];
    if (matchesSignature(this.contentType, head)) return null;
    return new AppError('BAD_USER_INPUT', 'CONTENT_MISMATCH', `the file's content is not ${this.contentType}`, { field: 'contentType' });
  }

  /** Size and SHA-256 of everything that passed; only once the stream has ended whole. */
  result(): { sizeBytes: number; sha256: string } {
    if (this.sha256 === null) throw new Error('the upload has not been read to its end');
    return { sizeBytes: this.size, sha256: this.sha256 };
  }
}
