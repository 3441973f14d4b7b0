// GraphQL shape of a jurisdiction and its connection.
import { createConnectionTypes, LocalDateScalar, Node, toGlobalId } from '@liaison/graphql-kit';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { JURISDICTION_LEVELS, type JurisdictionLevel } from './events.js';
import type { JurisdictionDocument } from './projection.js';

export const JurisdictionLevelEnum = Object.fromEntries(
  JURISDICTION_LEVELS.map((level) => [level.toUpperCase(), level]),
) as {
  [K in Uppercase<JurisdictionLevel>]: Lowercase<K>;
};
registerEnumType(JurisdictionLevelEnum, {
  name: 'JurisdictionLevel',
  description: 'Administrative level, from province down to village or community.',
});

export const JurisdictionStatusEnum = { ACTIVE: 'active', DISSOLVED: 'dissolved' } as const;
registerEnumType(JurisdictionStatusEnum, { name: 'JurisdictionStatus' });

@ObjectType('Jurisdiction', {
  implements: Node,
  description: 'An administrative area: province > city > county > township/street > village/community.',
})
export class Jurisdiction extends Node {
  @Field(() => ID)
  declare id: string;

  /** The jurisdiction's own id, for field resolvers; not exposed. */
  jurisdictionId!: string;
  parentId!: string | null;

  @Field(() => String)
  name!: string;

  @Field(() => JurisdictionLevelEnum)
  level!: JurisdictionLevel;

  @Field(() => String, { nullable: true, description: 'Administrative division code (行政区划代码).' })
  code!: string | null;

  @Field(() => Date)
  registeredAt!: Date;

  @Field(() => JurisdictionStatusEnum, { description: 'Dissolved once merged into another or split.' })
  status!: 'active' | 'dissolved';

  @Field(() => LocalDateScalar, { nullable: true, description: 'The day the merger or split took effect.' })
  dissolvedOn!: string | null;

  /** Where its stations, deputies and areas went; resolved by a field resolver. */
  successorIds!: string[];

  /** Builds the GraphQL object from its read model document. */
  static from(this: void, document: JurisdictionDocument): Jurisdiction {
    return Object.assign(new Jurisdiction(), {
      id: toGlobalId('Jurisdiction', document.id),
      jurisdictionId: document.id,
      parentId: document.parentId,
      name: document.name,
      level: document.level,
      code: document.code,
      registeredAt: new Date(document.registeredAt),
      status: document.status ?? 'active',
      dissolvedOn: document.dissolvedOn ?? null,
      successorIds: document.successorIds ?? [],
    });
  }
}

export const { Connection: JurisdictionConnection } = createConnectionTypes(Jurisdiction, 'Jurisdiction');
