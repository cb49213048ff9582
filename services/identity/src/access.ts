import type { Principal } from '@rapport/auth';
import { AppError } from '@rapport/errors';
import type { Context } from './context.js';

/**
 * The verified caller. The kit's authentication plugin already refuses operations without one
 * (except public root fields), so this only fails for a resolver reached from a public field.
 */
export function requirePrincipal(ctx: Context): Principal {
  if (!ctx.principal) throw new AppError('UNAUTHENTICATED', 'SIGN_IN_REQUIRED', 'sign in first: this operation needs an access token');
  return ctx.principal;
}

/** The caller, when an ADMIN; FORBIDDEN otherwise. */
export function requireAdmin(ctx: Context): Principal {
  const principal = requirePrincipal(ctx);
  if (principal.role !== 'ADMIN') throw new AppError('FORBIDDEN', 'ADMIN_ONLY', 'only an administrator may do this');
  return principal;
}
