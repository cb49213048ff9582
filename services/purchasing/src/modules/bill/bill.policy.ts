import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Supplier bills and payables: the kit's `POLICIES.supplierBills`. */
export const billPolicy: ModulePolicy = definePolicy('supplier bills', POLICIES.supplierBills);

/** Supplier payments: the kit's `POLICIES.supplierPayments`. */
export const paymentPolicy: ModulePolicy = definePolicy('supplier payments', POLICIES.supplierPayments);
