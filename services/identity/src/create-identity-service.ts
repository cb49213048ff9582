import { fileURLToPath } from 'node:url';
import { createSubgraphService, type SubgraphRuntimeConfig, type SubgraphService } from '@rapport/subgraph-kit';
import { DEFAULT_IDENTITY_OPTIONS, type IdentityOptions } from './config.js';
import { createLoaders } from './loaders.js';
import { migrations } from './migrations/index.js';
import { CompanyProfile } from './modules/company/company.entity.js';
import { companyRoutes } from './modules/company/company.http.js';
import { companyResolvers } from './modules/company/company.resolvers.js';
import { RefreshToken } from './modules/session/refresh-token.entity.js';
import { SCRYPT_PARAMS } from './modules/session/password.js';
import { createSessionResolvers } from './modules/session/session.resolvers.js';
import { SigningKeyRow } from './modules/signing-key/signing-key.entity.js';
import { signingKeyRoutes } from './modules/signing-key/signing-key.routes.js';
import { createKeyRing, identityVerifier } from './modules/signing-key/signing-key.service.js';
import { Team } from './modules/team/team.entity.js';
import { teamResolvers } from './modules/team/team.resolvers.js';
import { User } from './modules/user/user.entity.js';
import { createUserResolvers } from './modules/user/user.resolvers.js';
import { ensureFirstAdmin } from './modules/user/user.service.js';

export { DEFAULT_IDENTITY_OPTIONS, type IdentityOptions } from './config.js';
export type { PasswordHashing } from './modules/session/password.js';

/**
 * The identity subgraph: users with their roles, teams arranged in a hierarchy, sign-in and
 * sessions, and the keys that sign access tokens (published at `/.well-known/jwks.json`).
 *
 * Identity verifies access tokens signed by its own keys in memory; `config.verifier` (whatever
 * the caller passed: from the environment, or the test harness's) only sees tokens signed by other
 * keys. See identityVerifier.
 */
export function createIdentityService(config: SubgraphRuntimeConfig, options: IdentityOptions = DEFAULT_IDENTITY_OPTIONS): SubgraphService {
  const ring = createKeyRing();
  const hashing = options.passwordHashing ?? SCRYPT_PARAMS;
  const service = createSubgraphService(
    {
      name: 'identity',
      srcDir: fileURLToPath(new URL('.', import.meta.url)),
      resolvers: [createUserResolvers(hashing), teamResolvers, createSessionResolvers(ring, hashing), companyResolvers],
      entities: [User, Team, RefreshToken, SigningKeyRow, CompanyProfile],
      migrations,
      createLoaders,
      routes: signingKeyRoutes(ring),
      handle: companyRoutes(),
      onStart: async (orm) => {
        const em = orm.em.fork();
        const { created } = await ring.load(em);
        if (created) service.logger.info({ kid: ring.active().kid }, 'created the first signing key');
        const admin = await ensureFirstAdmin(em.fork(), { email: options.adminEmail, password: options.adminPassword }, hashing);
        if (admin) {
          const usingDefault = options.adminPassword === DEFAULT_IDENTITY_OPTIONS.adminPassword;
          service.logger[usingDefault ? 'warn' : 'info'](
            { email: admin.email },
            usingDefault ? 'created the first administrator with the DEFAULT password: sign in and change it' : 'created the first administrator',
          );
        }
      },
    },
    { ...config, verifier: identityVerifier(ring, config.verifier) },
  );
  return service;
}
