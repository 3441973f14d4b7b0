// The common path of every relay mutation: command metadata, read-your-writes, and global id decoding.
import { randomUUID } from 'node:crypto';
import type { Principal } from '@liaison/auth';
import { domainError, type CommandMetadata, type CommandOutcome, type DomainError } from '@liaison/decider';
import { fromGlobalId, type RequestContext } from '@liaison/graphql-kit';
import type { RelayDeps } from './relay-deps.js';

/** Command metadata for the request's principal. */
export function commandMetadata(
  context: RequestContext,
  actor: Principal,
  now: Date,
  commandId?: string | null,
): CommandMetadata {
  return {
    commandId: commandId ?? randomUUID(),
    actorId: actor.userId,
    role: actor.roles[0] ?? 'none',
    jurisdictionId: actor.jurisdictionId,
    now: now.toISOString(),
    correlationId: context.requestId,
    causationId: null,
  };
}

/** Runs a use case and, when it wrote, waits (bounded) until the read models show the write. */
export async function execute<O extends CommandOutcome>(
  context: RequestContext,
  deps: RelayDeps,
  run: () => Promise<O>,
): Promise<O> {
  const outcome = await run();
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
