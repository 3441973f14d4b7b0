// GraphQL queries and mutations of suggestions: the case boards, a unit's inbox, and every step of handling.
import type { Principal, Role } from '@liaison/auth';
import { domainError, isDomainError, type CommandOutcome } from '@liaison/decider';
import { ConnectionArgs, requireRole, userErrorsOf, type RequestContext } from '@liaison/graphql-kit';
import DataLoader from 'dataloader';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { normaliseTrackingCode } from '../opinions/intake-keys.js';
import { opinionLoader } from '../opinions/opinion.resolver.js';
import { Opinion } from '../opinions/opinion.type.js';
import type { OpinionDocument } from '../opinions/projection.js';
import type { CaseworkDeps } from '../shared/module-deps.js';
import { commandMetadata, decodeId, execute, resultOf } from '../shared/mutation.js';
import { boardPage, boardScopeIds, dateRange } from '../shared/board.js';
import { boardConditions, canRead, requireCaseReader } from '../shared/read-scope.js';
import { arrivedByField, type SuggestionDocument } from './projection.js';
import type { SuggestionService } from './service.js';
import {
  AcceptAssignmentInput,
  AssignSuggestionInput,
  CloseSuggestionInput,
  DraftSuggestionInput,
  EscalateSuggestionInput,
  GiveReplyInput,
  InformVoterInput,
  RateByTrackingCodeInput,
  RateByTrackingCodePayload,
  RateSatisfactionInput,
  ReasonInput,
  RecordDeputyMeetingInput,
  SignOnSiteInput,
  SuggestionFilter,
  SuggestionPayload,
  TransferSuggestionInput,
  UnitTextInput,
} from './suggestion.input.js';
import { Suggestion, SuggestionConnection } from './suggestion.type.js';

/** The request's loader of suggestion documents by id. */
export function suggestionLoader(
  context: RequestContext,
  deps: CaseworkDeps,
): DataLoader<string, SuggestionDocument | null> {
  return context.loaders.get(
    'Suggestion',
    () =>
      new DataLoader((ids: readonly string[]) => deps.readStore.load<SuggestionDocument>('suggestions', ids)),
  );
}

const OFFICE: Role[] = ['admin', 'station-staff', 'congress-office'];
const UNIT: Role[] = ['admin', 'handling-unit'];

@Resolver(() => Suggestion)
export class SuggestionResolver {
  constructor(
    private readonly deps: CaseworkDeps,
    private readonly service: SuggestionService,
  ) {}

  @Query(() => Suggestion, { nullable: true, description: 'One case, within your jurisdiction.' })
  async suggestion(
    @Arg('id', () => ID) id: string,
    @Ctx() context: RequestContext,
  ): Promise<Suggestion | null> {
    const reader = requireCaseReader(context);
    const rawId = decodeId(id, 'Suggestion', 'id');
    if (isDomainError(rawId)) return null;
    const document = await suggestionLoader(context, this.deps).load(rawId);
    return document && (await canRead(this.deps, reader, document.jurisdictionPath))
      ? Suggestion.from(document)
      : null;
  }

  @Query(() => SuggestionConnection, {
    description: 'The case board of a station, office or unit, newest first.',
  })
  async suggestions(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => SuggestionFilter, { nullable: true }) filter: SuggestionFilter | null,
    @Ctx() context: RequestContext,
  ) {
    const reader = requireCaseReader(context);
    const conditions = await boardConditions(this.deps, reader, {
      ...boardScopeIds(filter),
      unitId: filter?.unitId,
    });
    if (filter?.status) conditions.status = filter.status;
    if (filter?.tier) conditions.tier = filter.tier;
    if (filter?.category) conditions.category = filter.category;
    if (filter?.channel) conditions[arrivedByField(filter.channel)] = true;
    if (filter?.text) conditions.searchText = { contains: filter.text };
    if (typeof filter?.overdue === 'boolean') conditions.overdue = filter.overdue;
    if (typeof filter?.key === 'boolean') conditions.key = filter.key;
    const drafted = dateRange(filter?.draftedFrom, filter?.draftedTo);
    if (drafted) conditions.draftedOn = drafted;
    return boardPage(
      this.deps,
      'suggestions',
      { filter: conditions, sort: [['draftedAt', 'desc']] },
      args,
      Suggestion.from,
    );
  }

  @Query(() => SuggestionConnection, {
    description: "A handling unit's inbox: its open assignments, nearest deadline first.",
  })
  async unitInbox(
    @Arg('unitId', () => String) unitId: string,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() context: RequestContext,
  ) {
    const reader = requireCaseReader(context);
    const conditions = await boardConditions(this.deps, reader, { unitId });
    conditions.status = { in: ['assigned', 'handling'] };
    return boardPage(
      this.deps,
      'suggestions',
      { filter: conditions, sort: [['deadline', 'asc']] },
      args,
      Suggestion.from,
    );
  }

  @FieldResolver(() => [Opinion], { description: 'The opinions merged into this case.' })
  async opinions(@Root() suggestion: Suggestion, @Ctx() context: RequestContext): Promise<Opinion[]> {
    const documents = await opinionLoader(context, this.deps).loadMany(suggestion.opinionIds);
    return documents.flatMap((d) => (d && !(d instanceof Error) ? [Opinion.from(d)] : []));
  }

  @Mutation(() => SuggestionPayload, {
    description: 'Merges pending opinions into one suggestion routed by tier.',
  })
  async draftSuggestion(
    @Arg('input', () => DraftSuggestionInput) input: DraftSuggestionInput,
    @Ctx() context: RequestContext,
  ) {
    const actor = requireRole(context, ...OFFICE);
    const opinionIds: string[] = [];
    for (const id of input.opinionIds) {
      const raw = decodeId(id, 'Opinion', 'opinionIds');
      if (isDomainError(raw)) return failed(raw);
      opinionIds.push(raw);
    }
    const outcome = await execute(context, this.deps, () =>
      this.service.draft(
        actor,
        {
          title: input.title,
          summary: input.summary,
          category: input.category,
          tier: input.tier,
          opinionIds,
          deputyIds: input.deputyIds,
        },
        this.metadata(context, actor, input.commandId),
      ),
    );
    return this.payload(context, outcome, outcome.suggestionId);
  }

  @Mutation(() => SuggestionPayload, {
    description: 'Assigns to a lead unit, with a deadline in working days (交办).',
  })
  async assignSuggestion(
    @Arg('input', () => AssignSuggestionInput) input: AssignSuggestionInput,
    @Ctx() context: RequestContext,
  ) {
    return this.run(
      context,
      OFFICE,
      input.suggestionId,
      (actor, id, metadata) => this.service.assign(actor, id, assignInput(input), metadata),
      input.commandId,
    );
  }

  @Mutation(() => SuggestionPayload, {
    description: 'Transfers to another unit with a fresh deadline (转办).',
  })
  async transferSuggestion(
    @Arg('input', () => TransferSuggestionInput) input: TransferSuggestionInput,
    @Ctx() context: RequestContext,
  ) {
    return this.run(
      context,
      OFFICE,
      input.suggestionId,
      (actor, id, metadata) =>
        this.service.transfer(actor, id, { ...assignInput(input), reason: input.reason }, metadata),
      input.commandId,
    );
  }

  @Mutation(() => SuggestionPayload, { description: 'The lead unit accepts its assignment.' })
  async acceptAssignment(
    @Arg('input', () => AcceptAssignmentInput) input: AcceptAssignmentInput,
    @Ctx() context: RequestContext,
  ) {
    return this.act(context, UNIT, input, { type: 'AcceptAssignment', data: { unitId: input.unitId } });
  }

  @Mutation(() => SuggestionPayload, { description: 'Sends the case up to a higher tier.' })
  async escalateSuggestion(
    @Arg('input', () => EscalateSuggestionInput) input: EscalateSuggestionInput,
    @Ctx() context: RequestContext,
  ) {
    return this.act(context, OFFICE, input, {
      type: 'EscalateSuggestion',
      data: { toTier: input.toTier, reason: input.reason },
    });
  }

  @Mutation(() => SuggestionPayload, { description: 'Records a meeting with the deputy (三见面).' })
  async recordDeputyMeeting(
    @Arg('input', () => RecordDeputyMeetingInput) input: RecordDeputyMeetingInput,
    @Ctx() context: RequestContext,
  ) {
    return this.act(context, [...OFFICE, 'handling-unit'], input, {
      type: 'RecordDeputyMeeting',
      data: { stage: input.stage, deputyId: input.deputyId, notes: input.notes },
    });
  }

  @Mutation(() => SuggestionPayload, { description: 'The lead unit reports progress.' })
  async reportProgress(
    @Arg('input', () => UnitTextInput) input: UnitTextInput,
    @Ctx() context: RequestContext,
  ) {
    return this.act(context, UNIT, input, {
      type: 'ReportProgress',
      data: { unitId: input.unitId, text: input.text },
    });
  }

  @Mutation(() => SuggestionPayload, { description: 'The lead unit replies, classed A, B or C (答复).' })
  async giveReply(@Arg('input', () => GiveReplyInput) input: GiveReplyInput, @Ctx() context: RequestContext) {
    return this.run(
      context,
      UNIT,
      input.suggestionId,
      (actor, id, metadata) =>
        this.service.reply(
          actor,
          id,
          {
            unitId: input.unitId,
            replyClass: input.replyClass,
            text: input.text,
            attachments: input.attachments,
          },
          metadata,
        ),
      input.commandId,
    );
  }

  @Mutation(() => SuggestionPayload, { description: 'The follow-up a B reply owes, once the plan is done.' })
  async giveFollowUp(
    @Arg('input', () => UnitTextInput) input: UnitTextInput,
    @Ctx() context: RequestContext,
  ) {
    return this.act(context, UNIT, input, {
      type: 'GiveFollowUp',
      data: { unitId: input.unitId, text: input.text },
    });
  }

  @Mutation(() => SuggestionPayload, { description: 'Records that a voter was told the outcome (反馈).' })
  async informVoter(
    @Arg('input', () => InformVoterInput) input: InformVoterInput,
    @Ctx() context: RequestContext,
  ) {
    const opinionId = decodeId(input.opinionId, 'Opinion', 'opinionId');
    if (isDomainError(opinionId)) return failed(opinionId);
    return this.act(context, OFFICE, input, { type: 'InformVoter', data: { opinionId, note: input.note } });
  }

  @Mutation(() => SuggestionPayload, {
    description:
      "Rates the outcome: a deputy's own rating, or a voter's recorded by staff. Unsatisfied reopens the case.",
  })
  async rateSatisfaction(
    @Arg('input', () => RateSatisfactionInput) input: RateSatisfactionInput,
    @Ctx() context: RequestContext,
  ) {
    const opinionId = input.opinionId ? decodeId(input.opinionId, 'Opinion', 'opinionId') : null;
    if (isDomainError(opinionId)) return failed(opinionId);
    return this.run(
      context,
      [...OFFICE, 'deputy'],
      input.suggestionId,
      async (actor, id, metadata) => {
        if (opinionId === null) {
          if (!actor.roles.includes('deputy'))
            return {
              ok: false,
              error: domainError('OPINION_REQUIRED', "a voter's rating names the voter's opinion", [
                'opinionId',
              ]),
            };
          return this.service.act(
            actor,
            id,
            { type: 'RateSatisfaction', data: { by: 'deputy', raterId: actor.userId, rating: input.rating } },
            metadata,
          );
        }
        const [opinion] = await this.deps.readStore.load<OpinionDocument>('opinions', [opinionId]);
        return this.service.act(
          actor,
          id,
          {
            type: 'RateSatisfaction',
            data: { by: 'voter', raterId: opinion?.voterId ?? '', rating: input.rating },
          },
          metadata,
        );
      },
      input.commandId,
    );
  }

  @Mutation(() => RateByTrackingCodePayload, {
    description: 'A voter rates the outcome with their tracking code.',
  })
  async rateByTrackingCode(
    @Arg('input', () => RateByTrackingCodeInput) input: RateByTrackingCodeInput,
    @Ctx() context: RequestContext,
  ) {
    const code = normaliseTrackingCode(input.trackingCode);
    const page = code
      ? await this.deps.readStore.find<OpinionDocument>('opinions', {
          filter: { trackingCode: code },
          first: 1,
        })
      : null;
    const opinion = page?.items[0];
    if (!opinion || !opinion.suggestionId)
      return failed(
        domainError('NOTHING_TO_RATE', 'expected the tracking code of an opinion that has a reply', [
          'trackingCode',
        ]),
      );
    const suggestionId = opinion.suggestionId;
    const outcome = await execute(context, this.deps, () =>
      this.service.act(
        null,
        suggestionId,
        { type: 'RateSatisfaction', data: { by: 'voter', raterId: opinion.voterId, rating: input.rating } },
        commandMetadata(context, null, this.deps.now(), input.commandId),
      ),
    );
    return resultOf(outcome);
  }

  @Mutation(() => SuggestionPayload, {
    description: 'One of the three signatures of an on-site closure (三方签字).',
  })
  async signOnSite(
    @Arg('input', () => SignOnSiteInput) input: SignOnSiteInput,
    @Ctx() context: RequestContext,
  ) {
    return this.act(context, OFFICE, input, {
      type: 'SignOnSite',
      data: { party: input.party, signerId: input.signerId },
    });
  }

  @Mutation(() => SuggestionPayload, { description: 'Reopens a replied or closed case for handling again.' })
  async reopenSuggestion(
    @Arg('input', () => ReasonInput) input: ReasonInput,
    @Ctx() context: RequestContext,
  ) {
    return this.act(context, OFFICE, input, { type: 'ReopenSuggestion', data: { reason: input.reason } });
  }

  @Mutation(() => SuggestionPayload, { description: "Closes the case when its tier's rules are met (办结)." })
  async closeSuggestion(
    @Arg('input', () => CloseSuggestionInput) input: CloseSuggestionInput,
    @Ctx() context: RequestContext,
  ) {
    return this.run(
      context,
      OFFICE,
      input.suggestionId,
      (actor, id, metadata) => this.service.close(actor, id, input.onSite, metadata),
      input.commandId,
    );
  }

  private metadata(context: RequestContext, actor: Principal, commandId?: string | null) {
    return commandMetadata(context, actor, this.deps.now(), commandId);
  }

  /** A command on the case that needs nothing resolved first: the scope check, then decide. */
  private act(
    context: RequestContext,
    roles: Role[],
    input: { suggestionId: string; commandId?: string | null },
    command: Parameters<SuggestionService['act']>[2],
  ): Promise<SuggestionPayload> {
    return this.run(
      context,
      roles,
      input.suggestionId,
      (actor, id, metadata) => this.service.act(actor, id, command, metadata),
      input.commandId,
    );
  }

  private async run(
    context: RequestContext,
    roles: Role[],
    globalId: string,
    action: (
      actor: Principal,
      suggestionId: string,
      metadata: ReturnType<typeof commandMetadata>,
    ) => Promise<CommandOutcome>,
    commandId?: string | null,
  ): Promise<SuggestionPayload> {
    const actor = requireRole(context, ...roles);
    const suggestionId = decodeId(globalId, 'Suggestion', 'suggestionId');
    if (isDomainError(suggestionId)) return failed(suggestionId);
    const outcome = await execute(context, this.deps, () =>
      action(actor, suggestionId, this.metadata(context, actor, commandId)),
    );
    return this.payload(context, outcome, suggestionId);
  }

  private async payload(
    context: RequestContext,
    outcome: CommandOutcome,
    suggestionId: string,
  ): Promise<SuggestionPayload> {
    if (!outcome.ok) return { ...resultOf(outcome), suggestion: null };
    const document = await suggestionLoader(context, this.deps).load(suggestionId);
    return { ...resultOf(outcome), suggestion: document && Suggestion.from(document) };
  }
}

function assignInput(input: AssignSuggestionInput) {
  return {
    leadUnit: { unitId: input.leadUnit.unitId, name: input.leadUnit.name },
    coHandlers: input.coHandlers.map((unit) => ({ unitId: unit.unitId, name: unit.name })),
    responsiblePerson: input.responsiblePerson,
    workingDays: input.workingDays,
    key: input.key,
    supervisingLeaders: input.supervisingLeaders,
  };
}

function failed(error: Parameters<typeof userErrorsOf>[0]): SuggestionPayload {
  return { userErrors: userErrorsOf(error), position: null, suggestion: null };
}

@Resolver(() => Opinion)
export class OpinionSuggestionResolver {
  constructor(private readonly deps: CaseworkDeps) {}

  @FieldResolver(() => Suggestion, {
    nullable: true,
    description: 'The suggestion this opinion became part of.',
  })
  async suggestion(@Root() opinion: Opinion, @Ctx() context: RequestContext): Promise<Suggestion | null> {
    if (!opinion.suggestionId) return null;
    const document = await suggestionLoader(context, this.deps).load(opinion.suggestionId);
    return document && Suggestion.from(document);
  }
}
