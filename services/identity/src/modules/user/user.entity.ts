import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

export const ROLES = ['SALES_REP', 'SALES_MANAGER', 'DIRECTOR', 'SUPPORT_AGENT', 'WAREHOUSE_CLERK', 'BUYER', 'ACCOUNTANT', 'ADMIN'] as const;
export type Role = (typeof ROLES)[number];

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
    active: p.boolean().onCreate(() => true),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
});
export type IUser = InferEntity<typeof User>;
