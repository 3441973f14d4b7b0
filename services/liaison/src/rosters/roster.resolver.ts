// GraphQL of rosters: the staff month calendar and duty board, the public duty list, and schedule mutations.
import { beijingDateOf } from '@liaison/calendar';
import { domainError, isDomainError } from '@liaison/decider';
import {
  ConnectionArgs,
  LocalDateScalar,
  requireRole,
  toConnection,
  type RequestContext,
} from '@liaison/graphql-kit';
import type { Condition, Filter, ReadDocument } from '@liaison/readstore';
import { GraphQLError } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { jurisdictionLoader } from '../jurisdictions/jurisdiction.resolver.js';
import { coversJurisdiction } from '../shared/access.js';
import type { LiaisonDeps } from '../shared/module-deps.js';
import { commandMetadata, decodeId, execute } from '../shared/mutation.js';
import { stationLoader } from '../stations/station.resolver.js';
import { Station } from '../stations/station.type.js';
import { DutyDay, DutyDayConnection, PublicDutyDay, PublicDutyDayConnection } from './duty-day.type.js';
import { dutyDayKey, failed, runOnDutyDay, STAFF } from './duty-day.mutation.js';
import type { DutyDayDocument } from './projection.js';
import {
  AddRosterDayInput,
  AssignDutyInput,
  CancelRosterDayInput,
  DutyDayPayload,
  PublishRosterInput,
  PublishRosterPayload,
  SwapDutyInput,
  toRule,
} from './roster.input.js';
import type { RosterService } from './service.js';

const MAX_PUBLIC_RANGE_DAYS = 92;

@Resolver(() => DutyDay)
export class RosterResolver {
  constructor(
    private readonly deps: LiaisonDeps,
    private readonly service: RosterService,
  ) {}

  @Query(() => [DutyDay], { description: "Staff: a station's duty days in a month (YYYY-MM), by date." })
  async rosterCalendar(
    @Arg('stationId', () => ID) stationId: string,
    @Arg('month', () => String) month: string,
    @Ctx() context: RequestContext,
  ): Promise<DutyDay[]> {
    const actor = requireRole(context, ...STAFF);
    if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) {
      throw new GraphQLError(`expected a month as YYYY-MM, received "${month}"`, {
        extensions: { code: 'BAD_USER_INPUT' },
      });
    }
    const rawId = decodeId(stationId, 'Station', 'stationId');
    if (isDomainError(rawId)) return [];
    const station = await stationLoader(context, this.deps).load(rawId);
    if (!station) return [];
    if (!coversJurisdiction(actor, station.jurisdictionPath.split('/').filter(Boolean))) {
      throw new GraphQLError(`station ${rawId} is outside your jurisdiction`, {
        extensions: { code: 'FORBIDDEN' },
      });
    }
    const page = await this.deps.readStore.find<DutyDayDocument & ReadDocument>('duty_days', {
      filter: { stationId: rawId, month },
      sort: [['date', 'asc']],
      first: 31,
    });
    return page.items.map(DutyDay.from);
  }

  @Query(() => DutyDayConnection, {
    description:
      "Staff: every duty day on a date (default today, Beijing) in a jurisdiction's subtree (default yours).",
  })
  async dutyBoard(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('date', () => LocalDateScalar, { nullable: true }) date: string | null,
    @Arg('jurisdictionId', () => ID, { nullable: true }) jurisdictionId: string | null,
    @Ctx() context: RequestContext,
  ) {
    const actor = requireRole(context, ...STAFF);
    const filter: Record<string, Condition> = { date: date ?? beijingDateOf(this.deps.now()) };
    const rootId = jurisdictionId
      ? decodeId(jurisdictionId, 'Jurisdiction', 'jurisdictionId')
      : actor.jurisdictionId;
    if (isDomainError(rootId))
      throw new GraphQLError(rootId.message, { extensions: { code: 'BAD_USER_INPUT' } });
    if (rootId !== null) {
      const root = await jurisdictionLoader(context, this.deps).load(rootId);
      if (!root)
        return {
          ...toConnection({ items: [], endCursor: null, hasNextPage: false }, DutyDay.from),
          totalCount: 0,
        };
      if (!coversJurisdiction(actor, [...root.ancestorIds, root.id])) {
        throw new GraphQLError(`jurisdiction ${rootId} is outside yours`, {
          extensions: { code: 'FORBIDDEN' },
        });
      }
      filter.jurisdictionPath = { prefix: root.path };
    } else if (!actor.roles.includes('admin')) {
      throw new GraphQLError('expected a principal with a jurisdiction', {
        extensions: { code: 'FORBIDDEN' },
      });
    }
    return this.page(filter, args, DutyDay.from);
  }

  @Query(() => PublicDutyDayConnection, {
    description:
      'Public: who receives voters when, at a station or in a jurisdiction, between two dates (at most 92 days).',
  })
  async whoIsOnDuty(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('from', () => LocalDateScalar) from: string,
    @Arg('to', () => LocalDateScalar) to: string,
    @Arg('stationId', () => ID, { nullable: true }) stationId: string | null,
    @Arg('jurisdictionId', () => ID, { nullable: true }) jurisdictionId: string | null,
    @Ctx() context: RequestContext,
  ) {
    const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
    if (!(days >= 0 && days <= MAX_PUBLIC_RANGE_DAYS)) {
      throw new GraphQLError(
        `expected from ≤ to, at most ${MAX_PUBLIC_RANGE_DAYS} days apart; received ${from}..${to}`,
        {
          extensions: { code: 'BAD_USER_INPUT' },
        },
      );
    }
    const filter: Record<string, Condition> = { date: { gte: from, lte: to }, status: 'scheduled' };
    if (stationId) {
      const rawId = decodeId(stationId, 'Station', 'stationId');
      if (isDomainError(rawId))
        throw new GraphQLError(rawId.message, { extensions: { code: 'BAD_USER_INPUT' } });
      filter.stationId = rawId;
    }
    if (jurisdictionId) {
      const rawId = decodeId(jurisdictionId, 'Jurisdiction', 'jurisdictionId');
      if (isDomainError(rawId))
        throw new GraphQLError(rawId.message, { extensions: { code: 'BAD_USER_INPUT' } });
      const root = await jurisdictionLoader(context, this.deps).load(rawId);
      filter.jurisdictionPath = { prefix: root?.path ?? `/${rawId}/` };
    }
    return this.page(filter, args, PublicDutyDay.from);
  }

  @FieldResolver(() => Station, { nullable: true })
  async station(@Root() day: DutyDay, @Ctx() context: RequestContext): Promise<Station | null> {
    const document = await stationLoader(context, this.deps).load(day.stationId);
    return document && Station.from(document);
  }

  @Mutation(() => PublishRosterPayload, {
    description: "Publishes a station's roster for a year from its rules.",
  })
  async publishRoster(
    @Arg('input', () => PublishRosterInput) input: PublishRosterInput,
    @Ctx() context: RequestContext,
  ): Promise<PublishRosterPayload> {
    const actor = requireRole(context, ...STAFF);
    const stationId = decodeId(input.stationId, 'Station', 'stationId');
    if (isDomainError(stationId)) return failed<PublishRosterPayload>(stationId, { dutyDays: [] });
    const rules = input.rules.map(toRule);
    const badRule = rules.find(isDomainError);
    if (badRule) return failed<PublishRosterPayload>(badRule, { dutyDays: [] });
    const outcome = await execute(context, this.deps, () =>
      this.service.publish(
        actor,
        {
          stationId,
          year: input.year,
          rules: rules.filter((rule) => !isDomainError(rule)),
          holidayPolicy: input.holidayPolicy,
          extraDays: input.extraDays.map((day) => ({
            date: day.date,
            window: { start: day.start, end: day.end },
          })),
          cancellations: input.cancellations,
        },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    if (!outcome.ok) return failed<PublishRosterPayload>(outcome.error, { dutyDays: [] });
    const page = await this.deps.readStore.find<DutyDayDocument & ReadDocument>('duty_days', {
      filter: { stationId, year: input.year },
      sort: [['date', 'asc']],
      first: 1000,
    });
    return { userErrors: [], position: outcome.globalPosition, dutyDays: page.items.map(DutyDay.from) };
  }

  @Mutation(() => DutyDayPayload, { description: 'Adds a reception day to a published roster.' })
  async addRosterDay(
    @Arg('input', () => AddRosterDayInput) input: AddRosterDayInput,
    @Ctx() context: RequestContext,
  ) {
    const actor = requireRole(context, ...STAFF);
    const stationId = decodeId(input.stationId, 'Station', 'stationId');
    if (isDomainError(stationId)) return failed<DutyDayPayload>(stationId, { dutyDay: null });
    return runOnDutyDay(context, this.deps, { stationId, date: input.date }, () =>
      this.service.addDay(
        actor,
        { stationId, date: input.date, window: { start: input.start, end: input.end }, reason: input.reason },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
  }

  @Mutation(() => DutyDayPayload, { description: 'Cancels a reception day, with a reason.' })
  async cancelRosterDay(
    @Arg('input', () => CancelRosterDayInput) input: CancelRosterDayInput,
    @Ctx() context: RequestContext,
  ) {
    const actor = requireRole(context, ...STAFF);
    const key = dutyDayKey(input.dutyDayId, 'dutyDayId');
    if (isDomainError(key)) return failed<DutyDayPayload>(key, { dutyDay: null });
    return runOnDutyDay(context, this.deps, key, () =>
      this.service.cancelDay(
        actor,
        { ...key, reason: input.reason },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
  }

  @Mutation(() => DutyDayPayload, { description: 'Sets the deputies on duty on a day.' })
  async assignDuty(
    @Arg('input', () => AssignDutyInput) input: AssignDutyInput,
    @Ctx() context: RequestContext,
  ) {
    const actor = requireRole(context, ...STAFF);
    const key = dutyDayKey(input.dutyDayId, 'dutyDayId');
    if (isDomainError(key)) return failed<DutyDayPayload>(key, { dutyDay: null });
    const deputyIds: string[] = [];
    for (const id of input.deputyIds) {
      const raw = decodeId(id, 'Deputy', 'deputyIds');
      if (isDomainError(raw)) return failed<DutyDayPayload>(raw, { dutyDay: null });
      deputyIds.push(raw);
    }
    return runOnDutyDay(context, this.deps, key, () =>
      this.service.assign(
        actor,
        { ...key, deputyIds },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
  }

  @Mutation(() => DutyDayPayload, {
    description:
      'Swaps two deputies between their days, or hands a day to another deputy. Returns the first day.',
  })
  async swapDuty(@Arg('input', () => SwapDutyInput) input: SwapDutyInput, @Ctx() context: RequestContext) {
    const actor = requireRole(context, ...STAFF);
    const key = dutyDayKey(input.dutyDayId, 'dutyDayId');
    if (isDomainError(key)) return failed<DutyDayPayload>(key, { dutyDay: null });
    const deputyId = decodeId(input.deputyId, 'Deputy', 'deputyId');
    if (isDomainError(deputyId)) return failed<DutyDayPayload>(deputyId, { dutyDay: null });
    const withDeputyId = decodeId(input.withDeputyId, 'Deputy', 'withDeputyId');
    if (isDomainError(withDeputyId)) return failed<DutyDayPayload>(withDeputyId, { dutyDay: null });
    let withDate: string | null = null;
    if (input.withDutyDayId) {
      const other = dutyDayKey(input.withDutyDayId, 'withDutyDayId');
      if (isDomainError(other)) return failed<DutyDayPayload>(other, { dutyDay: null });
      if (other.stationId !== key.stationId) {
        return failed<DutyDayPayload>(
          domainError('INVALID_SWAP', 'expected two days of the same station', ['withDutyDayId']),
          {
            dutyDay: null,
          },
        );
      }
      withDate = other.date;
    }
    return runOnDutyDay(context, this.deps, key, () =>
      this.service.swap(
        actor,
        { ...key, deputyId, withDeputyId, withDate },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
  }

  private async page<N>(filter: Filter, args: ConnectionArgs, map: (document: DutyDayDocument) => N) {
    const [page, totalCount] = await Promise.all([
      this.deps.readStore.find<DutyDayDocument & ReadDocument>('duty_days', {
        filter,
        sort: [
          ['date', 'asc'],
          ['stationId', 'asc'],
        ],
        first: args.first,
        after: args.after ?? null,
      }),
      this.deps.readStore.count('duty_days', filter),
    ]);
    return { ...toConnection(page, map), totalCount };
  }
}

@Resolver(() => PublicDutyDay)
export class PublicDutyDayResolver {
  constructor(private readonly deps: LiaisonDeps) {}

  @FieldResolver(() => Station, { nullable: true })
  async station(@Root() day: PublicDutyDay, @Ctx() context: RequestContext): Promise<Station | null> {
    const document = await stationLoader(context, this.deps).load(day.stationId);
    return document && Station.from(document);
  }
}
