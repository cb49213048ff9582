import { definePolicy, type ModulePolicy } from '@rapport/subgraph-kit';
import { opportunityPolicy } from '../opportunity/opportunity.policy.js';

/** Who may read the pipeline's stages: whoever may see opportunities, which stand in them. */
export const pipelinePolicy: ModulePolicy = definePolicy('pipeline stages', opportunityPolicy.roles);
