// GraphQL shape of a liaison station and its connection.
import { createConnectionTypes, LocalDateScalar, Node, toGlobalId } from '@liaison/graphql-kit';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { STATION_KINDS, type StationKind, type StationSpecialisation } from './events.js';
import { OpeningHours, OpeningRulesInfo, StationSpecialisationEnum } from './station-details.type.js';
import type { StationDocument } from './projection.js';

export const StationKindEnum = {
  CENTRE: 'centre',
  SUB_STATION: 'sub-station',
  ROOM: 'room',
  POINT: 'point',
  ONLINE: 'online',
} as const satisfies Record<string, StationKind>;
registerEnumType(StationKindEnum, {
  name: 'StationKind',
  description:
    'Centre station (中心联络站), sub-station (分站), room (联络室), point (联络点) or online station (网上联络站).',
});
// The enum above must list every kind; this fails to compile when a kind is added without it.
const _allKinds: (typeof StationKindEnum)[keyof typeof StationKindEnum][] = [...STATION_KINDS];

export const StationStatusEnum = { OPEN: 'open', CLOSED: 'closed' } as const;
registerEnumType(StationStatusEnum, { name: 'StationStatus' });

@ObjectType('Station', { implements: Node, description: 'A place where deputies meet voters.' })
export class Station extends Node {
  @Field(() => ID)
  declare id: string;

  stationId!: string;
  jurisdictionId!: string;
  parentStationId!: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => StationKindEnum)
  kind!: StationKind;

  @Field(() => StationStatusEnum)
  status!: 'open' | 'closed';

  @Field(() => String)
  address!: string;

  @Field(() => String, { nullable: true })
  closedReason!: string | null;

  @Field(() => Date)
  registeredAt!: Date;

  @Field(() => StationSpecialisationEnum, { nullable: true, description: 'What a point specialises in.' })
  specialisation!: StationSpecialisation | null;

  @Field(() => OpeningRulesInfo, { nullable: true })
  openingRules!: OpeningRulesInfo | null;

  @Field(() => [String], { description: 'Facilities: reception room, wall board, video link, …' })
  facilities!: string[];

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'When the station last moved to its address.',
  })
  relocatedOn!: string | null;

  /** The read-model document, for field resolvers; not exposed. */
  document!: StationDocument;

  /** Builds the GraphQL object from its read model document. */
  static from(this: void, document: StationDocument): Station {
    return Object.assign(new Station(), {
      id: toGlobalId('Station', document.id),
      stationId: document.id,
      jurisdictionId: document.jurisdictionId,
      parentStationId: document.parentStationId,
      name: document.name,
      kind: document.kind,
      status: document.status,
      address: document.address,
      closedReason: document.closedReason,
      registeredAt: new Date(document.registeredAt),
      specialisation: document.specialisation ?? null,
      openingRules: document.openingRules
        ? Object.assign(new OpeningRulesInfo(), {
            note: document.openingRules.note,
            weekly: document.openingRules.weekly.map((h) => Object.assign(new OpeningHours(), h)),
          })
        : null,
      facilities: document.facilities ?? [],
      relocatedOn: document.relocatedOn ?? null,
      document,
    });
  }
}

export const { Connection: StationConnection } = createConnectionTypes(Station, 'Station');
