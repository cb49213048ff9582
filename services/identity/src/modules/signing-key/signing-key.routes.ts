import type { RouteHandler } from '@rapport/subgraph-kit';
import type { KeyRing } from './signing-key.service.js';

export const JWKS_PATH = '/.well-known/jwks.json';

/** `GET /.well-known/jwks.json`: the public keys that verify identity's access tokens. */
export const signingKeyRoutes = (ring: KeyRing): Record<string, RouteHandler> => ({
  [JWKS_PATH]: (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/jwk-set+json; charset=utf-8', 'cache-control': 'public, max-age=300' });
    res.end(JSON.stringify(ring.jwks()));
  },
});
