import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GATEWAY_PORT, SUBGRAPHS } from '@rapport/contracts';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../src/paths.js';
import { builtArgs, GATEWAY } from '../src/services.js';

// docker-compose.yml and the systemd units cannot import the registry; they must say the same, and run
// what `npm start` runs: the build under plain Node with the arguments of services.ts (`builtArgs`).
describe('files that repeat the subgraph registry', () => {
  const compose = readFileSync(join(repoRoot, 'infra', 'docker-compose.yml'), 'utf8');
  const systemdDir = join(repoRoot, 'infra', 'systemd');
  const systemd = readFileSync(join(systemdDir, 'README.md'), 'utf8');
  const composeCommand = (args: string[]): string => `command: ${JSON.stringify(['node', ...args]).replace(/","/g, '", "')}`;

  it('docker-compose.yml runs every registered subgraph built, on its port, and the gateway routes to each', () => {
    for (const { name, port } of SUBGRAPHS) {
      const args = builtArgs({ name, port, entry: `services/${name}/src/main.ts` });
      expect(compose).toContain(
        `  ${name}:\n    <<: *subgraph\n    ${composeCommand(args)}\n    environment: { <<: *subgraph-env, PORT: "${port}" }\n    ports: ["127.0.0.1:${port}:${port}"]\n`,
      );
      expect(compose).toContain(`SUBGRAPH_${name.toUpperCase()}_URL: http://${name}:${port}/graphql\n`);
    }
    expect(compose).toContain(`  gateway:\n    <<: *subgraph\n    ${composeCommand(builtArgs(GATEWAY))}\n`);
    expect(compose).toContain(`PORT: "${GATEWAY_PORT}"`);
    expect(compose.match(/services\/\w+\/dist\/main\.js/g)).toHaveLength(SUBGRAPHS.length);
    // Nothing runs the TypeScript source; every process waits for the one-shot build.
    expect(compose).not.toMatch(/tsx|\/src\/main\.ts/);
    expect(compose).toContain('    build: { condition: service_completed_successfully }\n');
    expect(compose).toContain('command: ["node_modules/.bin/turbo", "run", "build"');
  });

  it('the systemd units run the build under the project Node with the same arguments', () => {
    const unit = (file: string): string => readFileSync(join(systemdDir, file), 'utf8');
    const execStart = (args: string[]): string => `\nExecStart=/opt/rapport/node_modules/.bin/node ${args.join(' ')}\n`;
    expect(unit('rapport-subgraph@.service')).toContain(execStart(builtArgs({ name: '%i', port: 0, entry: 'services/%i/src/main.ts' })));
    expect(unit('rapport-gateway.service')).toContain(execStart(builtArgs(GATEWAY)));
    for (const file of ['rapport-subgraph@.service', 'rapport-gateway.service']) {
      expect(unit(file), file).not.toMatch(/tsx|src\/main\.ts/);
      expect(unit(file), file).toContain('\nEnvironment=NODE_COMPILE_CACHE=/var/cache/rapport/compile-cache\n');
    }
  });

  it('the systemd install steps build the code and give every registered subgraph its port; the target wants each', () => {
    const list = [...SUBGRAPHS.map(({ name, port }) => `${name}:${port}`), `gateway:${GATEWAY_PORT}`].join(' ');
    expect(systemd).toContain(`for s in ${list}; do`);
    expect(systemd).toContain('npx turbo run build');
    const target = readFileSync(join(systemdDir, 'rapport.target'), 'utf8');
    const gateway = readFileSync(join(systemdDir, 'rapport-gateway.service'), 'utf8');
    for (const { name } of SUBGRAPHS) {
      expect(target).toContain(`rapport-subgraph@${name}.service`);
      expect(gateway).toMatch(new RegExp(`^After=.* rapport-subgraph@${name}\\.service`, 'm'));
    }
  });
});
