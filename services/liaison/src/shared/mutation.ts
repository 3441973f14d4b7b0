// The common path of every liaison mutation: who acts, command metadata, scope errors, read-your-writes.
import { randomUUID } from 'node:crypto';
import type { Principal, Role } from '@liaison/auth';
import type { CommandMetadata, CommandOutcome, DomainError } from '@liaison/decider';
import { domainError, isDomainError } from '@liaison/decider';
import {
  fromGlobalId,
  requireRole,
  type MutationPayloads,
  type PayloadWith,
  type RequestContext,
} from '@liaison/graphql-kit';
import { GraphQLError } from 'graphql';
import { AccessDeniedError } from './access.js';
import type { LiaisonDeps } from './module-deps.js';

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

/** Runs a use case; maps scope violations to FORBIDDEN and waits until read models show a successful write. */
export async function execute<O extends CommandOutcome>(
  context: RequestContext,
  deps: LiaisonDeps,
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

/** Decodes the global ids an input names (`{ stationId: 'Station' }`): the raw ids by field, or the first error. */
export function decodeIds<F extends string>(
  input: NoInfer<Record<F, string>>,
  types: Record<F, string>,
): Record<F, string> | DomainError {
  const ids = {} as Record<F, string>;
  for (const field of Object.keys(types) as F[]) {
    const id = decodeId(input[field], types[field], field);
    if (typeof id !== 'string') return id;
    ids[field] = id;
  }
  return ids;
}

/** Runs a use case for the request's principal with metadata from the request (`execute` does the rest). */
export function runCommand<O extends CommandOutcome>(
  context: RequestContext,
  deps: LiaisonDeps,
  actor: Principal,
  commandId: string | null | undefined,
  run: (metadata: CommandMetadata) => Promise<O>,
): Promise<O> {
  return execute(context, deps, () => run(commandMetadata(context, actor, deps.now(), commandId)));
}

/** A mutation of one existing object, as `objectMutation` builds it. */
export type ObjectMutation<K extends string, T, I extends string> = <F extends string = never>(
  context: RequestContext,
  input: NoInfer<Record<I | F, string>> & { commandId?: string | null },
  others: Record<F, string>,
  run: (actor: Principal, ids: Record<I | F, string>, metadata: CommandMetadata) => Promise<CommandOutcome>,
) => Promise<PayloadWith<K, T>>;

/**
 * Mutations of one existing object (a deputy, an assessment): the role checked, the object's id (input field
 * `id.field`, of GraphQL type `id.typename`) and the `others` decoded, the use case run with the request's
 * metadata, and the payload answering with the object read back.
 */
export function objectMutation<K extends string, T, I extends string>(options: {
  deps: LiaisonDeps;
  payloads: MutationPayloads<K, T>;
  roles: readonly Role[];
  id: { field: I; typename: string };
}): ObjectMutation<K, T, I> {
  const { deps, payloads, roles, id } = options;
  return async (context, input, others, run) => {
    const actor = requireRole(context, ...roles);
    const ids = decodeIds(input, { [id.field]: id.typename, ...others } as Record<
      I | keyof typeof others,
      string
    >);
    if (isDomainError(ids)) return payloads.failed(ids);
    const outcome = await runCommand(context, deps, actor, input.commandId, (metadata) =>
      run(actor, ids, metadata),
    );
    return payloads.of(context, outcome, ids[id.field]);
  };
}
