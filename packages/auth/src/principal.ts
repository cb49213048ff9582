/** Every role Rapport knows; a user has exactly one. */
export const ROLES = ['SALES_REP', 'SALES_MANAGER', 'DIRECTOR', 'SUPPORT_AGENT', 'WAREHOUSE_CLERK', 'BUYER', 'ACCOUNTANT', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** The verified caller of one request. Built only from a verified token, never from headers. */
export interface Principal {
  userId: string;
  email: string;
  role: Role;
  /** The caller's own team and, for a team head, every team below it. */
  teamIds: readonly string[];
  /** The token's id, for audit and revocation. */
  tokenId: string;
  /** When the token was issued (its `iat`, seconds since the epoch), for revocation; absent when the token has none. */
  issuedAt?: number;
}

export const isRole = (value: unknown): value is Role => typeof value === 'string' && (ROLES as readonly string[]).includes(value);

/** Directors and admins see every record; everyone else is scoped. */
export const seesEverything = (principal: Principal): boolean => principal.role === 'DIRECTOR' || principal.role === 'ADMIN';

/**
 * Whether `who` heads a team: a team head sees and acts on the records of their own team and of
 * every team below it (a principal's `teamIds` hold that subtree), everywhere, leads included.
 * The one place that says which role heads teams: identity asks it to put the team subtree in the
 * token, the kit's `headsTeam(viewer, team)` builds on it; services ask `headsTeam`, never this or a role name.
 */
export const isTeamHead = (who: { role: Role } | null | undefined): boolean => who?.role === 'SALES_MANAGER';
