import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import { DEFAULT_JWKS_URL } from '@rapport/contracts';
import { bearerToken, createTokenVerifier, type ClaimsMap, type Principal, type TokenVerifier } from '@rapport/auth';
import { AppError, isAppError } from '@rapport/errors';
import type { IncomingMessage } from 'node:http';
import { z } from 'zod';
import { parseEnv } from './env.js';
import { ALWAYS_PUBLIC_ROOT_FIELDS, rootFieldNames } from './root-fields.js';

export interface AuthenticationState {
  principal: Principal | null;
  /** Why a presented token was refused; null when none was presented or it was accepted. */
  authError: AppError | null;
}

/**
 * Reads the caller from `Authorization: Bearer <token>` and nothing else: identity headers a
 * client could set (x-user-id, …) are never read.
 */
export async function authenticate(req: IncomingMessage, verifier: TokenVerifier): Promise<AuthenticationState> {
  const token = bearerToken(req.headers.authorization);
  if (!token) return { principal: null, authError: null };
  try {
    return { principal: await verifier(token), authError: null };
  } catch (error) {
    if (isAppError(error)) return { principal: null, authError: error };
    throw error;
  }
}

/**
 * Refuses every operation without a verified caller, except those selecting only public root
 * fields (the composition SDL, and e.g. `signIn` on identity).
 */
export function requireAuthentication<TContext extends BaseContext & AuthenticationState>(publicRootFields: readonly string[] = []): ApolloServerPlugin<TContext> {
  const allowed = new Set([...ALWAYS_PUBLIC_ROOT_FIELDS, ...publicRootFields]);
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (contextValue.principal) return;
          if (contextValue.authError) throw contextValue.authError.toGraphQLError();
          if (operation && [...rootFieldNames(document, operation)].every((f) => allowed.has(f))) return;
          throw new AppError('UNAUTHENTICATED', 'SIGN_IN_REQUIRED', 'sign in first: this operation needs an access token').toGraphQLError();
        },
      };
    },
  };
}

const authEnvSchema = z.object({
  AUTH_JWKS_URL: z.url().default(DEFAULT_JWKS_URL),
  AUTH_ISSUER: z.string().default('rapport-identity'),
  AUTH_AUDIENCE: z.string().default('rapport'),
  /** JSON claims map for an external OpenID Connect issuer, e.g. {"userId":"sub","email":"email","role":"rapport_role","teams":"rapport_teams"}. */
  AUTH_CLAIMS: z.string().optional(),
});

/** The token verifier configured by `AUTH_*` variables: identity's JWKS by default, or an OIDC issuer. */
export function verifierFromEnv(env: Record<string, string | undefined>): TokenVerifier {
  const parsed = parseEnv(authEnvSchema, env);
  let claims: ClaimsMap | undefined;
  if (parsed.AUTH_CLAIMS) {
    const result = z.object({ userId: z.string(), email: z.string(), role: z.string(), teams: z.string() }).safeParse(JSON.parse(parsed.AUTH_CLAIMS));
    if (!result.success) throw new AppError('BAD_USER_INPUT', 'INVALID_ENV', 'AUTH_CLAIMS must map userId, email, role and teams to claim names', { field: 'AUTH_CLAIMS' });
    claims = result.data;
  }
  return createTokenVerifier({ jwks: parsed.AUTH_JWKS_URL, issuer: parsed.AUTH_ISSUER, audience: parsed.AUTH_AUDIENCE, ...(claims ? { claims } : {}) });
}
