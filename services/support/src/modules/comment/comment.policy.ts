import type { Principal, Role } from '@rapport/auth';

/** Who may read and write internal comments; everyone else who sees a ticket gets its public comments only. */
export const INTERNAL_COMMENT_ROLES: readonly Role[] = ['SUPPORT_AGENT', 'ADMIN', 'DIRECTOR'];

/** Whose first public comment counts as the ticket's first response. */
export const RESPONDER_ROLES: readonly Role[] = ['SUPPORT_AGENT', 'ADMIN'];

export const seesInternalComments = (principal: Principal | null): boolean => principal !== null && INTERNAL_COMMENT_ROLES.includes(principal.role);
export const respondsForSupport = (principal: Principal | null): boolean => principal !== null && RESPONDER_ROLES.includes(principal.role);
