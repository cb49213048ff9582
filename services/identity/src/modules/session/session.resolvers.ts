import type { ResolverMap } from '@rapport/subgraph-kit';
import { requirePrincipal } from '../../access.js';
import type { Context } from '../../context.js';
import type { KeyRing } from '../signing-key/signing-key.service.js';
import { changePassword, refreshSession, signIn, signOut, type ChangePasswordInput, type Session, type SignInInput } from './session.service.js';

export const createSessionResolvers = (ring: KeyRing): ResolverMap => ({
  Mutation: {
    signIn: (_: unknown, args: { input: SignInInput }, ctx: Context) => signIn(ctx.em, ring, args.input),
    refreshSession: (_: unknown, args: { refreshToken: string }, ctx: Context) => refreshSession(ctx.em, ring, args.refreshToken),
    signOut: (_: unknown, args: { refreshToken: string }, ctx: Context) => signOut(ctx.em, requirePrincipal(ctx), args.refreshToken, ctx.eventMeta),
    changePassword: (_: unknown, args: { input: ChangePasswordInput }, ctx: Context) => changePassword(ctx.em, requirePrincipal(ctx), args.input),
  },
  Session: {
    accessTokenExpiresAt: (session: Session) => session.accessTokenExpiresAt.toISOString(),
    refreshTokenExpiresAt: (session: Session) => session.refreshTokenExpiresAt.toISOString(),
  },
});
