import { definePolicy, type ModulePolicy } from '@rapport/subgraph-kit';
import { customerPolicy } from '../customer/customer.policy.js';

/** Addresses follow their customer: whoever may see (change) the customer may see (change) its addresses. */
export const addressPolicy: ModulePolicy = definePolicy('addresses', customerPolicy.roles);
