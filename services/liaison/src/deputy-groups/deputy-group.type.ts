// GraphQL shape of a deputy group and of a deputy's membership in one.
import { createConnectionTypes, Node, toGlobalId } from '@liaison/graphql-kit';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { DeputyGroupRoleEnum, DeputyLevelEnum } from '../deputies/deputy.type.js';
import type { DeputyGroupRole, DeputyLevel } from '../deputies/events.js';
import type { DeputyGroupDocument } from './projection.js';

export const DeputyGroupStatusEnum = { ACTIVE: 'active', DISBANDED: 'disbanded' } as const;
registerEnumType(DeputyGroupStatusEnum, { name: 'DeputyGroupStatus' });

@ObjectType('DeputyGroup', { implements: Node, description: 'A deputy group (代表小组) in a jurisdiction.' })
export class DeputyGroup extends Node {
  @Field(() => ID)
  declare id: string;

  groupId!: string;
  jurisdictionId!: string;
  jurisdictionPath!: string;

  @Field(() => String)
  name!: string;

  @Field(() => DeputyLevelEnum)
  level!: DeputyLevel;

  @Field(() => DeputyGroupStatusEnum)
  status!: 'active' | 'disbanded';

  @Field(() => String, { nullable: true })
  disbandedReason!: string | null;

  /** Builds the GraphQL object from its read model document. */
  static from(this: void, document: DeputyGroupDocument): DeputyGroup {
    return Object.assign(new DeputyGroup(), {
      id: toGlobalId('DeputyGroup', document.id),
      groupId: document.id,
      jurisdictionId: document.jurisdictionId,
      jurisdictionPath: document.jurisdictionPath,
      name: document.name,
      level: document.level,
      status: document.status,
      disbandedReason: document.disbandedReason,
    });
  }
}

export const { Connection: DeputyGroupConnection } = createConnectionTypes(DeputyGroup, 'DeputyGroup');

@ObjectType({ description: 'A deputy’s place in a group.' })
export class DeputyGroupMembership {
  groupId!: string;

  @Field(() => DeputyGroupRoleEnum)
  role!: DeputyGroupRole;
}
