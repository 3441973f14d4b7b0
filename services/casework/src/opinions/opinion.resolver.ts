// GraphQL queries and mutations of opinions: intake, the board, the voter's tracking page, contacts, forgetting.
import { isDomainError, type CommandOutcome, type DomainError } from '@liaison/decider';
import { ConnectionArgs, requireRole, userErrorsOf, type RequestContext } from '@liaison/graphql-kit';
import { maskName, maskPhone } from '@liaison/personal-data';
import type { Condition } from '@liaison/readstore';
import DataLoader from 'dataloader';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { CaseworkDeps } from '../shared/module-deps.js';
import { commandMetadata, decodeId, execute, resultOf } from '../shared/mutation.js';
import { boardPage, boardScopeIds, dateRange } from '../shared/board.js';
import { boardConditions, canRead, requireCaseReader } from '../shared/read-scope.js';
import { CaseTimelineEntry } from '../shared/timeline.type.js';
import type { SuggestionDocument } from '../suggestions/projection.js';
import type { VoterService } from '../voters/service.js';
import type { VoterContact } from './events.js';
import { normaliseTrackingCode } from './intake-keys.js';
import {
  AnswerOpinionOnTheSpotInput,
  ForgetVoterInput,
  ForgetVoterPayload,
  OpinionFilter,
  OpinionPayload,
  ReceiveOpinionInput,
  ReceiveOpinionPayload,
  RevealVoterContactInput,
  RevealVoterContactPayload,
} from './opinion.input.js';
import { MaskedVoter, Opinion, OpinionConnection, OpinionTracking } from './opinion.type.js';
import type { OpinionDocument } from './projection.js';
import type { OpinionService } from './service.js';

/** The request's loader of opinion documents by id. */
export function opinionLoader(
  context: RequestContext,
  deps: CaseworkDeps,
): DataLoader<string, OpinionDocument | null> {
  return context.loaders.get(
    'Opinion',
    () => new DataLoader((ids: readonly string[]) => deps.readStore.load<OpinionDocument>('opinions', ids)),
  );
}

/** Opens and masks the contacts of a page of opinions with one key look-up. */
function maskedVoterLoader(
  context: RequestContext,
  deps: CaseworkDeps,
): DataLoader<OpinionDocument, MaskedVoter | null, string> {
  return context.loaders.get(
    'MaskedVoter',
    () =>
      new DataLoader(
        async (documents: readonly OpinionDocument[]) => {
          const sealed = documents.flatMap((d) => (d.contact ? [d.contact] : []));
          const opened = await deps.personalData.openMany<VoterContact>(sealed);
          let next = 0;
          return documents.map((d) => {
            if (!d.contact) return null;
            const contact = opened[next++];
            return contact
              ? {
                  name: contact.name && maskName(contact.name),
                  phone: contact.phone && maskPhone(contact.phone),
                }
              : null;
          });
        },
        { cacheKeyFn: (document) => document.id },
      ),
  );
}

const STAFF = ['admin', 'station-staff', 'congress-office'] as const;

@Resolver(() => Opinion)
export class OpinionResolver {
  constructor(
    private readonly deps: CaseworkDeps,
    private readonly service: OpinionService,
    private readonly voters: VoterService,
  ) {}

  @Query(() => Opinion, { nullable: true, description: 'One opinion, within your jurisdiction.' })
  async opinion(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Opinion | null> {
    const reader = requireCaseReader(context);
    const rawId = decodeId(id, 'Opinion', 'id');
    if (isDomainError(rawId)) return null;
    const document = await opinionLoader(context, this.deps).load(rawId);
    return document && (await canRead(this.deps, reader, document.jurisdictionPath))
      ? Opinion.from(document)
      : null;
  }

  @Query(() => OpinionConnection, { description: 'The intake board: opinions, newest first.' })
  async opinions(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => OpinionFilter, { nullable: true }) filter: OpinionFilter | null,
    @Ctx() context: RequestContext,
  ) {
    const reader = requireCaseReader(context);
    const conditions: Record<string, Condition> = await boardConditions(
      this.deps,
      reader,
      boardScopeIds(filter),
    );
    if (filter?.status) conditions.status = filter.status;
    if (filter?.channel) conditions.channel = filter.channel;
    if (filter?.category) conditions.category = filter.category;
    if (filter?.text) conditions.text = { contains: filter.text };
    const received = dateRange(filter?.receivedFrom, filter?.receivedTo);
    if (received) conditions.receivedOn = received;
    return boardPage(
      this.deps,
      'opinions',
      { filter: conditions, sort: [['receivedAt', 'desc']] },
      args,
      Opinion.from,
    );
  }

  @FieldResolver(() => MaskedVoter, {
    nullable: true,
    description:
      'The voter, masked (张*, 138****1234); null when anonymous or forgotten. Use revealVoterContact for more.',
  })
  async maskedVoter(@Root() opinion: Opinion, @Ctx() context: RequestContext): Promise<MaskedVoter | null> {
    return maskedVoterLoader(context, this.deps).load(opinion.document);
  }

  @Query(() => OpinionTracking, {
    nullable: true,
    description: "A voter's view of their opinion by tracking code: no account, no personal data.",
  })
  async trackOpinion(
    @Arg('trackingCode', () => String) trackingCode: string,
  ): Promise<OpinionTracking | null> {
    const code = normaliseTrackingCode(trackingCode);
    if (!code) return null;
    const page = await this.deps.readStore.find<OpinionDocument>('opinions', {
      filter: { trackingCode: code },
      first: 1,
    });
    const opinion = page.items[0];
    if (!opinion) return null;
    const [suggestion] = opinion.suggestionId
      ? await this.deps.readStore.load<SuggestionDocument>('suggestions', [opinion.suggestionId])
      : [null];
    const stage = suggestion
      ? suggestion.status.toUpperCase()
      : opinion.status === 'answered'
        ? 'ANSWERED_ON_THE_SPOT'
        : 'RECEIVED';
    return {
      trackingCode: opinion.trackingCode,
      stage,
      category: opinion.category,
      receivedAt: new Date(opinion.receivedAt),
      answer: opinion.answer?.explanation ?? null,
      handlingUnit: suggestion?.leadUnit?.name ?? null,
      replies: (suggestion?.replies ?? []).map((r) => ({
        replyClass: r.replyClass,
        text: r.text,
        repliedAt: new Date(r.at),
      })),
      closedAt: suggestion?.closedAt ? new Date(suggestion.closedAt) : null,
      timeline: [...opinion.timeline, ...(suggestion?.timeline ?? [])]
        .filter((entry) => !entry.type.startsWith('Voter'))
        .map((entry) => CaseTimelineEntry.from(entry, false)),
    };
  }

  @Mutation(() => ReceiveOpinionPayload, {
    description:
      'Records an opinion from any channel; without a token, the online station only (rate-limited).',
  })
  async receiveOpinion(
    @Arg('input', () => ReceiveOpinionInput) input: ReceiveOpinionInput,
    @Ctx() context: RequestContext,
  ): Promise<ReceiveOpinionPayload> {
    const actor = context.principal
      ? requireRole(context, 'admin', 'station-staff', 'congress-office', 'deputy', 'observer')
      : null;
    const stationId = decodeId(input.stationId, 'Station', 'stationId');
    if (isDomainError(stationId))
      return { ...failed(stationId), trackingCode: null, duplicate: false, opinion: null };
    const outcome = await execute(context, this.deps, () =>
      this.service.receive(
        actor,
        {
          channel: input.channel,
          stationId,
          deputyIds: input.deputyIds,
          observerId: input.observerId ?? null,
          openingBoxId: input.openingBoxId ?? null,
          category: input.category,
          location: input.location,
          text: input.text,
          attachments: input.attachments,
          anonymous: input.voter.anonymous,
          consentToContact: input.voter.consentToContact,
          contact: {
            name: input.voter.name ?? null,
            phone: input.voter.phone ?? null,
            idNumber: input.voter.idNumber ?? null,
            address: input.voter.address ?? null,
          },
        },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    if (!outcome.ok) return { ...resultOf(outcome), trackingCode: null, duplicate: false, opinion: null };
    const document = actor ? await opinionLoader(context, this.deps).load(outcome.opinionId) : null;
    return {
      ...resultOf(outcome),
      trackingCode: outcome.trackingCode,
      duplicate: outcome.duplicate,
      opinion: document && Opinion.from(document),
    };
  }

  @Mutation(() => OpinionPayload, {
    description: 'Answers an opinion on the spot by explaining the law or policy.',
  })
  async answerOpinionOnTheSpot(
    @Arg('input', () => AnswerOpinionOnTheSpotInput) input: AnswerOpinionOnTheSpotInput,
    @Ctx() context: RequestContext,
  ): Promise<OpinionPayload> {
    const actor = requireRole(context, ...STAFF, 'deputy');
    const opinionId = decodeId(input.opinionId, 'Opinion', 'opinionId');
    if (isDomainError(opinionId)) return { ...failed(opinionId), opinion: null };
    const outcome = await execute(context, this.deps, () =>
      this.service.answerOnTheSpot(
        actor,
        opinionId,
        input.basis,
        input.explanation,
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    return this.opinionPayload(context, outcome, opinionId);
  }

  @Mutation(() => RevealVoterContactPayload, {
    description:
      "Shows a voter's contact to someone handling the case; every reveal is recorded as an event.",
  })
  async revealVoterContact(
    @Arg('input', () => RevealVoterContactInput) input: RevealVoterContactInput,
    @Ctx() context: RequestContext,
  ): Promise<RevealVoterContactPayload> {
    const actor = requireRole(context, ...STAFF, 'handling-unit');
    const opinionId = decodeId(input.opinionId, 'Opinion', 'opinionId');
    if (isDomainError(opinionId)) return { ...failed(opinionId), contact: null };
    const outcome = await execute(context, this.deps, () =>
      this.voters.revealContact(actor, opinionId, commandMetadata(context, actor, this.deps.now())),
    );
    return { ...resultOf(outcome), contact: outcome.contact };
  }

  @Mutation(() => ForgetVoterPayload, {
    description: 'Forgets a voter: destroys their key, so no copy of their personal data can be read again.',
  })
  async forgetVoter(
    @Arg('input', () => ForgetVoterInput) input: ForgetVoterInput,
    @Ctx() context: RequestContext,
  ): Promise<ForgetVoterPayload> {
    const actor = requireRole(context, ...STAFF);
    const outcome = await execute(context, this.deps, () =>
      this.voters.forget(
        actor,
        input.voterId,
        input.reason,
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    return { ...resultOf(outcome), forgotten: outcome.ok };
  }

  private async opinionPayload(
    context: RequestContext,
    outcome: CommandOutcome,
    opinionId: string,
  ): Promise<OpinionPayload> {
    if (!outcome.ok) return { ...resultOf(outcome), opinion: null };
    const document = await opinionLoader(context, this.deps).load(opinionId);
    return { ...resultOf(outcome), opinion: document && Opinion.from(document) };
  }
}

function failed(error: DomainError) {
  return { userErrors: userErrorsOf(error), position: null };
}
