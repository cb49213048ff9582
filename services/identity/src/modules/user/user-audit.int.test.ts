import { randomUUID } from 'node:crypto';
import { startTestSubgraph, type TestPrincipal, type TestSubgraph } from '@rapport/subgraph-kit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIdentityService } from '../../create-identity-service.js';

let subgraph: TestSubgraph;
const admin: TestPrincipal = { userId: randomUUID(), role: 'ADMIN' };

type History = { user: { history: { action: string; actorId: string | null; changes: { field: string; from: string | null; to: string | null }[] }[] } };

beforeAll(async () => {
  subgraph = await startTestSubgraph('identity', createIdentityService);
});
afterAll(async () => subgraph?.stop());

describe('user audit trail', () => {
  it('records who created a user and changed its role, and never shows the password hash', async () => {
    const created = await subgraph.gqlAs<{ createUser: { id: string } }>(admin, `mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
      i: { email: 'audited@rapport.example', displayName: 'Audited', role: 'SALES_REP', password: 'a-long-enough-password' },
    });
    const id = created.data!.createUser.id;
    await subgraph.gqlAs(admin, `mutation($id: ID!) { setUserRole(id: $id, role: SALES_MANAGER) { id } }`, { id });
    const trail = await subgraph.gqlAs<History>(admin, `query($id: ID!) { user(id: $id) { history { action actorId changes { field from to } } } }`, { id });
    const [update, create] = trail.data!.user.history;
    expect(create).toMatchObject({ action: 'CREATE', actorId: admin.userId });
    expect(update).toMatchObject({ action: 'UPDATE', actorId: admin.userId });
    expect(update!.changes).toContainEqual({ field: 'role', from: '"SALES_REP"', to: '"SALES_MANAGER"' });
    expect(JSON.stringify(trail)).not.toMatch(/scrypt\$/);
    const stored = await subgraph.service.orm.em.fork().getConnection().execute<{ c: string }[]>(`select changes::text as c from audit_entry where entity_id = ?`, [id]);
    expect(stored.map((r) => r.c).join()).not.toMatch(/scrypt\$/);
  });
});
