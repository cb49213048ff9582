import type { Role } from '@rapport/auth';
import type { Viewer } from '@rapport/subgraph-kit';

/** Who may read and write internal comments; everyone else who sees a ticket gets its public comments only. */
export const INTERNAL_COMMENT_ROLES: readonly Role[] = ['SUPPORT_AGENT', 'ADMIN', 'DIRECTOR'];

/** Whose first public comment counts as the ticket's first response. */
export const RESPONDER_ROLES: readonly Role[] = ['SUPPORT_AGENT', 'ADMIN'];

/** Whether the viewer (of tickets) reads and writes internal comments. */
export const seesInternalComments = (viewer: Viewer): boolean => INTERNAL_COMMENT_ROLES.includes(viewer.principal.role);
/** Whether the viewer's public comment counts as support's response. */
export const respondsForSupport = (viewer: Viewer): boolean => RESPONDER_ROLES.includes(viewer.principal.role);
