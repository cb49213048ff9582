import { describe, expect, it } from 'vitest';
import { GATEWAY_PORT, PUBLIC_ROOT_FIELDS, SUBGRAPHS, subgraphEntry } from './subgraphs.js';

describe('the subgraph registry', () => {
  it('gives every subgraph a name and a port of its own, none the gateway’s', () => {
    const names = SUBGRAPHS.map((s) => s.name);
    const ports = SUBGRAPHS.map((s) => s.port);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set([...ports, GATEWAY_PORT]).size).toBe(ports.length + 1);
  });

  it('lets no public root field be claimed by two subgraphs', () => {
    expect(new Set(PUBLIC_ROOT_FIELDS).size).toBe(PUBLIC_ROOT_FIELDS.length);
    expect(PUBLIC_ROOT_FIELDS).toEqual(['signIn', 'refreshSession', 'submitLeadForm']);
  });

  it('names the known subgraphs when asked for an unknown one', () => {
    expect(subgraphEntry('sales').port).toBe(4003);
    expect(() => subgraphEntry('billing')).toThrow(/unknown subgraph 'billing': the subgraphs are identity, customers, sales/);
  });
});
