import { requirePrincipal } from '../../access.js';
import type { Resolvers } from '../../generated/graphql.js';
import type { KeyRing } from '../signing-key/signing-key.service.js';
import type { PasswordHashing } from './password.js';
import { changePassword, refreshSession, signIn, signOut } from './session.service.js';

export const createSessionResolvers = (ring: KeyRing, hashing?: PasswordHashing): Resolvers => ({
  Mutation: {
    signIn: (_, args, ctx) => signIn(ctx.em, ring, args.input, hashing),
    refreshSession: (_, args, ctx) => refreshSession(ctx.em, ring, args.refreshToken),
    signOut: (_, args, ctx) => signOut(ctx.em, requirePrincipal(ctx), args.refreshToken, ctx.eventMeta),
    changePassword: (_, args, ctx) => changePassword(ctx.em, requirePrincipal(ctx), args.input, hashing),
  },
});
