import { badInput } from '@rapport/errors';
import type { z } from 'zod';

/** Parses `env` with `schema`; a bad value fails at boot naming the variable. */
export function parseEnv<S extends z.ZodType>(schema: S, env: Record<string, string | undefined>): z.infer<S> {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0];
    throw badInput(String(issue?.path.join('.') ?? 'env'), `invalid environment: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return result.data;
}
