// Answers for a stub that stands in for every subgraph in `gateway-alone.bench.ts`: any request the
// gateway's query plan sends (a root query or an `_entities` fetch) gets an answer of the right shape,
// made up from the supergraph's types, so the gateway does all of its own work (planning, fetching,
// merging, shaping) and no subgraph does any.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import {
  buildASTSchema,
  getNamedType,
  isAbstractType,
  isEnumType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  parse,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLObjectType,
  type GraphQLOutputType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';

/**
 * How many items a list field gets, where the flagship's book says (book.ts: each of the rep's
 * customers has 2 tickets, 1 opportunity, 1 order and 2 overdue invoices in one currency); the list
 * in a connection asked for `first: n` gets n items, any other list 2.
 */
const LIST_LENGTHS: Record<string, number> = { openTickets: 2, openOpportunities: 1, openOrders: 1, invoices: 2, totals: 1 };
/** Types with one object for every reference (the book has one rep, the owner of every customer). */
const ONE_OF_A_KIND = new Set(['User']);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A synthesizer of subgraph answers over `supergraphSdl`'s types. */
export function stubAnswers(supergraphSdl: string): (body: { query: string; variables?: Record<string, Json> }) => { data: Json } {
  const schema: GraphQLSchema = buildASTSchema(parse(supergraphSdl), { assumeValidSDL: true });
  return ({ query, variables = {} }) => {
    const document = parse(query);
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
    const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION);
    if (!operation) throw new Error('no operation');
    const root = operation.operation === 'mutation' ? schema.getMutationType() : schema.getQueryType();
    if (!root) throw new Error(`no ${operation.operation} type`);
    let serial = 0;

    const argumentValue = (node: ValueNode): Json => (node.kind === Kind.VARIABLE ? (variables[node.name.value] ?? null) : node.kind === Kind.INT ? Number(node.value) : null);

    /** The fields selected on `type`, through inline fragments and fragment spreads whose condition it meets. */
    const fieldsOf = (type: GraphQLObjectType, selectionSet: SelectionSetNode, into: FieldNode[] = []): FieldNode[] => {
      for (const selection of selectionSet.selections) {
        if (selection.kind === Kind.FIELD) into.push(selection);
        else {
          const fragment = selection.kind === Kind.INLINE_FRAGMENT ? selection : fragments.get(selection.name.value);
          const condition = fragment?.typeCondition?.name.value;
          if (!fragment || (condition && condition !== type.name && !type.getInterfaces().some((i) => i.name === condition))) continue;
          fieldsOf(type, fragment.selectionSet, into);
        }
      }
      return into;
    };

    const objectOf = (type: GraphQLObjectType, selectionSet: SelectionSetNode, known: Record<string, Json> = {}, page?: number): Json => {
      const result: Record<string, Json> = {};
      for (const field of fieldsOf(type, selectionSet)) {
        const key = field.alias?.value ?? field.name.value;
        const name = field.name.value;
        if (name === '__typename') result[key] = type.name;
        else if (name === '_entities') {
          const representations = (variables.representations ?? []) as Record<string, Json>[];
          result[key] = representations.map((representation) => {
            const entityType = schema.getType(String(representation.__typename));
            if (!isObjectType(entityType) || !field.selectionSet) throw new Error(`unknown entity ${String(representation.__typename)}`);
            return objectOf(entityType, field.selectionSet, representation);
          });
        } else if (name in known) result[key] = known[name] ?? null;
        else {
          const definition = type.getFields()[name];
          if (!definition) throw new Error(`${type.name}.${name} is not in the supergraph`);
          result[key] = fieldValue(definition.type, field, type, page);
        }
      }
      return result;
    };

    const fieldValue = (type: GraphQLOutputType, field: FieldNode, parent: GraphQLObjectType, page: number | undefined): Json => {
      if (isNonNullType(type)) return fieldValue(type.ofType, field, parent, page);
      if (isListType(type)) {
        const length = LIST_LENGTHS[field.name.value] ?? page ?? 2;
        return Array.from({ length }, () => fieldValue(type.ofType, field, parent, undefined));
      }
      const named = getNamedType(type);
      if (isAbstractType(named)) {
        const [concrete] = schema.getPossibleTypes(named);
        if (!concrete || !field.selectionSet) throw new Error(`nothing to answer for ${named.name}`);
        return objectOf(concrete, field.selectionSet);
      }
      if (isObjectType(named)) {
        if (!field.selectionSet) throw new Error(`${parent.name}.${field.name.value} has no selection`);
        const first = field.arguments?.find((argument) => argument.name.value === 'first');
        const given = first ? argumentValue(first.value) : null;
        return objectOf(named, field.selectionSet, {}, typeof given === 'number' ? given : undefined);
      }
      if (isEnumType(named)) return named.getValues()[0]?.name ?? null;
      serial++;
      switch (named.name) {
        case 'ID':
          return ONE_OF_A_KIND.has(parent.name) ? `${parent.name}-1` : `00000000-0000-4000-8000-${String(serial).padStart(12, '0')}`;
        case 'Int':
          return serial % 100;
        case 'Float':
          return 0.25;
        case 'Boolean':
          return true;
        case 'DateTime':
          return '2026-12-01T09:30:00.000Z';
        default:
          return `${field.name.value} ${serial}`;
      }
    };

    return { data: objectOf(root, operation.selectionSet) };
  };
}

/**
 * An HTTP server on a free port of 127.0.0.1 standing in for every subgraph: each request's body
 * (its text) is answered with `answer`'s text as JSON. Resolves with the server and its GraphQL URL.
 */
export async function startStubSubgraphs(answer: (body: string) => string): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(answer(Buffer.concat(chunks).toString('utf8')));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql` };
}
