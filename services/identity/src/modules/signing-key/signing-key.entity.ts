import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { createdAt, timestamp } from '@rapport/subgraph-kit/properties';
import type { JWK } from 'jose';

/**
 * A key pair that signs access tokens. The newest one not retired signs; every one not retired is
 * published in the JWKS, so tokens signed before a rotation keep verifying until they expire.
 */
export const SigningKeyRow = defineEntity({
  name: 'SigningKeyRow',
  tableName: 'signing_key',
  properties: {
    kid: p.text().primary(),
    privateJwk: p.json<JWK>(),
    publicJwk: p.json<JWK>(),
    createdAt: createdAt(),
    retiredAt: timestamp().nullable(),
  },
});
export type ISigningKeyRow = InferEntity<typeof SigningKeyRow>;
