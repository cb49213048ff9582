import type { IncomingMessage, ServerResponse } from 'node:http';
import { BodyTooLarge, discardBody, readBody, type HttpHandler, type Logger } from '@rapport/subgraph-kit';

/** Where a website's contact form posts: a plain HTML form works, no JavaScript and no token needed. */
export const LEAD_FORM_PATH = '/forms/lead';

/** The form fields taken (others are ignored); `website` is the hidden honeypot. */
const FIELDS = ['name', 'company', 'email', 'phone', 'message', 'website'] as const;
/** A form submission is small; anything bigger is refused unread. */
const MAX_FORM_BYTES = 16 * 1024;

interface FormError {
  message: string;
  extensions?: { code?: unknown; reason?: unknown; field?: unknown };
}

export interface LeadFormRouteOptions {
  /** Runs `submitLeadForm` through the gateway's own schema (the public root field), as an anonymous caller. */
  submit(input: Record<string, string>, requestId: string): Promise<{ errors?: readonly FormError[] }>;
  /** Where a browser goes after a successful submission (303); without it a short thank-you page answers. */
  redirectUrl: string | null;
  logger: Logger;
}

const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(title)}</title></head><body><h1>${escapeHtml(title)}</h1><p>${escapeHtml(body)}</p></body></html>`;
}

/** Form field names for the mutation's error fields: `input.email` → `email`. */
const formField = (field: unknown): string | null => (typeof field === 'string' ? field.replace(/^input\./, '') : null);

/**
 * `POST /forms/lead`: a website's contact form, as `application/x-www-form-urlencoded` (what a plain
 * HTML form sends) or JSON. It becomes a `submitLeadForm` call through the gateway's schema — the
 * same validation, honeypot and per-address limit — and answers a browser with a redirect to the
 * configured thank-you page (or a short page), a script asking for JSON with JSON. Bad input: 400
 * naming the field; too many submissions: 429.
 */
export function leadFormRoute(options: LeadFormRouteOptions): HttpHandler {
  return async (req: IncomingMessage, res: ServerResponse, url: URL, requestId: string) => {
    if (url.pathname !== LEAD_FORM_PATH) return false;
    const wantsJson = (req.headers.accept ?? '').includes('application/json');
    const answer = (status: number, errors: FormError[] | null, headers: Record<string, string> = {}): void => {
      if (wantsJson) {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(
          JSON.stringify(
            errors ? { errors: errors.map((e) => ({ message: e.message, extensions: { ...e.extensions, field: formField(e.extensions?.field) } })) } : { received: true },
          ),
        );
        return;
      }
      res.writeHead(status, { 'content-type': 'text/html; charset=utf-8', ...headers });
      res.end(errors ? page('Your message could not be sent', errors.map((e) => e.message).join(' ')) : page('Thank you', 'We received your message and will be in touch.'));
    };
    if (req.method !== 'POST') {
      answer(405, [{ message: 'post the form', extensions: { code: 'METHOD_NOT_ALLOWED' } }], { allow: 'POST' });
      return true;
    }
    const type = (req.headers['content-type'] ?? '').toLowerCase();
    const isJson = type.startsWith('application/json');
    if (!isJson && !type.startsWith('application/x-www-form-urlencoded')) {
      await discardBody(req, MAX_FORM_BYTES);
      answer(415, [
        { message: 'send the form as application/x-www-form-urlencoded or application/json', extensions: { code: 'BAD_USER_INPUT', reason: 'UNSUPPORTED_MEDIA_TYPE' } },
      ]);
      return true;
    }
    let raw: string;
    try {
      raw = await readBody(req, MAX_FORM_BYTES);
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error;
      answer(413, [{ message: `the form may be at most ${MAX_FORM_BYTES} bytes`, extensions: { code: 'BAD_USER_INPUT', reason: 'FORM_TOO_LARGE' } }], { connection: 'close' });
      return true;
    }
    let values: Record<string, unknown>;
    try {
      values = isJson ? (JSON.parse(raw || '{}') as Record<string, unknown>) : Object.fromEntries(new URLSearchParams(raw));
    } catch {
      answer(400, [{ message: 'the body is not valid JSON', extensions: { code: 'BAD_USER_INPUT', reason: 'MALFORMED_BODY' } }]);
      return true;
    }
    const input: Record<string, string> = {};
    for (const field of FIELDS) {
      const value = values[field];
      if (typeof value === 'string' && (value !== '' || field === 'website')) input[field] = value;
    }
    const result = await options.submit(input, requestId);
    const errors = result.errors ?? [];
    if (errors.length === 0) {
      if (options.redirectUrl && !wantsJson) {
        res.writeHead(303, { location: options.redirectUrl });
        res.end();
      } else answer(200, null);
      return true;
    }
    const code = errors[0]?.extensions?.code;
    const status = code === 'BAD_USER_INPUT' ? 400 : code === 'CONFLICT' ? 429 : 500;
    if (status === 500) options.logger.error({ requestId, errors }, 'lead form submission failed');
    answer(status, status === 500 ? [{ message: 'the form could not be processed; please try again later', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] : [...errors]);
    return true;
  };
}
