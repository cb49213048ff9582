import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

/** graphql-js's tag of a type or scalar (`GraphQLScalarType`, `GraphQLUnionType`, …). */
export const graphqlTag = (value: unknown): string | undefined => (value as { [Symbol.toStringTag]?: string } | null | undefined)?.[Symbol.toStringTag];

/** A scalar's implementation, known by tag, not `instanceof`: it may come from another copy of graphql-js. */
export const isScalarImplementation = (value: unknown): boolean => graphqlTag(value) === 'GraphQLScalarType';

/** An ISO 8601 timestamp with a time zone: `2026-11-23T10:15:00Z`, `2026-11-23T11:15:00.000+01:00`. */
const ISO_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2})$/;

/** The instant `text` names, or null when it is not an ISO 8601 timestamp with a time zone on a real calendar day. */
export function parseIsoDateTime(text: string): Date | null {
  const match = ISO_DATE_TIME.exec(text);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match;
  const time = Date.parse(text);
  if (Number.isNaN(time)) return null;
  // Date.parse rolls 2026-02-30 over to March; the calendar day must exist as written.
  const calendar = new Date(Date.UTC(Number(year), Number(month) - 1, Number(day)));
  if (calendar.getUTCFullYear() !== Number(year) || calendar.getUTCMonth() !== Number(month) - 1 || calendar.getUTCDate() !== Number(day)) return null;
  if (Number(hour) > 23 || Number(minute) > 59) return null;
  return new Date(time);
}

const EXPECTED = 'an ISO 8601 timestamp with a time zone, e.g. 2026-11-23T10:15:00Z';

function parseInput(value: unknown): Date {
  const date = typeof value === 'string' ? parseIsoDateTime(value) : null;
  if (!date) throw new GraphQLError(`DateTime must be ${EXPECTED}`);
  return date;
}

/**
 * The one `DateTime` of every subgraph. Resolvers return `Date`s (an entity's timestamps as they
 * are) and clients read ISO 8601 strings in UTC (`2026-11-23T10:15:00.000Z`); an argument arrives
 * as a `Date`. A string already in ISO 8601 form (one read from an event payload) is answered in
 * the same normal form; anything else (a number, an invalid date, free text) is refused, not
 * passed through.
 */
export const DateTimeScalar = new GraphQLScalarType<Date, string>({
  name: 'DateTime',
  description: 'An ISO 8601 timestamp in UTC, e.g. 2026-11-23T10:15:00.000Z.',
  serialize(value: unknown): string {
    if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString();
    const parsed = typeof value === 'string' ? parseIsoDateTime(value) : null;
    if (parsed) return parsed.toISOString();
    throw new GraphQLError(`DateTime cannot represent ${value instanceof Date ? 'an invalid Date' : (JSON.stringify(value) ?? String(value))}: a resolver must return a Date`);
  },
  parseValue: parseInput,
  parseLiteral(ast: ValueNode): Date {
    if (ast.kind !== Kind.STRING) throw new GraphQLError(`DateTime must be ${EXPECTED}, as a string`, { nodes: ast });
    return parseInput(ast.value);
  },
});

/** The custom scalars the kit implements for every subgraph, by name (the common SDL declares them). */
export const KIT_SCALARS = { DateTime: DateTimeScalar } as const;
