import type { SqlEntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, groupedLoader, leanSql, type Caller } from '@rapport/subgraph-kit';
import { User, type IUser } from './user.entity.js';
import { userPolicy } from './user.policy.js';

/** Per-request loaders: N user references, or the members of N teams, cost one query (none for a caller who may not see users). */
export const createUserLoaders = (em: SqlEntityManager, caller: Caller) => {
  const viewer = caller.viewer(userPolicy, 'lookup');
  return {
    userById: byIdLoader(async (ids) => (viewer ? usersByIds(em, ids) : [])),
    membersByTeamId: groupedLoader(
      async (teamIds) => (viewer ? em.find(User, { teamId: { $in: [...teamIds] } }, { orderBy: { displayName: 'asc', id: 'asc' } }) : []),
      (user) => user.teamId ?? '',
    ),
  };
};

/** Per ORM metadata, the columns `em.find` selects for a user: all but the lazy password hash. */
const userColumns = new WeakMap<object, string>();

/**
 * The users `ids` as plain rows, not managed entities (a read path: every gateway query naming an
 * owner comes here), with the columns `em.find` would select. A prepared statement (see `leanSql`),
 * a primary-key lookup whatever the ids: one text for one id (the flagship's owner) and one for
 * several. Not `any` for one id too: PostgreSQL's generic plan of `= any($1)` counts on ten ids, which
 * costs more than the plan for one, so it kept planning that statement on every call.
 */
export function usersByIds(em: SqlEntityManager, ids: readonly string[]): Promise<IUser[]> {
  const meta = em.getMetadata(User);
  let columns = userColumns.get(meta);
  if (!columns) {
    columns = meta.props
      .filter((prop) => !prop.lazy)
      .flatMap((prop) => prop.fieldNames.map((field) => `"u"."${field}"`))
      .join(', ');
    userColumns.set(meta, columns);
  }
  const [only] = ids;
  return ids.length === 1 && only !== undefined
    ? leanSql(em, User, `select ${columns} from "app_user" as "u" where "u"."id" = ?`, [only], { prepare: true })
    : leanSql(em, User, `select ${columns} from "app_user" as "u" where "u"."id" = any(?::uuid[])`, [[...ids]], { prepare: true });
}
