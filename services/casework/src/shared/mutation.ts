// The common path of every casework mutation: who acts, command metadata, scope errors, read-your-writes.
import { randomUUID } from 'node:crypto';
import type { Principal } from '@liaison/auth';
import type { CommandMetadata, CommandOutcome, DomainError } from '@liaison/decider';
import { domainError } from '@liaison/decider';
import { fromGlobalId, userErrorsOf, type RequestContext, type UserError } from '@liaison/graphql-kit';
import { GraphQLError } from 'graphql';
import { AccessDeniedError } from './access.js';
import type { CaseworkDeps } from './module-deps.js';

/** Command metadata for the request's principal (or the public, for anonymous intake). */
export function commandMetadata(
  context: RequestContext,
  actor: Principal | null,
  now: Date,
  commandId?: string | null,
): CommandMetadata {
  return {
    commandId: commandId ?? randomUUID(),
    actorId: actor?.userId ?? 'public',
    role: actor?.roles[0] ?? 'public',
    jurisdictionId: actor?.jurisdictionId ?? null,
    now: now.toISOString(),
    correlationId: context.requestId,
    causationId: null,
  };
}

/** Runs a use case; maps scope violations to FORBIDDEN and waits until read models show a successful write. */
export async function execute<O extends CommandOutcome>(
  context: RequestContext,
  deps: CaseworkDeps,
  run: () => Promise<O>,
): Promise<O> {
  let outcome: O;
  try {
    outcome = await run();
  } catch (error) {
    if (error instanceof AccessDeniedError)
      throw new GraphQLError(error.message, { extensions: { code: 'FORBIDDEN' } });
    throw error;
  }
  if (outcome.ok && outcome.globalPosition > 0) {
    context.recordWrite(outcome.globalPosition);
    await deps.waitForPosition(outcome.globalPosition, deps.readYourWritesTimeoutMs);
  }
  return outcome;
}

/** Decodes a global id of the expected type, or returns a domain error naming the field. */
export function decodeId(globalId: string, typename: string, field: string): string | DomainError {
  const decoded = fromGlobalId(globalId);
  if (!decoded || decoded.typename !== typename) {
    return domainError('INVALID_ID', `expected the id of a ${typename}, received "${globalId}"`, [field]);
  }
  return decoded.id;
}

/** The userErrors and position of an outcome. */
export function resultOf(outcome: CommandOutcome): { userErrors: UserError[]; position: number | null } {
  return outcome.ok
    ? { userErrors: [], position: outcome.globalPosition }
    : { userErrors: userErrorsOf(outcome.error), position: null };
}

/** A refused outcome for an error found before deciding. */
export function refused(error: DomainError): CommandOutcome {
  return { ok: false, error };
}
