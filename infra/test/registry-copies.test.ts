import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GATEWAY_PORT, SUBGRAPHS } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/paths.js';

// docker-compose.yml and the systemd install steps cannot import the registry; they must say the same.
describe('files that repeat the subgraph registry', () => {
  const compose = readFileSync(join(repoRoot, 'infra', 'docker-compose.yml'), 'utf8');
  const systemd = readFileSync(join(repoRoot, 'infra', 'systemd', 'README.md'), 'utf8');

  it('docker-compose.yml runs every registered subgraph on its port, and the gateway routes to each', () => {
    for (const { name, port } of SUBGRAPHS) {
      expect(compose).toContain(
        `  ${name}:\n    <<: *subgraph\n    command: ["node_modules/.bin/tsx", "services/${name}/src/main.ts"]\n    environment: { <<: *subgraph-env, PORT: "${port}" }\n    ports: ["127.0.0.1:${port}:${port}"]\n`,
      );
      expect(compose).toContain(`SUBGRAPH_${name.toUpperCase()}_URL: http://${name}:${port}/graphql\n`);
    }
    expect(compose).toContain(`PORT: "${GATEWAY_PORT}"`);
    expect(compose.match(/services\/\w+\/src\/main\.ts/g)).toHaveLength(SUBGRAPHS.length);
  });

  it('the systemd install steps give every registered subgraph its port', () => {
    const list = [...SUBGRAPHS.map(({ name, port }) => `${name}:${port}`), `gateway:${GATEWAY_PORT}`].join(' ');
    expect(systemd).toContain(`for s in ${list}; do`);
  });
});
