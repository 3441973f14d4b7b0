// GraphQL shape of one stint of a deputy at a station.
import { createConnectionTypes, LocalDateScalar } from '@liaison/graphql-kit';
import { Field, ObjectType } from 'type-graphql';
import type { DeputyAssignmentDocument } from './assignments-projection.js';

@ObjectType({ description: 'A deputy’s assignment to a station, current or past.' })
export class DeputyAssignment {
  deputyId!: string;
  stationId!: string;

  @Field(() => LocalDateScalar)
  since!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  until!: string | null;

  @Field(() => Boolean)
  active!: boolean;

  @Field(() => String, { nullable: true, description: 'Why it ended.' })
  reason!: string | null;

  /** Builds the GraphQL object from its read model document. */
  static from(this: void, document: DeputyAssignmentDocument): DeputyAssignment {
    return Object.assign(new DeputyAssignment(), {
      deputyId: document.deputyId,
      stationId: document.stationId,
      since: document.since,
      until: document.until,
      active: document.active,
      reason: document.reason,
    });
  }
}

export const { Connection: DeputyAssignmentConnection } = createConnectionTypes(
  DeputyAssignment,
  'DeputyAssignment',
);
