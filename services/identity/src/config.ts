import { AppError } from '@rapport/errors';
import { parseEnv, subgraphConfigFromEnv, type SubgraphRuntimeConfig } from '@rapport/subgraph-kit';
import type { TokenVerifier } from '@rapport/auth';
import { z } from 'zod';
import { SCRYPT_PARAMS, type PasswordHashing } from './modules/session/password.js';

/** What identity needs beyond every subgraph's config: who the first administrator is. */
export interface IdentityOptions {
  /** Email of the ADMIN created at start when no ADMIN exists. */
  adminEmail: string;
  /** That administrator's initial password; change it after the first sign-in. */
  adminPassword: string;
  /** The scrypt cost of new password hashes: SCRYPT_PARAMS unless a test system asks for less. */
  passwordHashing?: PasswordHashing;
}

export const DEFAULT_IDENTITY_OPTIONS: IdentityOptions = {
  adminEmail: 'admin@rapport.example',
  adminPassword: 'rapport-admin-password',
  passwordHashing: SCRYPT_PARAMS,
};

const identityEnvSchema = z.object({
  RAPPORT_ADMIN_EMAIL: z.string().trim().toLowerCase().pipe(z.email()).default(DEFAULT_IDENTITY_OPTIONS.adminEmail),
  RAPPORT_ADMIN_PASSWORD: z.string().min(10).max(200).default(DEFAULT_IDENTITY_OPTIONS.adminPassword),
});

/** Refuses every token: identity's own keys are tried before this (see identityVerifier). */
const refuseForeignTokens: TokenVerifier = async () => {
  throw new AppError('UNAUTHENTICATED', 'INVALID_TOKEN', 'the access token is not valid');
};

/**
 * Reads the identity subgraph's configuration from `env` once, at boot. Identity verifies tokens
 * signed by its own keys in memory (createIdentityService wraps this verifier); any other token is
 * refused, unless `AUTH_JWKS_URL` names an issuer to trust as well (an external OpenID Connect
 * provider, with AUTH_ISSUER, AUTH_AUDIENCE and AUTH_CLAIMS as for every subgraph).
 */
export function loadConfig(env: Record<string, string | undefined>): SubgraphRuntimeConfig {
  const config = subgraphConfigFromEnv('identity', env);
  return { ...config, verifier: env.AUTH_JWKS_URL ? config.verifier : refuseForeignTokens };
}

/** The first administrator's credentials: `RAPPORT_ADMIN_EMAIL`, `RAPPORT_ADMIN_PASSWORD`. */
export function loadIdentityOptions(env: Record<string, string | undefined>): IdentityOptions {
  const parsed = parseEnv(identityEnvSchema, env);
  return { adminEmail: parsed.RAPPORT_ADMIN_EMAIL, adminPassword: parsed.RAPPORT_ADMIN_PASSWORD };
}
