// GraphQL of office calendars: declaring local days off or working days, and the calendar of a month.
import { calendarDay, CalendarError, plusDays, type OfficeDayKind } from '@liaison/calendar';
import { isDomainError } from '@liaison/decider';
import {
  LocalDateScalar,
  MutationPayload,
  requireRole,
  userErrorsOf,
  type RequestContext,
} from '@liaison/graphql-kit';
import { GraphQLError } from 'graphql';
import {
  Arg,
  Ctx,
  Field,
  ID,
  InputType,
  Mutation,
  ObjectType,
  Query,
  registerEnumType,
  Resolver,
} from 'type-graphql';
import type { JurisdictionService } from '../jurisdictions/service.js';
import type { LiaisonDeps } from '../shared/module-deps.js';
import { commandMetadata, decodeId, execute } from '../shared/mutation.js';
import type { OfficeCalendarService } from './service.js';

export const OfficeDayKindEnum = { HOLIDAY: 'holiday', WORKING_DAY: 'working-day' } as const satisfies Record<
  string,
  OfficeDayKind
>;
registerEnumType(OfficeDayKindEnum, {
  name: 'OfficeDayKind',
  description: 'A local day off, or a local working day.',
});

export const CalendarDayKindEnum = {
  WORKING_DAY: 'working-day',
  WEEKEND: 'weekend',
  HOLIDAY: 'holiday',
  MAKE_UP_WORKING_DAY: 'make-up-working-day',
} as const;
registerEnumType(CalendarDayKindEnum, { name: 'CalendarDayKind' });

@ObjectType({ description: 'One day of the working-day calendar in force for a jurisdiction.' })
export class CalendarDay {
  @Field(() => LocalDateScalar)
  date!: string;

  @Field(() => CalendarDayKindEnum)
  kind!: string;

  @Field(() => String, { nullable: true, description: 'The festival or the reason.' })
  name!: string | null;

  @Field(() => String, { description: '`weekday`, `national` or `office`.' })
  source!: string;
}

@InputType()
export class DeclareOfficeCalendarDayInput {
  @Field(() => ID)
  jurisdictionId!: string;

  @Field(() => LocalDateScalar)
  date!: string;

  @Field(() => OfficeDayKindEnum)
  kind!: OfficeDayKind;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@InputType()
export class ClearOfficeCalendarDayInput {
  @Field(() => ID)
  jurisdictionId!: string;

  @Field(() => LocalDateScalar)
  date!: string;

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@ObjectType()
export class OfficeCalendarPayload extends MutationPayload {}

@Resolver()
export class OfficeCalendarResolver {
  constructor(
    private readonly deps: LiaisonDeps,
    private readonly service: OfficeCalendarService,
    private readonly jurisdictions: JurisdictionService,
  ) {}

  @Query(() => [CalendarDay], {
    description:
      'Public: the working-day calendar of a month (YYYY-MM) for a jurisdiction, its offices’ adjustments included.',
  })
  async workingDayCalendar(
    @Arg('jurisdictionId', () => ID) jurisdictionId: string,
    @Arg('month', () => String) month: string,
  ): Promise<CalendarDay[]> {
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      throw new GraphQLError(`expected a month as YYYY-MM, received "${month}"`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    const rawId = decodeId(jurisdictionId, 'Jurisdiction', 'jurisdictionId');
    if (isDomainError(rawId)) return [];
    const jurisdiction = await this.jurisdictions.find(rawId);
    if (jurisdiction.status !== 'registered') return [];
    const calendar = await this.service.calendarFor([...jurisdiction.ancestorIds, rawId]);
    const days: CalendarDay[] = [];
    const first = `${month}-01`;
    try {
      for (let date = first; date.startsWith(month); date = plusDays(date, 1))
        days.push(calendarDay(calendar, date));
    } catch (error) {
      if (error instanceof CalendarError)
        throw new GraphQLError(error.message, { extensions: { code: error.code } });
      throw error;
    }
    return days;
  }

  @Mutation(() => OfficeCalendarPayload, {
    description:
      'Declares a local day off or working day for a jurisdiction within yours (and everything below it).',
  })
  async declareOfficeCalendarDay(
    @Arg('input', () => DeclareOfficeCalendarDayInput) input: DeclareOfficeCalendarDayInput,
    @Ctx() context: RequestContext,
  ): Promise<OfficeCalendarPayload> {
    const actor = requireRole(context, 'admin', 'congress-office');
    const jurisdictionId = decodeId(input.jurisdictionId, 'Jurisdiction', 'jurisdictionId');
    if (isDomainError(jurisdictionId)) return { userErrors: userErrorsOf(jurisdictionId), position: null };
    const outcome = await execute(context, this.deps, () =>
      this.service.declare(
        actor,
        { jurisdictionId, date: input.date, kind: input.kind, name: input.name },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    return outcome.ok
      ? { userErrors: [], position: outcome.globalPosition }
      : { userErrors: userErrorsOf(outcome.error), position: null };
  }

  @Mutation(() => OfficeCalendarPayload, { description: "Withdraws an office's declaration for a date." })
  async clearOfficeCalendarDay(
    @Arg('input', () => ClearOfficeCalendarDayInput) input: ClearOfficeCalendarDayInput,
    @Ctx() context: RequestContext,
  ): Promise<OfficeCalendarPayload> {
    const actor = requireRole(context, 'admin', 'congress-office');
    const jurisdictionId = decodeId(input.jurisdictionId, 'Jurisdiction', 'jurisdictionId');
    if (isDomainError(jurisdictionId)) return { userErrors: userErrorsOf(jurisdictionId), position: null };
    const outcome = await execute(context, this.deps, () =>
      this.service.clear(
        actor,
        { jurisdictionId, date: input.date },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    return outcome.ok
      ? { userErrors: [], position: outcome.globalPosition }
      : { userErrors: userErrorsOf(outcome.error), position: null };
  }
}
