import { isTeamHead, type Principal, type Role } from '@rapport/auth';
import { AppError } from '@rapport/errors';

/**
 * Who may do what, the one way: the per-request context (`ctx.viewer`, the same `Caller` the
 * loaders get) turns a module's policy and an action into a `Viewer`, and services take that viewer
 * (`getOrder(em, viewer, id)`), never a principal or a role. Every predicate on records (team
 * heads, visible customers, acting for an owner) takes the viewer too.
 */

/**
 * What a role may do with one module's records:
 * - `all`: read and write every record;  `all-read`: read every record, write none;
 * - `scoped`: read and write the records of customers the caller may see; `scoped-read`: read those only;
 * - `none`: nothing (the department does not work with these records).
 */
export type Access = 'all' | 'all-read' | 'scoped' | 'scoped-read' | 'none';

/** One module's access per role. Typed over every role, so a new role must be placed. */
export type AccessPolicy = Record<Role, Access>;

/** Whether `access` limits the caller to the customers they may see. */
export const isScoped = (access: Access): boolean => access === 'scoped' || access === 'scoped-read';

/** A module's access rules: each role's access and the words its refusals use. */
export interface ModulePolicy {
  /** What the module's records are called in refusals: `sales orders` → "SALES_REP may not see sales orders". */
  readonly label: string;
  /** Each role's access (a row of the kit's `POLICIES`, typed over every role). */
  readonly roles: AccessPolicy;
  /**
   * The refusal of a role that may only read, where the module words it otherwise than FORBIDDEN
   * `READ_ONLY`, "<ROLE> may not change <label>" (identity's `ADMIN_ONLY`).
   */
  readonly readOnly?: { readonly reason: string; readonly message?: string };
}

/** A module's policy: `definePolicy('sales orders', POLICIES.orders)`. */
export const definePolicy = (label: string, roles: AccessPolicy, options: { readOnly?: ModulePolicy['readOnly'] } = {}): ModulePolicy => ({
  label,
  roles,
  ...(options.readOnly ? { readOnly: options.readOnly } : {}),
});

/** Access that lets the caller read something. */
export type ReadAccess = Exclude<Access, 'none'>;
/** Access that lets the caller change something. */
export type WriteAccess = 'all' | 'scoped';

/** The caller as one module sees them: who they are and what their role may do there. Services take this. */
export interface Viewer<A extends ReadAccess = ReadAccess> {
  readonly principal: Principal;
  readonly access: A;
}

/**
 * What the caller is about to do with a module's records:
 * - `read`: FORBIDDEN `DEPARTMENT_FORBIDDEN` when their role has no access;
 * - `write`: also FORBIDDEN `READ_ONLY` (or the policy's `readOnly`) when it may only read;
 * - `restore` (a softly deleted record): also FORBIDDEN `RESTORE_FORBIDDEN` unless full access or a team head;
 * - `lookup` (loaders: `__resolveReference`, federation fields): null instead of FORBIDDEN, so one
 *   reference the caller may not see never fails a whole response.
 * Every action but `lookup` is UNAUTHENTICATED without a caller.
 */
export type ViewerAction = 'read' | 'write' | 'restore' | 'lookup';

/** The verified caller of one request and the one way to get a module's viewer from it. `SubgraphContext` is one. */
export interface Caller {
  /** The verified caller; null only in operations on public root fields. */
  readonly principal: Principal | null;
  viewer(policy: ModulePolicy, action: 'read'): Viewer;
  viewer(policy: ModulePolicy, action: 'write' | 'restore'): Viewer<WriteAccess>;
  viewer(policy: ModulePolicy, action: 'lookup'): Viewer | null;
  viewer(policy: ModulePolicy, action: ViewerAction): Viewer | null;
}

const unauthenticated = (): AppError => new AppError('UNAUTHENTICATED', 'SIGN_IN_REQUIRED', 'sign in first: this operation needs an access token');

/** A marker for `headsTeam`: whether the viewer heads any team at all. */
export const ANY_TEAM: unique symbol = Symbol('any team');

/**
 * Whether the viewer heads `team` — the one "team head" test. A team head (auth's `isTeamHead`, read
 * here and nowhere else in services) heads their own team and every team below it (the token's
 * `teamIds`); `ANY_TEAM` asks whether they head teams at all (who may transfer, merge, restore,
 * review). A record without a team is headed by nobody.
 */
export function headsTeam(viewer: Viewer, team: string | null | undefined | typeof ANY_TEAM): boolean {
  if (!isTeamHead(viewer.principal)) return false;
  if (team === ANY_TEAM) return true;
  return !!team && viewer.principal.teamIds.includes(team);
}

/** The teams whose records the viewer sees as their head: their team subtree for a team head, none otherwise. */
export const headedTeams = (viewer: Viewer): readonly string[] => (headsTeam(viewer, ANY_TEAM) ? viewer.principal.teamIds : []);

/** Checks `action` on `policy` for `principal`; see `ViewerAction`. */
export function viewerFor(principal: Principal | null, policy: ModulePolicy, action: ViewerAction): Viewer | null {
  if (!principal) {
    if (action === 'lookup') return null;
    throw unauthenticated();
  }
  const access = policy.roles[principal.role];
  if (access === 'none') {
    if (action === 'lookup') return null;
    throw new AppError('FORBIDDEN', 'DEPARTMENT_FORBIDDEN', `${principal.role} may not see ${policy.label}`);
  }
  const viewer: Viewer = { principal, access };
  if (action === 'read' || action === 'lookup') return viewer;
  if (access === 'all-read' || access === 'scoped-read') {
    throw new AppError('FORBIDDEN', policy.readOnly?.reason ?? 'READ_ONLY', policy.readOnly?.message ?? `${principal.role} may not change ${policy.label}`);
  }
  if (action === 'restore' && access !== 'all' && !headsTeam(viewer, ANY_TEAM)) {
    throw new AppError('FORBIDDEN', 'RESTORE_FORBIDDEN', `${principal.role} may not restore ${policy.label}`);
  }
  return viewer;
}

/** The `Caller` of a request by `principal` (the kit builds it into every context; HTTP handlers outside GraphQL build their own). */
export function callerOf(principal: Principal | null): Caller {
  function viewer(policy: ModulePolicy, action: 'read'): Viewer;
  function viewer(policy: ModulePolicy, action: 'write' | 'restore'): Viewer<WriteAccess>;
  function viewer(policy: ModulePolicy, action: 'lookup'): Viewer | null;
  function viewer(policy: ModulePolicy, action: ViewerAction): Viewer | null;
  function viewer(policy: ModulePolicy, action: ViewerAction): Viewer | null {
    return viewerFor(principal, policy, action);
  }
  return { principal, viewer };
}

/**
 * The service itself acting on an event from another service (a consumer), on behalf of the event's
 * actor: full access, as no caller's visibility applies to what another service already decided.
 */
export function systemViewer(actor: string | null | undefined): Viewer<'all'> {
  return { principal: { userId: actor ?? '00000000-0000-0000-0000-000000000000', email: 'system@rapport.local', role: 'ADMIN', teamIds: [], tokenId: 'system' }, access: 'all' };
}
