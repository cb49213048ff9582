// `npm run compose`: writes gateway/supergraph.graphql from the subgraphs' schema files.
import { writeFileSync } from 'node:fs';
import { composeSupergraph } from './compose.js';
import { supergraphPath } from './subgraphs.js';

const { supergraphSdl, hints } = composeSupergraph();
writeFileSync(supergraphPath, supergraphSdl);
process.stdout.write(`wrote ${supergraphPath} (${supergraphSdl.length} bytes, ${hints.length} composition hints)\n`);
for (const hint of hints) process.stdout.write(`  hint: ${hint}\n`);
