// GraphQL shapes of a station's details: specialisation, opening rules, staff appointments, opinion boxes.
import { LocalDateScalar } from '@liaison/graphql-kit';
import { Field, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import {
  STAFF_ROLES,
  STATION_SPECIALISATIONS,
  type StaffRole,
  type StationSpecialisation,
} from './events.js';
import type { OpinionBoxEntry, StaffAppointmentEntry } from './projection.js';

const upperSnake = (value: string) => value.toUpperCase().replace(/-/g, '_');

export const StationSpecialisationEnum = Object.fromEntries(
  STATION_SPECIALISATIONS.map((s) => [upperSnake(s), s]),
) as Record<string, StationSpecialisation>;
registerEnumType(StationSpecialisationEnum, {
  name: 'StationSpecialisation',
  description:
    'What a liaison point specialises in: enterprise, agriculture, school, community, industrial park, other.',
});

export const StaffRoleEnum = Object.fromEntries(STAFF_ROLES.map((r) => [upperSnake(r), r])) as Record<
  string,
  StaffRole
>;
registerEnumType(StaffRoleEnum, {
  name: 'StaffRole',
  description: 'Station head (站长), deputy head (副站长) or liaison officer (联络员).',
});

@ObjectType({ description: 'Hours on one weekday, Beijing time.' })
export class OpeningHours {
  @Field(() => Int, { description: '1 (Monday) to 7 (Sunday).' })
  weekday!: number;

  @Field(() => String, { description: 'HH:MM' })
  opens!: string;

  @Field(() => String, { description: 'HH:MM' })
  closes!: string;
}

@ObjectType()
export class OpeningRulesInfo {
  @Field(() => [OpeningHours])
  weekly!: OpeningHours[];

  @Field(() => String, { description: 'Anything else: reception days, holiday rules.' })
  note!: string;
}

@InputType()
export class OpeningHoursInput {
  @Field(() => Int)
  weekday!: number;

  @Field(() => String)
  opens!: string;

  @Field(() => String)
  closes!: string;
}

@InputType()
export class OpeningRulesInput {
  @Field(() => [OpeningHoursInput])
  weekly!: OpeningHoursInput[];

  @Field(() => String, { defaultValue: '' })
  note!: string;
}

@InputType({ description: 'A person named on a station.' })
export class StationPersonInput {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true, description: 'Their platform user id, when they sign in.' })
  userId?: string | null;
}

@ObjectType()
export class StationPersonInfo {
  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  userId!: string | null;
}

@ObjectType({ description: 'A staff appointment at a station, current (until null) or past.' })
export class StaffAppointment {
  @Field(() => String)
  appointmentId!: string;

  @Field(() => StaffRoleEnum)
  role!: StaffRole;

  @Field(() => StationPersonInfo)
  person!: StationPersonInfo;

  @Field(() => LocalDateScalar)
  since!: string;

  @Field(() => LocalDateScalar, { nullable: true })
  until!: string | null;

  @Field(() => String, { nullable: true })
  reason!: string | null;

  static from(this: void, entry: StaffAppointmentEntry): StaffAppointment {
    return Object.assign(new StaffAppointment(), {
      ...entry,
      person: Object.assign(new StationPersonInfo(), entry.person),
    });
  }
}

@ObjectType({ description: 'An opinion box and the observer (民意观察员) who empties it.' })
export class OpinionBox {
  @Field(() => String)
  boxId!: string;

  @Field(() => String)
  location!: string;

  @Field(() => StationPersonInfo, { nullable: true })
  observer!: StationPersonInfo | null;

  @Field(() => Date)
  installedAt!: Date;

  static from(this: void, entry: OpinionBoxEntry): OpinionBox {
    return Object.assign(new OpinionBox(), {
      boxId: entry.boxId,
      location: entry.location,
      observer: entry.observer && Object.assign(new StationPersonInfo(), entry.observer),
      installedAt: new Date(entry.installedAt),
    });
  }
}
