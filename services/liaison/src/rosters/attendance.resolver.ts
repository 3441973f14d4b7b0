// GraphQL mutations of attendance: leave before the day, check-in and check-out, and no-shows.
import { domainError, isDomainError } from '@liaison/decider';
import { requireRole, toGlobalId, type RequestContext } from '@liaison/graphql-kit';
import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import type { LiaisonDeps } from '../shared/module-deps.js';
import { commandMetadata, decodeId, execute } from '../shared/mutation.js';
import {
  dutyDayKey,
  dutyDayPayload,
  failed,
  runOnDutyDay,
  STAFF,
  STAFF_OR_DEPUTY,
} from './duty-day.mutation.js';
import {
  CheckInInput,
  CheckOutInput,
  DecideLeaveInput,
  DutyDayPayload,
  LeavePayload,
  RecordNoShowInput,
  RequestLeaveInput,
} from './roster.input.js';
import type { RosterService } from './service.js';

@Resolver()
export class AttendanceResolver {
  constructor(
    private readonly deps: LiaisonDeps,
    private readonly service: RosterService,
  ) {}

  @Mutation(() => LeavePayload, { description: 'Asks for leave from a duty day; only before the day.' })
  async requestLeave(
    @Arg('input', () => RequestLeaveInput) input: RequestLeaveInput,
    @Ctx() context: RequestContext,
  ) {
    const actor = requireRole(context, ...STAFF_OR_DEPUTY);
    const key = dutyDayKey(input.dutyDayId, 'dutyDayId');
    if (isDomainError(key)) return failed<LeavePayload>(key, { dutyDay: null, leaveId: null });
    const deputyId = decodeId(input.deputyId, 'Deputy', 'deputyId');
    if (isDomainError(deputyId)) return failed<LeavePayload>(deputyId, { dutyDay: null, leaveId: null });
    let leaveId: string | null = null;
    const payload = await runOnDutyDay(context, this.deps, key, async () => {
      const outcome = await this.service.requestLeave(
        actor,
        { ...key, deputyId, reason: input.reason },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      );
      leaveId = outcome.leaveId;
      return outcome;
    });
    const id =
      payload.userErrors.length === 0 && leaveId ? toLeaveGlobalId(key.stationId, key.date, leaveId) : null;
    return { ...payload, leaveId: id };
  }

  @Mutation(() => DutyDayPayload, { description: 'Approves a pending leave request.' })
  async approveLeave(
    @Arg('input', () => DecideLeaveInput) input: DecideLeaveInput,
    @Ctx() context: RequestContext,
  ) {
    return this.decideLeave(input, true, context);
  }

  @Mutation(() => DutyDayPayload, { description: 'Rejects a pending leave request, with a reason.' })
  async rejectLeave(
    @Arg('input', () => DecideLeaveInput) input: DecideLeaveInput,
    @Ctx() context: RequestContext,
  ) {
    return this.decideLeave(input, false, context);
  }

  @Mutation(() => DutyDayPayload, { description: 'Signs a deputy in at a station for today’s duty.' })
  async checkIn(@Arg('input', () => CheckInInput) input: CheckInInput, @Ctx() context: RequestContext) {
    const actor = requireRole(context, ...STAFF_OR_DEPUTY);
    const stationId = decodeId(input.stationId, 'Station', 'stationId');
    if (isDomainError(stationId)) return failed<DutyDayPayload>(stationId, { dutyDay: null });
    const deputyId = decodeId(input.deputyId, 'Deputy', 'deputyId');
    if (isDomainError(deputyId)) return failed<DutyDayPayload>(deputyId, { dutyDay: null });
    let date = '';
    const outcome = await execute(context, this.deps, async () => {
      const result = await this.service.checkIn(
        actor,
        { stationId, deputyId, at: input.at ? input.at.toISOString() : null },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      );
      date = result.date;
      return result;
    });
    return dutyDayPayload(context, this.deps, outcome, { stationId, date });
  }

  @Mutation(() => DutyDayPayload, { description: 'Signs a deputy out.' })
  async checkOut(@Arg('input', () => CheckOutInput) input: CheckOutInput, @Ctx() context: RequestContext) {
    const actor = requireRole(context, ...STAFF_OR_DEPUTY);
    const key = dutyDayKey(input.dutyDayId, 'dutyDayId');
    if (isDomainError(key)) return failed<DutyDayPayload>(key, { dutyDay: null });
    const deputyId = decodeId(input.deputyId, 'Deputy', 'deputyId');
    if (isDomainError(deputyId)) return failed<DutyDayPayload>(deputyId, { dutyDay: null });
    return runOnDutyDay(context, this.deps, key, () =>
      this.service.checkOut(
        actor,
        { ...key, deputyId, at: input.at ? input.at.toISOString() : null },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
  }

  @Mutation(() => DutyDayPayload, {
    description: 'Records a no-show for a deputy after the day ended (the scheduler does this on its own).',
  })
  async recordNoShow(
    @Arg('input', () => RecordNoShowInput) input: RecordNoShowInput,
    @Ctx() context: RequestContext,
  ) {
    const actor = requireRole(context, ...STAFF);
    const key = dutyDayKey(input.dutyDayId, 'dutyDayId');
    if (isDomainError(key)) return failed<DutyDayPayload>(key, { dutyDay: null });
    const deputyId = decodeId(input.deputyId, 'Deputy', 'deputyId');
    if (isDomainError(deputyId)) return failed<DutyDayPayload>(deputyId, { dutyDay: null });
    return runOnDutyDay(context, this.deps, key, () =>
      this.service.recordNoShow(
        actor,
        { ...key, deputyId },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
  }

  private async decideLeave(
    input: DecideLeaveInput,
    approve: boolean,
    context: RequestContext,
  ): Promise<DutyDayPayload> {
    const actor = requireRole(context, ...STAFF);
    const raw = decodeId(input.leaveId, 'DutyLeave', 'leaveId');
    if (isDomainError(raw)) return failed<DutyDayPayload>(raw, { dutyDay: null });
    const [stationId, date, leaveId] = raw.split(':');
    if (!stationId || !date || !leaveId) {
      return failed<DutyDayPayload>(
        domainError('INVALID_ID', `expected the id of a DutyLeave, received "${input.leaveId}"`, ['leaveId']),
        {
          dutyDay: null,
        },
      );
    }
    return runOnDutyDay(context, this.deps, { stationId, date }, () =>
      this.service.decideLeave(
        actor,
        { stationId, date, leaveId, approve, reason: input.reason },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
  }
}

function toLeaveGlobalId(stationId: string, date: string, leaveId: string): string {
  return toGlobalId('DutyLeave', `${stationId}:${date}:${leaveId}`);
}
