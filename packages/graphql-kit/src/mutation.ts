// The common path of every mutation: who acts, command metadata, scope errors, read-your-writes, id decoding.
import { randomUUID } from 'node:crypto';
import type { Principal } from '@liaison/auth';
import { domainError, type CommandMetadata, type CommandOutcome, type DomainError } from '@liaison/decider';
import { GraphQLError } from 'graphql';
import { fromGlobalId } from './global-id.js';
import type { RequestContext } from './request-context.js';
import { userErrorsOf, type UserError } from './user-error.type.js';

/** Thrown when an actor reaches outside its jurisdiction or role; the gateway answers FORBIDDEN. */
export class AccessDeniedError extends Error {
  readonly code = 'FORBIDDEN';
  constructor(message: string) {
    super(message);
    this.name = 'AccessDeniedError';
  }
}

/** What a mutation needs to wait for its own write: the read models' position and how long to wait. */
export interface ReadYourWrites {
  waitForPosition(position: number, timeoutMs: number): Promise<boolean>;
  readYourWritesTimeoutMs: number;
}

/** Command metadata for the request's principal, or for the public (anonymous intake) when there is none. */
export function commandMetadata(
  context: RequestContext,
  actor: Principal | null,
  now: Date,
  commandId?: string | null,
): CommandMetadata {
  return {
    commandId: commandId ?? randomUUID(),
    actorId: actor ? actor.userId : 'public',
    role: actor ? (actor.roles[0] ?? 'none') : 'public',
    jurisdictionId: actor ? actor.jurisdictionId : null,
    now: now.toISOString(),
    correlationId: context.requestId,
    causationId: null,
  };
}

/** Runs a use case; maps scope violations to FORBIDDEN and waits (bounded) until read models show a write. */
export async function execute<O extends CommandOutcome>(
  context: RequestContext,
  readYourWrites: ReadYourWrites,
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
    await readYourWrites.waitForPosition(outcome.globalPosition, readYourWrites.readYourWritesTimeoutMs);
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
