import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { on } from '@rapport/bus';
import { UserCreatedV1 } from '@rapport/contracts';
import { AppError } from '@rapport/errors';
import { requireUuid } from '@rapport/errors';
import { ANY_TEAM, assertAssignable, headsTeam, isScoped, type Viewer } from '@rapport/subgraph-kit';

/** Keeps `user_team` (which team each user is in) from identity's announcements. */
export const ownerTeamHandlers = [
  on(UserCreatedV1, async (data, _event, em) => {
    await em.execute('insert into user_team (user_id, team_id) values (?, ?) on conflict (user_id) do update set team_id = excluded.team_id, announced_at = now()', [
      data.userId,
      data.teamId,
    ]);
  }),
];

/**
 * A team head gives a record to someone else only when that someone is in a team the head heads:
 * FORBIDDEN `OWNER_FORBIDDEN` naming `field` when identity announced the owner in another team (or
 * in none). An owner identity has not announced yet (the event's lag, about a second) is let
 * through, as before this check; the kit's assertAssignable has already kept the record's team to
 * the head's teams. Unscoped callers (directors, admins) give records to anyone.
 */
export async function assertOwnerInHeadedTeams(em: SqlEntityManager, viewer: Viewer, ownerId: string | null, field: string, what: string): Promise<void> {
  if (!isScoped(viewer.access) || !ownerId || ownerId === viewer.principal.userId) return;
  const [row] = await em.execute<{ team_id: string | null }[]>('select team_id from user_team where user_id = ?', [ownerId]);
  if (row && !headsTeam(viewer, row.team_id)) {
    throw new AppError('FORBIDDEN', 'OWNER_FORBIDDEN', `a team head gives ${what} only to members of the teams they head`, { field });
  }
}

/**
 * The owner and team of a record a caller creates (a customer, a lead), checked: the owner defaults
 * to the caller; the team to the caller's own when the caller owns it or heads a team (else none);
 * the kit's assertAssignable keeps a rep to themselves and a head to the teams they head, and
 * assertOwnerInHeadedTeams keeps a head's owner to members of those teams. `what` names the records
 * in the errors.
 */
export async function assignOwner(
  em: SqlEntityManager,
  viewer: Viewer,
  input: { ownerId?: string | null; teamId?: string | null },
  what: string,
): Promise<{ ownerId: string; teamId: string | null }> {
  const ownerId = input.ownerId ? requireUuid('input.ownerId', input.ownerId) : viewer.principal.userId;
  const teamId = input.teamId
    ? requireUuid('input.teamId', input.teamId)
    : ownerId === viewer.principal.userId || (isScoped(viewer.access) && headsTeam(viewer, ANY_TEAM))
      ? (viewer.principal.teamIds[0] ?? null)
      : null;
  assertAssignable(viewer, ownerId, teamId, what);
  await assertOwnerInHeadedTeams(em, viewer, ownerId, 'input.ownerId', what);
  return { ownerId, teamId };
}
