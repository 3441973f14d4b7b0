// GraphQL queries and mutations of deputy activities.
import type { Principal } from '@liaison/auth';
import { isDomainError, type CommandMetadata, type CommandOutcome, type DomainError } from '@liaison/decider';
import {
  ConnectionArgs,
  requireRole,
  toConnection,
  userErrorsOf,
  type RequestContext,
} from '@liaison/graphql-kit';
import type { Condition, ReadDocument } from '@liaison/readstore';
import type DataLoader from 'dataloader';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Deputy } from '../deputies/deputy.type.js';
import { visibleDeputy } from '../shared/visible-deputy.js';
import { attachmentRefs } from '../shared/attachment.type.js';
import { documentLoader } from '../shared/document-loader.js';
import type { LiaisonDeps } from '../shared/module-deps.js';
import { commandMetadata, decodeId, execute } from '../shared/mutation.js';
import { coversPath, STAFF_READERS } from '../shared/access.js';
import { scopedJurisdiction } from '../shared/read-scope.js';
import {
  ActivityFilter,
  ActivityPayload,
  AddActivityAttachmentsInput,
  CancelActivityInput,
  InviteActivityParticipantsInput,
  PlanActivityInput,
  PostponeActivityInput,
  RecordActivityOutcomeInput,
  SignInToActivityInput,
} from './activity.input.js';
import { Activity, ActivityConnection, ActivityParticipant } from './activity.type.js';
import type { ActivityDocument } from './projection.js';
import type { ActivityService } from './service.js';

const ORGANISERS = ['admin', 'congress-office', 'station-staff'] as const;

/** The request's loader of activity documents by id. */
export function activityLoader(
  context: RequestContext,
  deps: LiaisonDeps,
): DataLoader<string, ActivityDocument | null> {
  return documentLoader<ActivityDocument>(context, deps, 'Activity', 'activities');
}

/** The activity as the reader may see it: null when missing or outside the reader's subtree. */
export async function readableActivity(
  context: RequestContext,
  deps: LiaisonDeps,
  id: string,
): Promise<Activity | null> {
  const reader = requireRole(context, ...STAFF_READERS, 'deputy');
  const document = await activityLoader(context, deps).load(id);
  if (!document) return null;
  const ownParticipation = document.participants.some((p) => p.deputyId === reader.userId);
  return coversPath(reader, document.jurisdictionPath) || ownParticipation ? Activity.from(document) : null;
}

function failed(error: DomainError): ActivityPayload {
  return { userErrors: userErrorsOf(error), position: null, activity: null };
}

@Resolver(() => Activity)
export class ActivityResolver {
  constructor(
    private readonly deps: LiaisonDeps,
    private readonly service: ActivityService,
  ) {}

  @Query(() => Activity, { nullable: true, description: 'One activity by id, within your jurisdiction.' })
  async activity(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Activity | null> {
    const rawId = decodeId(id, 'Activity', 'id');
    return isDomainError(rawId) ? null : readableActivity(context, this.deps, rawId);
  }

  @Query(() => ActivityConnection, { description: 'Activities in your jurisdiction subtree, by date.' })
  async activities(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => ActivityFilter, { nullable: true }) filter: ActivityFilter | null,
    @Ctx() context: RequestContext,
  ) {
    const { jurisdiction } = await scopedJurisdiction(context, this.deps, filter?.jurisdictionId);
    const empty = {
      ...toConnection({ items: [], endCursor: null, hasNextPage: false }, Activity.from),
      totalCount: 0,
    };
    if (!jurisdiction) return empty;
    const conditions: Record<string, Condition> = { jurisdictionPath: { prefix: jurisdiction.path } };
    if (filter?.stationId) {
      const stationId = decodeId(filter.stationId, 'Station', 'stationId');
      if (isDomainError(stationId)) return empty;
      conditions.stationId = stationId;
    }
    if (filter?.kind) conditions.kind = filter.kind;
    if (filter?.status) conditions.status = filter.status;
    if (filter?.from || filter?.to) {
      conditions.date = {
        ...(filter.from ? { gte: filter.from } : {}),
        ...(filter.to ? { lte: filter.to } : {}),
      };
    }
    const [page, totalCount] = await Promise.all([
      this.deps.readStore.find<ActivityDocument & ReadDocument>('activities', {
        filter: conditions,
        sort: [['date', 'asc']],
        first: args.first,
        after: args.after ?? null,
      }),
      this.deps.readStore.count('activities', conditions),
    ]);
    return { ...toConnection(page, Activity.from, { after: args.after }), totalCount };
  }

  @Mutation(() => ActivityPayload, {
    description: 'Plans an activity at a station or in a jurisdiction within yours.',
  })
  async planActivity(
    @Arg('input', () => PlanActivityInput) input: PlanActivityInput,
    @Ctx() context: RequestContext,
  ): Promise<ActivityPayload> {
    const actor = requireRole(context, ...ORGANISERS);
    const stationId = input.stationId ? decodeId(input.stationId, 'Station', 'stationId') : null;
    if (isDomainError(stationId)) return failed(stationId);
    const jurisdictionId = input.jurisdictionId
      ? decodeId(input.jurisdictionId, 'Jurisdiction', 'jurisdictionId')
      : null;
    if (isDomainError(jurisdictionId)) return failed(jurisdictionId);
    const metadata = commandMetadata(context, actor, this.deps.now(), input.commandId);
    const outcome = await execute(context, this.deps, () =>
      this.service.plan(
        actor,
        {
          kind: input.kind,
          title: input.title,
          subject: input.subject,
          date: input.date,
          place: input.place,
          stationId,
          jurisdictionId,
        },
        metadata,
      ),
    );
    return this.payload(context, outcome, outcome.activityId);
  }

  @Mutation(() => ActivityPayload, { description: 'Invites deputies to an activity.' })
  async inviteActivityParticipants(
    @Arg('input', () => InviteActivityParticipantsInput) input: InviteActivityParticipantsInput,
    @Ctx() context: RequestContext,
  ): Promise<ActivityPayload> {
    const deputyIds: string[] = [];
    for (const [index, globalId] of input.deputyIds.entries()) {
      const deputyId = decodeId(globalId, 'Deputy', `deputyIds.${index}`);
      if (isDomainError(deputyId)) return failed(deputyId);
      deputyIds.push(deputyId);
    }
    return this.change(context, input, ORGANISERS, (actor, activityId, metadata) =>
      this.service.invite(actor, activityId, deputyIds, metadata),
    );
  }

  @Mutation(() => ActivityPayload, {
    description: 'Signs a deputy in at an activity: staff for anyone, a deputy for themselves.',
  })
  async signInToActivity(
    @Arg('input', () => SignInToActivityInput) input: SignInToActivityInput,
    @Ctx() context: RequestContext,
  ): Promise<ActivityPayload> {
    const deputyId = decodeId(input.deputyId, 'Deputy', 'deputyId');
    if (isDomainError(deputyId)) return failed(deputyId);
    return this.change(context, input, [...ORGANISERS, 'deputy'], (actor, activityId, metadata) =>
      this.service.signIn(actor, activityId, deputyId, input.signedInAt?.toISOString() ?? null, metadata),
    );
  }

  @Mutation(() => ActivityPayload, { description: 'Moves a planned activity to a later date.' })
  async postponeActivity(
    @Arg('input', () => PostponeActivityInput) input: PostponeActivityInput,
    @Ctx() context: RequestContext,
  ): Promise<ActivityPayload> {
    return this.change(context, input, ORGANISERS, (actor, activityId, metadata) =>
      this.service.postpone(actor, activityId, input.date, input.reason, metadata),
    );
  }

  @Mutation(() => ActivityPayload, { description: 'Cancels a planned activity nobody has signed in to.' })
  async cancelActivity(
    @Arg('input', () => CancelActivityInput) input: CancelActivityInput,
    @Ctx() context: RequestContext,
  ): Promise<ActivityPayload> {
    return this.change(context, input, ORGANISERS, (actor, activityId, metadata) =>
      this.service.cancel(actor, activityId, input.reason, metadata),
    );
  }

  @Mutation(() => ActivityPayload, { description: 'Records what an activity achieved and closes it.' })
  async recordActivityOutcome(
    @Arg('input', () => RecordActivityOutcomeInput) input: RecordActivityOutcomeInput,
    @Ctx() context: RequestContext,
  ): Promise<ActivityPayload> {
    return this.change(context, input, ORGANISERS, (actor, activityId, metadata) =>
      this.service.recordOutcome(
        actor,
        activityId,
        input.summary,
        attachmentRefs(input.attachments),
        metadata,
      ),
    );
  }

  @Mutation(() => ActivityPayload, { description: 'Attaches photos, minutes or other files to an activity.' })
  async addActivityAttachments(
    @Arg('input', () => AddActivityAttachmentsInput) input: AddActivityAttachmentsInput,
    @Ctx() context: RequestContext,
  ): Promise<ActivityPayload> {
    return this.change(context, input, ORGANISERS, (actor, activityId, metadata) =>
      this.service.addAttachments(actor, activityId, attachmentRefs(input.attachments), metadata),
    );
  }

  private async change(
    context: RequestContext,
    input: { activityId: string; commandId?: string | null },
    roles: readonly Parameters<typeof requireRole>[1][],
    run: (actor: Principal, activityId: string, metadata: CommandMetadata) => Promise<CommandOutcome>,
  ): Promise<ActivityPayload> {
    const actor = requireRole(context, ...roles);
    const activityId = decodeId(input.activityId, 'Activity', 'activityId');
    if (isDomainError(activityId)) return failed(activityId);
    const metadata = commandMetadata(context, actor, this.deps.now(), input.commandId);
    const outcome = await execute(context, this.deps, () => run(actor, activityId, metadata));
    return this.payload(context, outcome, activityId);
  }

  private async payload(
    context: RequestContext,
    outcome: CommandOutcome,
    activityId: string,
  ): Promise<ActivityPayload> {
    if (!outcome.ok) return failed(outcome.error);
    const document = await activityLoader(context, this.deps).load(activityId);
    return {
      userErrors: [],
      position: outcome.globalPosition,
      activity: document && Activity.from(document),
    };
  }
}

@Resolver(() => ActivityParticipant)
export class ActivityParticipantResolver {
  constructor(private readonly deps: LiaisonDeps) {}

  @FieldResolver(() => Deputy, { nullable: true, description: 'Null when the deputy is out of your reach.' })
  deputy(@Root() participant: ActivityParticipant, @Ctx() context: RequestContext): Promise<Deputy | null> {
    return visibleDeputy(context, this.deps, participant.rawDeputyId);
  }
}
