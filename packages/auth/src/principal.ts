/** Every role Rapport knows; a user has exactly one. */
export const ROLES = ['SALES_REP', 'SALES_MANAGER', 'DIRECTOR', 'SUPPORT_AGENT', 'WAREHOUSE_CLERK', 'BUYER', 'ACCOUNTANT', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

/** Business functions; a subgraph serves one or more, and a role works in some. */
export type Department = 'sales' | 'support' | 'warehouse' | 'purchasing' | 'finance' | 'administration';

/** Which departments each role works in. Typed over the union, so a new role must be placed. */
export const ROLE_DEPARTMENTS: Record<Role, readonly Department[]> = {
  SALES_REP: ['sales'],
  SALES_MANAGER: ['sales'],
  DIRECTOR: ['sales', 'support', 'warehouse', 'purchasing', 'finance'],
  SUPPORT_AGENT: ['support'],
  WAREHOUSE_CLERK: ['warehouse'],
  BUYER: ['purchasing'],
  ACCOUNTANT: ['finance'],
  ADMIN: ['sales', 'support', 'warehouse', 'purchasing', 'finance', 'administration'],
};

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

export const worksIn = (principal: Principal, department: Department): boolean => ROLE_DEPARTMENTS[principal.role].includes(department);

/** Directors and admins see every record; everyone else is scoped. */
export const seesEverything = (principal: Principal): boolean => principal.role === 'DIRECTOR' || principal.role === 'ADMIN';

/**
 * Whether `who` heads a team: a team head sees and acts on the records of their own team and of
 * every team below it (a principal's `teamIds` hold that subtree), everywhere, leads included.
 * The one place that says who heads teams; modules ask this (or the kit's `headsTeam`), never a role name.
 */
export const isTeamHead = (who: { role: Role } | null | undefined): boolean => who?.role === 'SALES_MANAGER';
