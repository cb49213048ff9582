import { definePolicy, type ModulePolicy } from '@rapport/subgraph-kit';
import { customerPolicy } from '../customer/customer.policy.js';

/** Activities follow their customer: whoever may see (change) the customer may see (log) its activities. */
export const activityPolicy: ModulePolicy = definePolicy('activities', customerPolicy.roles);
