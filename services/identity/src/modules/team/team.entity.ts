import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt } from '@rapport/subgraph-kit/properties';

/** A group of users; teams nest under a parent team to form the organisation's hierarchy. */
export const Team = defineEntity({
  name: 'Team',
  tableName: 'team',
  properties: {
    id: p.uuid().primary(),
    name: p.text(),
    parentId: p.uuid().nullable(),
    createdAt: createdAt(),
  },
});
export type ITeam = InferEntity<typeof Team>;
