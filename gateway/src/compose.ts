import { join } from 'node:path';
import { composeServices } from '@apollo/composition';
import { loadSdl } from '@rapport/subgraph-kit';
import { parse } from 'graphql';
import { SUBGRAPHS, defaultSubgraphUrl, repoRoot } from './subgraphs.js';

export interface CompositionOutcome {
  supergraphSdl: string;
  hints: string[];
}

/**
 * Composes the supergraph from each subgraph's own schema files (the same files the subgraph
 * serves), with @apollo/composition — never by introspecting running services.
 */
export function composeSupergraph(root = repoRoot): CompositionOutcome {
  const services = SUBGRAPHS.map(({ name, port }) => ({
    name,
    url: defaultSubgraphUrl(port),
    typeDefs: parse(loadSdl(join(root, 'services', name, 'src'), name)),
  }));
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`supergraph composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return { supergraphSdl: result.supergraphSdl, hints: result.hints.map((h) => h.toString()) };
}
