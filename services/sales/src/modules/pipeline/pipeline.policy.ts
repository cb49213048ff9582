import { definePolicy, POLICIES, type ModulePolicy } from '@rapport/subgraph-kit';

/** Who may read and set up pipelines and their stages: the kit's `POLICIES.pipelines` (admins and sales managers set them up, the rest of sales and directors read). */
export const pipelinePolicy: ModulePolicy = definePolicy('pipelines', POLICIES.pipelines);
