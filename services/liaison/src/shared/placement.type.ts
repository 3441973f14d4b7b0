// GraphQL shape of one entry of a station's or deputy's jurisdiction history.
import { LocalDateScalar, type RequestContext } from '@liaison/graphql-kit';
import type { ReadStore } from '@liaison/readstore';
import { Ctx, Field, FieldResolver, ObjectType, Resolver, Root } from 'type-graphql';
import { jurisdictionLoader } from '../jurisdictions/jurisdiction.resolver.js';
import { Jurisdiction } from '../jurisdictions/jurisdiction.type.js';
import type { LiaisonDeps } from './module-deps.js';
import { OPEN_END, type PlacementDocument } from './placements-projection.js';

@ObjectType({ description: 'The jurisdiction something belonged to from one day until another.' })
export class JurisdictionPlacement {
  jurisdictionId!: string;

  @Field(() => LocalDateScalar, { description: 'First day (inclusive).' })
  from!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'First day no longer there; null while it holds.',
  })
  to!: string | null;

  static from(this: void, document: PlacementDocument): JurisdictionPlacement {
    return Object.assign(new JurisdictionPlacement(), {
      jurisdictionId: document.jurisdictionId,
      from: document.from,
      to: document.to === OPEN_END ? null : document.to,
    });
  }
}

/** The placements of one entity, oldest first. */
export async function historyOf(
  store: ReadStore,
  collection: 'station_placements' | 'deputy_placements',
  entityId: string,
): Promise<JurisdictionPlacement[]> {
  const page = await store.find<PlacementDocument>(collection, {
    filter: { entityId },
    sort: [['from', 'asc']],
    first: 1000,
  });
  return page.items.map(JurisdictionPlacement.from);
}

@Resolver(() => JurisdictionPlacement)
export class JurisdictionPlacementResolver {
  constructor(private readonly deps: LiaisonDeps) {}

  @FieldResolver(() => Jurisdiction, { nullable: true })
  async jurisdiction(
    @Root() placement: JurisdictionPlacement,
    @Ctx() context: RequestContext,
  ): Promise<Jurisdiction | null> {
    const document = await jurisdictionLoader(context, this.deps).load(placement.jurisdictionId);
    return document && Jurisdiction.from(document);
  }
}
