import { GraphQLError } from 'graphql';

/** The categories a client can act on; each becomes `extensions.code` in a GraphQL error. */
export type ErrorCategory = 'NOT_FOUND' | 'BAD_USER_INPUT' | 'FORBIDDEN' | 'CONFLICT' | 'UNAUTHENTICATED';

/**
 * One map from category to the GraphQL `extensions.code` and the HTTP-ish meaning.
 * Typed as a Record over the union so that a new category without an entry fails to compile.
 */
export const CATEGORY_TO_EXTENSION_CODE: Record<ErrorCategory, string> = {
  NOT_FOUND: 'NOT_FOUND',
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  FORBIDDEN: 'FORBIDDEN',
  CONFLICT: 'CONFLICT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
};

export interface AppErrorOptions {
  /** The input field at fault, as a dotted path (`input.email`), for BAD_USER_INPUT. */
  field?: string;
  /** Extra, client-safe details. */
  details?: Record<string, unknown>;
}

/** An error the application raises on purpose: a stable `code` and a category a client can act on. */
export class AppError extends Error {
  readonly code: string;
  readonly category: ErrorCategory;
  readonly field: string | undefined;
  readonly details: Record<string, unknown> | undefined;

  constructor(category: ErrorCategory, code: string, message: string, options: AppErrorOptions = {}) {
    super(message);
    this.name = 'AppError';
    this.category = category;
    this.code = code;
    this.field = options.field;
    this.details = options.details;
  }

  /** The GraphQL error a client receives: no stack, the category as `extensions.code`. */
  toGraphQLError(): GraphQLError {
    return new GraphQLError(this.message, {
      extensions: {
        code: CATEGORY_TO_EXTENSION_CODE[this.category],
        reason: this.code,
        ...(this.field ? { field: this.field } : {}),
        ...(this.details ? { details: this.details } : {}),
      },
    });
  }
}

export const badInput = (field: string, message: string, code = 'INVALID_INPUT'): AppError => new AppError('BAD_USER_INPUT', code, message, { field });

export const notFound = (what: string, id: string, field?: string): AppError =>
  new AppError('NOT_FOUND', `${what.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}_NOT_FOUND`, `${what} ${id} was not found`, field ? { field } : {});

export const conflict = (code: string, message: string, field?: string): AppError => new AppError('CONFLICT', code, message, field ? { field } : {});

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** The AppError `fn` throws; undefined when it throws none (or throws something else). For tests of validation: `toMatchObject({ code, field })`. */
export function thrownAppError(fn: () => unknown): AppError | undefined {
  try {
    fn();
  } catch (error) {
    return error instanceof AppError ? error : undefined;
  }
  return undefined;
}

/** The `field` of the error `fn` throws (an AppError names the input at fault); undefined when it throws none or names no field. For tests of validation. */
export const fieldOfThrown = (fn: () => unknown): string | undefined => thrownAppError(fn)?.field;
