// The common path of every liaison mutation: the kit's command metadata, FORBIDDEN mapping, read-your-writes
// and id decoding, plus the shapes liaison's resolvers share (several ids decoded, one object's mutations).
import type { Principal, Role } from '@liaison/auth';
import type { CommandMetadata, CommandOutcome, DomainError } from '@liaison/decider';
import { isDomainError } from '@liaison/decider';
import {
  commandMetadata,
  decodeId,
  execute,
  requireRole,
  type MutationPayloads,
  type PayloadWith,
  type RequestContext,
} from '@liaison/graphql-kit';
import type { LiaisonDeps } from './module-deps.js';

export { commandMetadata, decodeId, execute };

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
