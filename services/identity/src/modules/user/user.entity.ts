import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ROLES } from '@rapport/auth';
import { createdAt, timestamp } from '@rapport/subgraph-kit/properties';

export { ROLES, type Role } from '@rapport/auth';

/** A person who works in Rapport; every record's owner, assignee or author points at one. */
export const User = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    id: p.uuid().primary(),
    email: p.text().unique(),
    displayName: p.text(),
    role: p.enum([...ROLES]),
    teamId: p.uuid().nullable(),
    active: p
      .boolean()
      .default(true)
      .onCreate(() => true),
    createdAt: createdAt(),
    /** `scrypt$N$r$p$salt$hash`; null when the user cannot sign in. Lazy: selected only when asked for. */
    passwordHash: p.text().nullable().lazy(),
    /** Wrong passwords since the last successful sign-in (or the last lock). */
    failedSignIns: p
      .integer()
      .default(0)
      .onCreate(() => 0),
    /** Sign-in is refused until then, after too many wrong passwords. */
    lockedUntil: timestamp().nullable(),
  },
});
export type IUser = InferEntity<typeof User>;
