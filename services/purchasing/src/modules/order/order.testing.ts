import { randomUUID } from 'node:crypto';
import { productSnapshots, seedCatalogue, type ProductSnapshotEvent, type TestPrincipal, type TestSubgraph } from '@rapport/subgraph-kit/testing';

export type ProductSnapshot = ProductSnapshotEvent;
export { seedCatalogue };

/** A product snapshot as inventory announces it, with overrides (purchasing tests' usual product: a valve). */
export const productSnapshot = productSnapshots({
  name: 'Ball valve DN50',
  listPrice: { amount: '180.00', currency: 'EUR' },
  standardCost: { amount: '90.00', currency: 'EUR' },
});

export const as = (role: TestPrincipal['role'], extra: Partial<TestPrincipal> = {}): TestPrincipal => ({ role, userId: randomUUID(), teamIds: [randomUUID()], ...extra });

/** Runs `query` as `principal` and returns its data, failing the test with the errors otherwise. */
export async function must<T>(subgraph: TestSubgraph, principal: TestPrincipal, query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await subgraph.gqlAs<T>(principal, query, variables);
  if (result.errors?.length) throw new Error(`errors: ${JSON.stringify(result.errors)}`);
  return result.data!;
}

export async function createSupplier(subgraph: TestSubgraph, principal: TestPrincipal, name: string, currency = 'EUR', paymentTermsDays = 30): Promise<string> {
  const data = await must<{ createSupplier: { id: string } }>(subgraph, principal, 'mutation($input: CreateSupplierInput!) { createSupplier(input: $input) { id } }', {
    input: { name, currency, paymentTermsDays },
  });
  return data.createSupplier.id;
}

export async function setPrice(subgraph: TestSubgraph, principal: TestPrincipal, input: Record<string, unknown>): Promise<string> {
  const data = await must<{ setSupplierPrice: { id: string } }>(subgraph, principal, 'mutation($input: SetSupplierPriceInput!) { setSupplierPrice(input: $input) { id } }', {
    input,
  });
  return data.setSupplierPrice.id;
}

export const PO_FIELDS = `id number status supplierId currency approvalReason approvalAmount { amount currency } approvedBy netTotal { amount currency } taxTotal { amount } grossTotal { amount }
  lines { id productId quantity unitPrice { amount currency } taxRate netAmount { amount } expectedDate receivedQuantity billedQuantity openQuantity }`;

export interface PoView {
  id: string;
  number: string;
  status: string;
  supplierId: string;
  currency: string;
  approvalReason: string | null;
  approvalAmount: { amount: string; currency: string } | null;
  approvedBy: string | null;
  netTotal: { amount: string; currency: string };
  taxTotal: { amount: string };
  grossTotal: { amount: string };
  lines: {
    id: string;
    productId: string;
    quantity: string;
    unitPrice: { amount: string; currency: string };
    taxRate: string;
    netAmount: { amount: string };
    expectedDate: string | null;
    receivedQuantity: string;
    billedQuantity: string;
    openQuantity: string;
  }[];
}

export async function createPo(subgraph: TestSubgraph, principal: TestPrincipal, input: Record<string, unknown>): Promise<PoView> {
  return (
    await must<{ createPurchaseOrder: PoView }>(subgraph, principal, `mutation($input: CreatePurchaseOrderInput!) { createPurchaseOrder(input: $input) { ${PO_FIELDS} } }`, {
      input,
    })
  ).createPurchaseOrder;
}

export const poMutation = (name: string) => `mutation($id: ID!) { ${name}(id: $id) { ${PO_FIELDS} } }`;

/** The events purchasing wrote to its outbox about `key`, oldest first. */
export async function outboxOf(subgraph: TestSubgraph, key: string): Promise<{ type: string; payload: { data: Record<string, unknown> } }[]> {
  return subgraph.service.orm.em.fork().getConnection().execute('select type, payload from outbox_message where message_key = ? order by position', [key]);
}
