// GraphQL shape of the handling unit registry, its inputs and payloads.
import { createConnectionTypes, MutationPayload, toGlobalId } from '@liaison/graphql-kit';
import { registerEnumType, Field, ID, InputType, ObjectType } from 'type-graphql';
import { TierEnum } from '../shared/enums.type.js';
import type { Tier } from '../suggestions/events.js';
import type { HandlingUnitDocument } from './projection.js';

export const HandlingUnitStatusEnum = { ACTIVE: 'active', MERGED: 'merged', RETIRED: 'retired' } as const;
registerEnumType(HandlingUnitStatusEnum, {
  name: 'HandlingUnitStatus',
  description: 'Active units take assignments; merged and retired ones do not.',
});

@ObjectType('RegisteredHandlingUnit', {
  description: 'A government department or body that handles suggestions (承办单位), as registered.',
})
export class RegisteredHandlingUnit {
  @Field(() => String, { description: 'The code assignments name it by.' }) unitId!: string;
  @Field(() => String) name!: string;
  @Field(() => ID) jurisdictionId!: string;
  @Field(() => TierEnum) tier!: Tier;
  @Field(() => HandlingUnitStatusEnum) status!: string;
  @Field(() => String, { nullable: true, description: 'The unit it was merged into.' })
  mergedInto!: string | null;
  @Field(() => Date) registeredAt!: Date;

  static from(this: void, d: HandlingUnitDocument): RegisteredHandlingUnit {
    return {
      unitId: d.id,
      name: d.name,
      jurisdictionId: toGlobalId('Jurisdiction', d.jurisdictionId),
      tier: d.tier,
      status: d.status,
      mergedInto: d.mergedInto,
      registeredAt: new Date(d.registeredAt),
    };
  }
}

export const { Connection: RegisteredHandlingUnitConnection } = createConnectionTypes(
  RegisteredHandlingUnit,
  'RegisteredHandlingUnit',
);

@InputType()
export class HandlingUnitFilter {
  @Field(() => ID, { nullable: true, description: 'This jurisdiction and everything below it.' })
  jurisdictionId?: string | null;
  @Field(() => TierEnum, { nullable: true }) tier?: Tier | null;
  @Field(() => HandlingUnitStatusEnum, { nullable: true }) status?: string | null;
}

@InputType()
export class RegisterHandlingUnitInput {
  @Field(() => String, { description: 'A code: letters, digits, ".", "_" or "-", at most 64.' })
  unitId!: string;
  @Field(() => String) name!: string;
  @Field(() => ID) jurisdictionId!: string;
  @Field(() => TierEnum) tier!: Tier;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@InputType()
export class RenameHandlingUnitInput {
  @Field(() => String) unitId!: string;
  @Field(() => String) name!: string;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@InputType()
export class RetireHandlingUnitInput {
  @Field(() => String) unitId!: string;
  @Field(() => String) reason!: string;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@InputType()
export class MergeHandlingUnitInput {
  @Field(() => String) unitId!: string;
  @Field(() => String, { description: 'The active unit that takes over its work.' }) intoUnitId!: string;
  @Field(() => String) reason!: string;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@ObjectType()
export class HandlingUnitPayload extends MutationPayload {
  @Field(() => RegisteredHandlingUnit, { nullable: true }) unit!: RegisteredHandlingUnit | null;
}
