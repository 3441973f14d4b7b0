// GraphQL inputs and payloads of rosters, duty days, leave and attendance.
import { domainError, type DomainError } from '@liaison/decider';
import { LocalDateScalar, MutationPayload } from '@liaison/graphql-kit';
import { Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { DutyDay } from './duty-day.type.js';
import type { HolidayPolicy, MonthFilter, RosterRule, Weekday } from './rules.js';

export const RosterRuleKindEnum = {
  DAY_OF_MONTH: 'day-of-month',
  NTH_WEEKDAY: 'nth-weekday',
  WEEKLY: 'weekly',
} as const;
registerEnumType(RosterRuleKindEnum, {
  name: 'RosterRuleKind',
  description: 'A fixed day of the month, the n-th (or last) weekday of the month, or a weekday every week.',
});

export const MonthFilterEnum = { ALL: 'all', ODD: 'odd', EVEN: 'even' } as const satisfies Record<
  string,
  MonthFilter
>;
registerEnumType(MonthFilterEnum, {
  name: 'MonthFilter',
  description: 'Every month, odd months only, or even months only.',
});

export const HolidayPolicyEnum = {
  SKIP: 'skip',
  NEXT_WORKING_DAY: 'next-working-day',
  PREVIOUS_WORKING_DAY: 'previous-working-day',
} as const satisfies Record<string, HolidayPolicy>;
registerEnumType(HolidayPolicyEnum, {
  name: 'HolidayPolicy',
  description:
    'What happens to a rule day on a public holiday: dropped, or moved to the next or previous working day.',
});

@InputType({ description: 'One roster rule with its reception window (Beijing time).' })
export class RosterRuleInput {
  @Field(() => RosterRuleKindEnum)
  kind!: RosterRule['kind'];

  @Field(() => Int, { nullable: true, description: 'DAY_OF_MONTH: the day, 1–31.' })
  day?: number | null;

  @Field(() => Int, { nullable: true, description: 'NTH_WEEKDAY: 1–5, or -1 for the last.' })
  n?: number | null;

  @Field(() => Int, { nullable: true, description: 'NTH_WEEKDAY and WEEKLY: 1 (Monday) to 7 (Sunday).' })
  weekday?: number | null;

  @Field(() => MonthFilterEnum, { defaultValue: 'all' })
  months!: MonthFilter;

  @Field(() => String, { description: 'HH:mm' })
  start!: string;

  @Field(() => String, { description: 'HH:mm' })
  end!: string;
}

/** Turns a rule input into a rule, or says which field it misses. */
export function toRule(input: RosterRuleInput, index: number): RosterRule | DomainError {
  const window = { start: input.start, end: input.end };
  const field = ['rules', String(index)];
  switch (input.kind) {
    case 'day-of-month':
      if (input.day == null)
        return domainError('INVALID_RULE', `rule ${index + 1}: a DAY_OF_MONTH rule needs day`, field);
      return { kind: 'day-of-month', day: input.day, months: input.months, window };
    case 'nth-weekday':
      if (input.n == null || input.weekday == null) {
        return domainError(
          'INVALID_RULE',
          `rule ${index + 1}: an NTH_WEEKDAY rule needs n and weekday`,
          field,
        );
      }
      return {
        kind: 'nth-weekday',
        n: input.n as 1,
        weekday: input.weekday as Weekday,
        months: input.months,
        window,
      };
    case 'weekly':
      if (input.weekday == null)
        return domainError('INVALID_RULE', `rule ${index + 1}: a WEEKLY rule needs weekday`, field);
      return { kind: 'weekly', weekday: input.weekday as Weekday, window };
  }
}

@InputType()
export class RosterDayInput {
  @Field(() => LocalDateScalar)
  date!: string;

  @Field(() => String)
  start!: string;

  @Field(() => String)
  end!: string;
}

@InputType()
export class PublishRosterInput {
  @Field(() => ID)
  stationId!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => [RosterRuleInput])
  rules!: RosterRuleInput[];

  @Field(() => HolidayPolicyEnum, { defaultValue: 'next-working-day' })
  holidayPolicy!: HolidayPolicy;

  @Field(() => [RosterDayInput], { defaultValue: [] })
  extraDays!: RosterDayInput[];

  @Field(() => [LocalDateScalar], { defaultValue: [] })
  cancellations!: string[];

  @Field(() => String, {
    nullable: true,
    description: 'Idempotency key: re-sending the same commandId changes nothing.',
  })
  commandId?: string | null;
}

@InputType()
export class AddRosterDayInput {
  @Field(() => ID)
  stationId!: string;

  @Field(() => LocalDateScalar)
  date!: string;

  @Field(() => String)
  start!: string;

  @Field(() => String)
  end!: string;

  @Field(() => String, { defaultValue: '' })
  reason!: string;

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@InputType()
export class CancelRosterDayInput {
  @Field(() => ID, { description: 'The DutyDay.' })
  dutyDayId!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@InputType()
export class AssignDutyInput {
  @Field(() => ID)
  dutyDayId!: string;

  @Field(() => [ID], { description: 'Everyone on duty that day (replaces the list).' })
  deputyIds!: string[];

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@InputType()
export class SwapDutyInput {
  @Field(() => ID, { description: 'The day the deputy gives up.' })
  dutyDayId!: string;

  @Field(() => ID)
  deputyId!: string;

  @Field(() => ID, { description: 'The deputy who takes the day.' })
  withDeputyId!: string;

  @Field(() => ID, {
    nullable: true,
    description:
      'The other deputy’s day taken in exchange (same station and year); omitted for a plain handover.',
  })
  withDutyDayId?: string | null;

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@InputType()
export class RequestLeaveInput {
  @Field(() => ID)
  dutyDayId!: string;

  @Field(() => ID)
  deputyId!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@InputType()
export class DecideLeaveInput {
  @Field(() => ID, { description: 'The DutyLeave.' })
  leaveId!: string;

  @Field(() => String, { defaultValue: '', description: 'Required to reject.' })
  reason!: string;

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@InputType()
export class CheckInInput {
  @Field(() => ID)
  stationId!: string;

  @Field(() => ID)
  deputyId!: string;

  @Field(() => Date, {
    nullable: true,
    description:
      'Staff only: the time on a paper sign-in sheet. Deputies always sign in at the current time.',
  })
  at?: Date | null;

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@InputType()
export class CheckOutInput {
  @Field(() => ID)
  dutyDayId!: string;

  @Field(() => ID)
  deputyId!: string;

  @Field(() => Date, { nullable: true, description: 'Staff only, as for check-in.' })
  at?: Date | null;

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@InputType()
export class RecordNoShowInput {
  @Field(() => ID)
  dutyDayId!: string;

  @Field(() => ID)
  deputyId!: string;

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@ObjectType()
export class DutyDayPayload extends MutationPayload {
  @Field(() => DutyDay, { nullable: true })
  dutyDay!: DutyDay | null;
}

@ObjectType()
export class LeavePayload extends DutyDayPayload {
  @Field(() => ID, { nullable: true, description: 'The DutyLeave requested.' })
  leaveId!: string | null;
}

@ObjectType()
export class PublishRosterPayload extends MutationPayload {
  @Field(() => [DutyDay], { description: 'The published days, by date.' })
  dutyDays!: DutyDay[];
}
