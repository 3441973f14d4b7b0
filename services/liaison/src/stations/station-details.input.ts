// GraphQL inputs of the mutations that describe, staff and equip a station.
import { LocalDateScalar } from '@liaison/graphql-kit';
import { Field, ID, InputType } from 'type-graphql';
import type { StaffRole, StationSpecialisation } from './events.js';
import {
  OpeningRulesInput,
  StaffRoleEnum,
  StationPersonInput,
  StationSpecialisationEnum,
} from './station-details.type.js';

const COMMAND_ID = 'Idempotency key: re-sending the same commandId changes nothing.';

// Abstract: no field takes it, so type-graphql never emits it; concrete inputs inherit its fields.
@InputType('StationChangeInput')
abstract class StationChangeInput {
  @Field(() => ID)
  stationId!: string;

  @Field(() => String, { nullable: true, description: COMMAND_ID })
  commandId?: string | null;
}

@InputType()
export class SetStationSpecialisationInput extends StationChangeInput {
  @Field(() => StationSpecialisationEnum, { nullable: true, description: 'None removes it.' })
  specialisation?: StationSpecialisation | null;
}

@InputType()
export class SetStationOpeningRulesInput extends StationChangeInput {
  @Field(() => OpeningRulesInput)
  openingRules!: OpeningRulesInput;
}

@InputType()
export class SetStationFacilitiesInput extends StationChangeInput {
  @Field(() => [String])
  facilities!: string[];
}

@InputType()
export class RelocateStationInput extends StationChangeInput {
  @Field(() => String)
  address!: string;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'First day at the new address; today when omitted.',
  })
  effectiveOn?: string | null;
}

@InputType()
export class AppointStationStaffInput extends StationChangeInput {
  @Field(() => StaffRoleEnum)
  role!: StaffRole;

  @Field(() => StationPersonInput)
  person!: StationPersonInput;

  @Field(() => LocalDateScalar, { nullable: true, description: 'First day; today when omitted.' })
  since?: string | null;
}

@InputType()
export class EndStationStaffAppointmentInput extends StationChangeInput {
  @Field(() => String)
  appointmentId!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'Last day; today when omitted.' })
  until?: string | null;

  @Field(() => String, { defaultValue: '' })
  reason!: string;
}

@InputType()
export class InstallOpinionBoxInput extends StationChangeInput {
  @Field(() => String)
  location!: string;

  @Field(() => StationPersonInput, {
    nullable: true,
    description: 'The observer (民意观察员) who empties it.',
  })
  observer?: StationPersonInput | null;
}

@InputType()
export class ChangeOpinionBoxObserverInput extends StationChangeInput {
  @Field(() => String)
  boxId!: string;

  @Field(() => StationPersonInput, { nullable: true })
  observer?: StationPersonInput | null;
}

@InputType()
export class RemoveOpinionBoxInput extends StationChangeInput {
  @Field(() => String)
  boxId!: string;

  @Field(() => String)
  reason!: string;
}
