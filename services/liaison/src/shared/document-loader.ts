// One DataLoader per entity and request, batching loads of read-model documents by id.
import type { RequestContext } from '@liaison/graphql-kit';
import type { ReadDocument } from '@liaison/readstore';
import DataLoader from 'dataloader';
import type { LiaisonDeps } from './module-deps.js';

/** The request's loader of `collection` documents, keyed by the GraphQL type name `entity`. */
export function documentLoader<D extends ReadDocument>(
  context: RequestContext,
  deps: LiaisonDeps,
  entity: string,
  collection: string,
): DataLoader<string, D | null> {
  return context.loaders.get(
    entity,
    () => new DataLoader((ids: readonly string[]) => deps.readStore.load<D>(collection, ids)),
  );
}
