import type { AccessPolicy } from '@rapport/subgraph-kit';
import { customerPolicy } from '../customer/customer.policy.js';

/** Contacts follow their customer: whoever may see (change) the customer may see (change) its contacts. */
export const contactPolicy: AccessPolicy = customerPolicy;
