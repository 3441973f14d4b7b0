// Activity use cases: resolve the hosting station or jurisdiction, check scope, and hand commands to the handler.
import type { Principal } from '@liaison/auth';
import type { CommandHandler, CommandMetadata, CommandOutcome } from '@liaison/decider';
import { pathOf } from '../jurisdictions/projection.js';
import type { JurisdictionService } from '../jurisdictions/service.js';
import { AccessDeniedError, assertCovers } from '../shared/access.js';
import type { AttachmentRef } from '../shared/attachment.js';
import { newEntityId } from '../shared/ids.js';
import type { StationFacts } from '../shared/station-facts.js';
import type { ActivityCommand, ActivityHost, DeputyStanding } from './commands.js';
import type { ActivityState } from './decider.js';
import { activityStream, type ActivityEvent, type ActivityKind } from './events.js';

export type ActivityHandler = CommandHandler<ActivityState, ActivityCommand, ActivityEvent>;

export interface PlanActivityInput {
  kind: ActivityKind;
  title: string;
  subject: string;
  date: string;
  place: string;
  /** Either a station (its jurisdiction hosts) or a jurisdiction (an office's own activity). */
  stationId: string | null;
  jurisdictionId: string | null;
}

type ChangeData<T extends ActivityCommand['type']> = Omit<
  Extract<ActivityCommand, { type: T }>['data'],
  'activityId'
>;

/** Whether deputies may take part in activities: read from their streams by the composition root. */
export interface DeputyStandings {
  /** 'serving', 'ended' (term ended or resigned), or null when no such deputy is registered. */
  standing(deputyId: string): Promise<DeputyStanding | null>;
}

export class ActivityService {
  constructor(
    private readonly handler: ActivityHandler,
    private readonly jurisdictions: JurisdictionService,
    private readonly stations: StationFacts,
    private readonly deputies: DeputyStandings,
  ) {}

  /** Plans an activity at a station or in a jurisdiction the actor covers. */
  async plan(
    actor: Principal,
    input: PlanActivityInput,
    metadata: CommandMetadata,
  ): Promise<CommandOutcome & { activityId: string }> {
    const activityId = newEntityId(metadata.commandId, 'activity');
    const host = await this.host(input);
    if (host)
      assertCovers(actor, host.jurisdictionPath.split('/').filter(Boolean), 'the hosting jurisdiction');
    const outcome = await this.handler.handle(activityStream(activityId), {
      type: 'PlanActivity',
      data: {
        activityId,
        kind: input.kind,
        title: input.title,
        subject: input.subject,
        date: input.date,
        place: input.place,
        host,
      },
      metadata,
    });
    return { ...outcome, activityId };
  }

  /** Invites deputies to an activity the actor covers. */
  async invite(actor: Principal, activityId: string, deputyIds: string[], metadata: CommandMetadata) {
    const requested = [...new Set(deputyIds)].slice(0, 501); // the decider refuses more than 500 anyway
    const standings: Record<string, DeputyStanding> = {};
    const read = await Promise.all(requested.map((id) => this.deputies.standing(id)));
    read.forEach((standing, index) => {
      const id = requested[index];
      if (standing && id) standings[id] = standing;
    });
    return this.change(actor, activityId, metadata, 'InviteParticipants', { deputyIds, standings });
  }

  /**
   * Signs a deputy in: staff covering the activity may record anyone's sign-in (a paper sheet entered later);
   * a deputy may sign only themselves in, at the present moment.
   */
  async signIn(
    actor: Principal,
    activityId: string,
    deputyId: string,
    signedInAt: string | null,
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    const staff = actor.roles.some(
      (role) => role === 'admin' || role === 'congress-office' || role === 'station-staff',
    );
    if (!staff) {
      if (actor.userId !== deputyId || signedInAt !== null)
        throw new AccessDeniedError('a deputy may sign only themselves in, at the present moment');
      return this.handler.handle(activityStream(activityId), {
        type: 'SignInParticipant',
        data: {
          activityId,
          deputyId,
          signedInAt: metadata.now,
          standing: await this.deputies.standing(deputyId),
        },
        metadata,
      });
    }
    return this.change(actor, activityId, metadata, 'SignInParticipant', {
      deputyId,
      signedInAt: signedInAt ?? metadata.now,
      standing: await this.deputies.standing(deputyId),
    });
  }

  postpone(actor: Principal, activityId: string, date: string, reason: string, metadata: CommandMetadata) {
    return this.change(actor, activityId, metadata, 'PostponeActivity', { date, reason });
  }

  cancel(actor: Principal, activityId: string, reason: string, metadata: CommandMetadata) {
    return this.change(actor, activityId, metadata, 'CancelActivity', { reason });
  }

  recordOutcome(
    actor: Principal,
    activityId: string,
    summary: string,
    attachments: AttachmentRef[],
    metadata: CommandMetadata,
  ) {
    return this.change(actor, activityId, metadata, 'RecordActivityOutcome', { summary, attachments });
  }

  addAttachments(
    actor: Principal,
    activityId: string,
    attachments: AttachmentRef[],
    metadata: CommandMetadata,
  ) {
    return this.change(actor, activityId, metadata, 'AddActivityAttachments', { attachments });
  }

  private async change<T extends ActivityCommand['type']>(
    actor: Principal,
    activityId: string,
    metadata: CommandMetadata,
    type: T,
    data: ChangeData<T>,
  ): Promise<CommandOutcome> {
    const { state } = await this.handler.state(activityStream(activityId));
    // An unplanned activity has no jurisdiction yet: the decider reports ACTIVITY_NOT_FOUND.
    if (state.status !== 'unplanned')
      assertCovers(actor, state.jurisdictionPath.split('/').filter(Boolean), `activity ${activityId}`);
    return this.handler.handle(activityStream(activityId), {
      type,
      data: { activityId, ...data },
      metadata,
    } as unknown as ActivityCommand);
  }

  private async host(input: PlanActivityInput): Promise<ActivityHost | null> {
    if (input.stationId !== null) {
      const station = await this.stations.find(input.stationId);
      if (!station) return null;
      return {
        stationId: station.stationId,
        jurisdictionId: station.jurisdictionId,
        jurisdictionPath: station.jurisdictionPath,
        open: station.open,
      };
    }
    if (input.jurisdictionId === null) return null;
    const jurisdiction = await this.jurisdictions.find(input.jurisdictionId);
    if (jurisdiction.status !== 'registered') return null;
    return {
      stationId: null,
      jurisdictionId: jurisdiction.jurisdictionId,
      jurisdictionPath: pathOf(jurisdiction.ancestorIds, jurisdiction.jurisdictionId),
      open: true,
    };
  }
}
