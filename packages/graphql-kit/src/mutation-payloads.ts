// Mutation payloads from command outcomes: the user errors of a refusal, or the position and the object read back.
import type { CommandOutcome, DomainError } from '@liaison/decider';
import type { RequestContext } from './request-context.js';
import { userErrorsOf, type UserError } from './user-error.type.js';

/** A payload carrying one object under `K` (`{ userErrors, position, deputy }`). */
export type PayloadWith<K extends string, T> = { userErrors: UserError[]; position: number | null } & {
  [field in K]: T | null;
};

export interface MutationPayloads<K extends string, T> {
  /** The payload of a refusal: its user errors, no position, no object. */
  failed(error: DomainError): PayloadWith<K, T>;
  /** The payload of an outcome: on success the position written and the object `id` read back. */
  of(context: RequestContext, outcome: CommandOutcome, id: string): Promise<PayloadWith<K, T>>;
}

/** Payload builders for mutations that answer with the object they changed, read by `read` (a loader, say). */
export function mutationPayloads<K extends string, T>(
  field: K,
  read: (context: RequestContext, id: string) => Promise<T | null>,
): MutationPayloads<K, T> {
  const payload = (userErrors: UserError[], position: number | null, object: T | null) =>
    ({ userErrors, position, [field]: object }) as PayloadWith<K, T>;
  return {
    failed: (error) => payload(userErrorsOf(error), null, null),
    async of(context, outcome, id) {
      if (!outcome.ok) return payload(userErrorsOf(outcome.error), null, null);
      return payload([], outcome.globalPosition, await read(context, id));
    },
  };
}
