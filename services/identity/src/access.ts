import type { Principal } from '@rapport/auth';
import { AppError } from '@rapport/errors';
import type { Context } from './context.js';

/**
 * The verified caller, for the session's own operations on the caller's own account (signing out,
 * changing one's password) — sign-in, not "who may do what", which goes through `ctx.viewer`. The
 * kit's authentication plugin already refuses operations without one (except public root fields),
 * so this only fails for a resolver reached from a public field.
 */
export function requirePrincipal(ctx: Context): Principal {
  if (!ctx.principal) throw new AppError('UNAUTHENTICATED', 'SIGN_IN_REQUIRED', 'sign in first: this operation needs an access token');
  return ctx.principal;
}
