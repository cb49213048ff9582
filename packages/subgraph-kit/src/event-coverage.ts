import { randomUUID } from 'node:crypto';
import type { CloudEvent } from '@rapport/contracts';
import { graphqlRequest, testToken, type GraphQLResult, type TestPrincipal, type TestSubgraph } from './test-client.js';

/**
 * How an audited entity maps to the aggregate its events are about. `keys` are the entity's
 * properties whose values identify the change: the record's own id and its aggregate root's id
 * (a contact: `['id', 'customerId']`). A change is announced when an event written by the same
 * request names one of those values, as its subject or anywhere in its data.
 * `internal` marks bookkeeping no other service or integrator acts on, with the reason.
 * `ignoreFields`: updates that touch only these fields need no event (sign-in counters, secrets).
 */
export type EntityCoverage = { keys: string[]; ignoreFields?: string[] } | { internal: string };

/** Every audited entity of a subgraph; an entity missing here fails the check. */
export type EventCoverage = Record<string, EntityCoverage>;

export interface AuditedChange {
  entity: string;
  entityId: string;
  action: string;
  fields: string[];
}

export interface WrittenEvent {
  type: string;
  topic: string;
  subject: string;
  data: Record<string, unknown>;
}

/** The one event of `type` among `events`; throws when there is none or more than one. */
export function onlyEvent(events: readonly WrittenEvent[], type: string): WrittenEvent {
  const found = events.filter((e) => e.type === type);
  if (found.length !== 1 || !found[0]) throw new Error(`expected one ${type} event, found ${found.length} among ${events.map((e) => e.type).join(', ') || 'none'}`);
  return found[0];
}

/** An audited change no event of its request announces, and why. */
export interface UnannouncedChange extends AuditedChange {
  reason: string;
}

export interface RequestChanges {
  requestId: string;
  audited: AuditedChange[];
  events: WrittenEvent[];
  unannounced: UnannouncedChange[];
}

const mentions = (value: unknown, ids: ReadonlySet<string>): boolean => {
  if (typeof value === 'string') return ids.has(value);
  if (Array.isArray(value)) return value.some((v) => mentions(v, ids));
  if (value && typeof value === 'object') return Object.values(value).some((v) => mentions(v, ids));
  return false;
};

/**
 * What request `requestId` changed (its audit entries) and announced (its outbox rows), and the
 * changes left unannounced: every audited change to an aggregate must be accompanied, in the same
 * transaction, by an event about that aggregate.
 */
export async function changesOfRequest(subgraph: TestSubgraph, coverage: EventCoverage, requestId: string): Promise<RequestChanges> {
  const em = subgraph.service.orm.em.fork();
  const connection = em.getConnection();
  const auditRows = await connection.execute<{ entity: string; entity_id: string; action: string; changes: { field: string }[] }[]>(
    'select entity, entity_id, action, changes from audit_entry where request_id = ? order by at, id',
    [requestId],
  );
  const outboxRows = await connection.execute<{ topic: string; payload: CloudEvent<string, Record<string, unknown>> }[]>(
    `select topic, payload from outbox_message where payload->>'requestid' = ? order by position`,
    [requestId],
  );
  const events: WrittenEvent[] = outboxRows.map((r) => ({ type: r.payload.type, topic: r.topic, subject: r.payload.subject, data: r.payload.data }));
  const audited: AuditedChange[] = auditRows.map((r) => ({ entity: r.entity, entityId: r.entity_id, action: r.action, fields: r.changes.map((c) => c.field) }));
  const unannounced: UnannouncedChange[] = [];
  for (const change of audited) {
    const spec = coverage[change.entity];
    if (!spec) {
      unannounced.push({ ...change, reason: `entity ${change.entity} is not declared in the event coverage (an aggregate with events, or internal with a reason)` });
      continue;
    }
    if ('internal' in spec) continue;
    if (change.action === 'UPDATE' && spec.ignoreFields && change.fields.every((f) => spec.ignoreFields!.includes(f))) continue;
    const ids = new Set<string>([change.entityId]);
    const meta = em.getMetadata().getByClassName(change.entity, false);
    const pk = meta?.primaryKeys[0];
    if (!meta || !pk) throw new Error(`no entity metadata for ${change.entity}`);
    const column = (property: string): string => {
      const name = meta.properties[property]?.fieldNames[0];
      if (!name) throw new Error(`${change.entity} has no property ${property}`);
      return `"${name}"::text as "${property}"`;
    };
    const [row] = await connection.execute<Record<string, unknown>[]>(
      `select ${spec.keys.map(column).join(', ')} from "${meta.tableName}" where ${column(pk).split(' as ')[0]} = ?`,
      [change.entityId],
    );
    for (const key of spec.keys) if (typeof row?.[key] === 'string') ids.add(row[key]);
    if (!events.some((e) => ids.has(e.subject) || mentions(e.data, ids))) {
      unannounced.push({ ...change, reason: `no event of the request names ${[...ids].join(' or ')}` });
    }
  }
  return { requestId, audited, events, unannounced };
}

/** Calls the subgraph as `principal` (an ADMIN by default) under request id `requestId`, as the gateway would. */
export async function gqlWithRequestId<T = Record<string, unknown>>(
  subgraph: TestSubgraph,
  requestId: string,
  principal: TestPrincipal | undefined,
  query: string,
  variables: Record<string, unknown> = {},
): Promise<GraphQLResult<T>> {
  return graphqlRequest<T>(subgraph.url, query, variables, { authorization: `Bearer ${await testToken(principal)}`, 'x-request-id': requestId });
}

/** The names of the subgraph's Mutation fields, from its own schema. */
export async function mutationFieldsOf(subgraph: TestSubgraph): Promise<string[]> {
  const result = await subgraph.gql<{ __schema: { mutationType: { fields: { name: string }[] } | null } }>('{ __schema { mutationType { fields { name } } } }');
  return (result.data?.__schema.mutationType?.fields ?? []).map((f) => f.name).sort();
}

/**
 * One Mutation field exercised for the event check: `run` prepares what it needs (with
 * `subgraph.gql`) and performs the mutation once through `call`, which is the request checked.
 * `announces` lists the event types it must write; `check` asserts on their payloads.
 */
export interface MutationCase {
  run: (call: <T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, principal?: TestPrincipal) => Promise<T>) => Promise<void>;
  announces: string[];
  check?: (events: WrittenEvent[]) => void | Promise<void>;
}

/**
 * A Mutation field that is not checked, with the reason: it changes no aggregate (`unchanged`),
 * or its events are known missing and owned by other work (`gap`; the check reports them).
 */
export type MutationCaseEntry = MutationCase | { unchanged: string } | { gap: string };

/** Runs one case and returns what its checked request changed and announced. */
export async function runMutationCase(subgraph: TestSubgraph, coverage: EventCoverage, field: string, mutationCase: MutationCase): Promise<RequestChanges> {
  const requestId = randomUUID();
  let calls = 0;
  await mutationCase.run(async <T>(query: string, variables: Record<string, unknown> = {}, principal?: TestPrincipal): Promise<T> => {
    calls += 1;
    const result = await gqlWithRequestId<T>(subgraph, requestId, principal, query, variables);
    if (result.errors?.length || !result.data) throw new Error(`${field} failed: ${JSON.stringify(result.errors)}`);
    return result.data;
  });
  if (calls !== 1) throw new Error(`${field}: the case must call the mutation exactly once through call(), did ${calls}`);
  return changesOfRequest(subgraph, coverage, requestId);
}
