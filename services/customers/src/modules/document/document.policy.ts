import { definePolicy, type ModulePolicy } from '@rapport/subgraph-kit';
import { customerPolicy } from '../customer/customer.policy.js';

/** Documents follow their customer: whoever may see (change) the customer may see (attach, change, delete) its documents. */
export const documentPolicy: ModulePolicy = definePolicy('documents', customerPolicy.roles);
