import { describe, expect, it } from 'vitest';
import { devTargets, watchArgs } from '../src/dev-command.js';

describe('rapport dev', () => {
  it('runs every subgraph and the gateway when no name is given, on their registered ports', () => {
    expect(devTargets([]).map((s) => `${s.name}:${s.port}`)).toEqual([
      'identity:4001',
      'customers:4002',
      'sales:4003',
      'support:4004',
      'inventory:4005',
      'purchasing:4006',
      'finance:4007',
      'gateway:4000',
    ]);
  });

  it('runs only the named ones, and refuses an unknown name naming the known ones', () => {
    expect(devTargets(['sales', 'gateway']).map((s) => s.name)).toEqual(['sales', 'gateway']);
    expect(() => devTargets(['sales', 'billing'])).toThrow(/unknown service 'billing': choose from identity, customers, sales/);
  });

  it('watches the schema files a subgraph reads besides the code it imports', () => {
    const [sales] = devTargets(['sales']);
    expect(watchArgs(sales!)).toEqual([
      'watch',
      '--clear-screen=false',
      '--include',
      'services/sales/src/**/*.graphql',
      '--include',
      'packages/subgraph-kit/graphql/*.graphql',
      'services/sales/src/main.ts',
    ]);
  });
});
