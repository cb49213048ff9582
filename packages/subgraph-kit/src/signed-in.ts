import type { IncomingMessage } from 'node:http';
import type { Principal, TokenVerifier } from '@rapport/auth';
import { AppError } from '@rapport/errors';
import { actingScope } from './audit.js';
import { authenticate } from './authentication.js';

/**
 * The verified caller of a plain HTTP route (an upload, a download), refused as UNAUTHENTICATED
 * (401) without a valid token; the request's later writes are audited as theirs.
 */
export async function signedInCaller(req: IncomingMessage, verifier: TokenVerifier): Promise<Principal> {
  const { principal, authError } = await authenticate(req, verifier);
  if (authError) throw authError;
  if (!principal) throw new AppError('UNAUTHENTICATED', 'SIGN_IN_REQUIRED', 'sign in first: this request needs an access token');
  const scope = actingScope.getStore();
  if (scope) scope.actorId = principal.userId;
  return principal;
}
