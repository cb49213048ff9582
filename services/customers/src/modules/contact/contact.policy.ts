import { definePolicy, type ModulePolicy } from '@rapport/subgraph-kit';
import { customerPolicy } from '../customer/customer.policy.js';

/** Contacts follow their customer: whoever may see (change) the customer may see (change) its contacts. */
export const contactPolicy: ModulePolicy = definePolicy('contacts', customerPolicy.roles);
