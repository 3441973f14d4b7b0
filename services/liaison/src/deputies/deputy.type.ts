// GraphQL shape of a deputy, its term, contact details and station assignments.
import { createConnectionTypes, LocalDateScalar, Node, toGlobalId } from '@liaison/graphql-kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DEPUTY_LEVELS, type DeputyGroupRole, type DeputyLevel } from './events.js';
import type { DeputyDocument, DeputyStatus } from './projection.js';

export const DeputyLevelEnum = Object.fromEntries(
  DEPUTY_LEVELS.map((level) => [level.toUpperCase(), level]),
) as {
  [K in Uppercase<DeputyLevel>]: Lowercase<K>;
};
registerEnumType(DeputyLevelEnum, {
  name: 'DeputyLevel',
  description: 'The congress a deputy was elected to: township, county, city, province or national.',
});

export const DeputyStatusEnum = {
  SERVING: 'serving',
  TERM_ENDED: 'term-ended',
  RESIGNED: 'resigned',
} as const;
registerEnumType(DeputyStatusEnum, { name: 'DeputyStatus' });

export const DeputyGroupRoleEnum = { LEADER: 'leader', MEMBER: 'member' } as const satisfies Record<
  string,
  DeputyGroupRole
>;
registerEnumType(DeputyGroupRoleEnum, { name: 'DeputyGroupRole' });

@ObjectType({ description: 'The term (届) a deputy serves.' })
export class DeputyTermInfo {
  @Field(() => Int, { description: '届次: the congress term number.' })
  number!: number;

  @Field(() => LocalDateScalar)
  startsOn!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  endsOn!: string | null;
}

@ObjectType('DeputyContact', {
  description:
    'Personal data: in clear for staff of the deputy’s jurisdiction; phone and email masked (138****1234) and the address withheld for others.',
})
export class DeputyContactInfo {
  @Field(() => String, { nullable: true })
  phone!: string | null;

  @Field(() => String, { nullable: true })
  email!: string | null;

  @Field(() => String, { nullable: true })
  address!: string | null;

  @Field(() => Boolean, { description: 'True when the values are masked for the caller.' })
  masked!: boolean;
}

@ObjectType('Deputy', {
  implements: Node,
  description: 'A deputy of a people’s congress (人大代表). Staff only, within their jurisdiction.',
})
export class Deputy extends Node {
  @Field(() => ID)
  declare id: string;

  /** The read-model document, for field resolvers; not exposed. */
  document!: DeputyDocument;

  @Field(() => String)
  name!: string;

  @Field(() => DeputyLevelEnum)
  level!: DeputyLevel;

  @Field(() => DeputyStatusEnum)
  status!: DeputyStatus;

  @Field(() => String, { description: '选区: the constituency that elected the deputy.' })
  constituency!: string;

  @Field(() => DeputyTermInfo)
  term!: DeputyTermInfo;

  @Field(() => String, { nullable: true })
  employer!: string | null;

  @Field(() => String, { nullable: true, description: '界别: the sector the deputy represents.' })
  sector!: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Last day of service, once the term ended or the deputy resigned.',
  })
  endedOn!: string | null;

  @Field(() => Date)
  registeredAt!: Date;

  /** Builds the GraphQL object from its read model document. */
  static from(this: void, document: DeputyDocument): Deputy {
    return Object.assign(new Deputy(), {
      id: toGlobalId('Deputy', document.id),
      document,
      name: document.name,
      level: document.level,
      status: document.status,
      constituency: document.constituency,
      term: Object.assign(new DeputyTermInfo(), document.term),
      employer: document.employer,
      sector: document.sector,
      endedOn: document.endedOn,
      registeredAt: new Date(document.registeredAt),
    });
  }
}

export const { Connection: DeputyConnection } = createConnectionTypes(Deputy, 'Deputy');
