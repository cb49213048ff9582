import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A group of users; teams nest under a parent team to form the organisation's hierarchy. */
export const Team = defineEntity({
  name: 'Team',
  tableName: 'team',
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    parentId: p.uuid().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type ITeam = InferEntity<typeof Team>;
