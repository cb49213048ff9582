import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, timestamp } from '@rapport/subgraph-kit/properties';

/**
 * A refresh token, stored only as the SHA-256 hash of its value. Each is used once: refreshing
 * revokes it and points `replacedBy` at its successor, so a chain can be followed (and revoked
 * whole) when a used token is presented again.
 */
export const RefreshToken = defineEntity({
  name: 'RefreshToken',
  tableName: 'refresh_token',
  properties: {
    id: p.uuid().primary(),
    userId: p.uuid(),
    tokenHash: p.text().unique('refresh_token_hash_unique'),
    createdAt: createdAt(),
    expiresAt: timestamp(),
    revokedAt: timestamp().nullable(),
    replacedBy: p.uuid().nullable(),
  },
});
export type IRefreshToken = InferEntity<typeof RefreshToken>;
