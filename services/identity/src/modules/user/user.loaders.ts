import type { EntityMetadata } from '@mikro-orm/core';
import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupedLoader, leanSql, type Caller } from '@rapport/subgraph-kit';
import { User, type IUser } from './user.entity.js';
import { userPolicy } from './user.policy.js';

/** Per-request loaders: N user references, or the members of N teams, cost one query (none for a caller who may not see users). */
export const createUserLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(userPolicy, 'lookup');
  return {
    // Rows, not managed entities (a read path: every gateway query naming an owner comes here), with
    // the columns `em.find` would select: all but the lazy password hash.
    userById: byIdLoader(async (ids) => (viewer ? usersByIds(em, ids) : [])),
    membersByTeamId: groupedLoader(
      async (teamIds) => (viewer ? em.find(User, { teamId: { $in: [...teamIds] } }, { orderBy: { displayName: 'asc', id: 'asc' } }) : []),
      (user) => user.teamId ?? '',
    ),
  };
};

/** `"u"."id", "u"."email", …`: every column of a user but the lazy ones (the password hash), from the metadata, once. */
let userColumns: string | undefined;
const userColumnsOf = (em: SqlEntityManager): string =>
  (userColumns ??= (em.getMetadata(User) as EntityMetadata).props
    .filter((prop) => !prop.lazy)
    .flatMap((prop) => prop.fieldNames)
    .map((column) => `"u"."${column}"`)
    .join(', '));

/**
 * The users `ids` as plain rows: what `em.createQueryBuilder(User, 'u').select(<non-lazy>).where({ id:
 * { $in } })` read through `leanRows`, in SQL written once (every flagship query asks identity for an
 * owner's name here; building and compiling the query builder was most of that request's CPU).
 */
function usersByIds(em: SqlEntityManager, ids: readonly string[]): Promise<IUser[]> {
  return leanSql(em, User, `select ${userColumnsOf(em)} from "app_user" as "u" where "u"."id" in (${ids.map(() => '?').join(', ')})`, ids);
}
