import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { on } from '@rapport/bus';
import { UserCreatedV1 } from '@rapport/contracts';
import { AppError } from '@rapport/errors';
import { headsTeam, isScoped, type Viewer } from '@rapport/subgraph-kit';

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
