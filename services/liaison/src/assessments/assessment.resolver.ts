// GraphQL of assessments: open, score, complete, reopen; results and rankings within your jurisdiction.
import { isDomainError } from '@liaison/decider';
import {
  ConnectionArgs,
  mutationPayloads,
  requireRole,
  toConnection,
  type MutationPayloads,
  type RequestContext,
} from '@liaison/graphql-kit';
import type { Condition, ReadDocument } from '@liaison/readstore';
import type DataLoader from 'dataloader';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { stationLoader } from '../stations/station.resolver.js';
import { Station } from '../stations/station.type.js';
import { attachmentRefs } from '../shared/attachment.type.js';
import { documentLoader } from '../shared/document-loader.js';
import { offsetCursor, offsetPage } from '../shared/offset-page.js';
import type { LiaisonDeps } from '../shared/module-deps.js';
import { decodeId, decodeIds, objectMutation, runCommand, type ObjectMutation } from '../shared/mutation.js';
import { coversPath, STAFF_READERS } from '../shared/access.js';
import { scopedJurisdiction } from '../shared/read-scope.js';
import {
  AssessmentFilter,
  AssessmentPayload,
  CompleteAssessmentInput,
  OpenAssessmentInput,
  ReopenAssessmentInput,
  ScoreAssessmentItemInput,
} from './assessment.input.js';
import {
  Assessment,
  AssessmentConnection,
  RankedStation,
  RankedStationConnection,
} from './assessment.type.js';
import { Checklist } from './checklists/checklist.type.js';
import { checklistLoader } from './checklists/checklist.resolver.js';
import type { AssessmentDocument } from './projection.js';
import { rankingId, ranksOf, type RankingDocument } from './ranking-projection.js';
import type { AssessmentService } from './service.js';

const ASSESSORS = ['admin', 'congress-office'] as const;
const EMPTY_PAGE = { items: [], endCursor: null, hasNextPage: false };

/** The request's loader of assessment documents by id. */
export function assessmentLoader(
  context: RequestContext,
  deps: LiaisonDeps,
): DataLoader<string, AssessmentDocument | null> {
  return documentLoader<AssessmentDocument>(context, deps, 'Assessment', 'assessments');
}

/** The assessment if the reader may see it. */
export async function readableAssessment(context: RequestContext, deps: LiaisonDeps, id: string) {
  const reader = requireRole(context, ...STAFF_READERS);
  const document = await assessmentLoader(context, deps).load(id);
  return document && coversPath(reader, document.jurisdictionPath) ? Assessment.from(document) : null;
}

@Resolver(() => Assessment)
export class AssessmentResolver {
  /** Payloads answering with the assessment as the read models show it after the write. */
  private readonly payloads: MutationPayloads<'assessment', Assessment>;
  private readonly change: ObjectMutation<'assessment', Assessment, 'assessmentId'>;

  constructor(
    private readonly deps: LiaisonDeps,
    private readonly service: AssessmentService,
  ) {
    this.payloads = mutationPayloads('assessment', async (context, assessmentId) => {
      const document = await assessmentLoader(context, deps).load(assessmentId);
      return document && Assessment.from(document);
    });
    const id = { field: 'assessmentId', typename: 'Assessment' } as const;
    this.change = objectMutation({ deps, payloads: this.payloads, roles: ASSESSORS, id });
  }

  @Query(() => Assessment, { nullable: true })
  async assessment(
    @Arg('id', () => ID) id: string,
    @Ctx() context: RequestContext,
  ): Promise<Assessment | null> {
    const rawId = decodeId(id, 'Assessment', 'id');
    return isDomainError(rawId) ? null : readableAssessment(context, this.deps, rawId);
  }

  @Query(() => AssessmentConnection, {
    description:
      'Assessment results of stations in your jurisdiction subtree: latest period first, then by station.',
  })
  async assessmentResults(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => AssessmentFilter, { nullable: true }) filter: AssessmentFilter | null,
    @Ctx() context: RequestContext,
  ) {
    const { jurisdiction } = await scopedJurisdiction(context, this.deps, filter?.jurisdictionId);
    const empty = { ...toConnection(EMPTY_PAGE, Assessment.from), totalCount: 0 };
    if (!jurisdiction) return empty;
    const conditions: Record<string, Condition> = { jurisdictionPath: { prefix: jurisdiction.path } };
    for (const [field, typename] of [
      ['stationId', 'Station'],
      ['checklistId', 'Checklist'],
    ] as const) {
      const value = filter?.[field];
      if (!value) continue;
      const id = decodeId(value, typename, field);
      if (isDomainError(id)) return empty;
      conditions[field] = id;
    }
    if (filter?.period) conditions.period = filter.period;
    if (filter?.status) conditions.status = filter.status;
    const [page, totalCount] = await Promise.all([
      this.deps.readStore.find<AssessmentDocument & ReadDocument>('assessments', {
        filter: conditions,
        sort: [
          ['period', 'desc'],
          ['stationId', 'asc'],
        ],
        first: args.first,
        after: args.after ?? null,
      }),
      this.deps.readStore.count('assessments', conditions),
    ]);
    return { ...toConnection(page, Assessment.from, { after: args.after }), totalCount };
  }

  @Query(() => RankedStationConnection, {
    description:
      'Stations of a jurisdiction subtree (yours when omitted) ranked by completed assessments against one checklist for one period: one read.',
  })
  async assessmentRanking(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('checklistId', () => ID) checklistId: string,
    @Arg('period', () => String) period: string,
    @Arg('jurisdictionId', () => ID, { nullable: true }) jurisdictionId: string | null,
    @Ctx() context: RequestContext,
  ) {
    const { jurisdiction } = await scopedJurisdiction(context, this.deps, jurisdictionId);
    const rawChecklistId = decodeId(checklistId, 'Checklist', 'checklistId');
    if (!jurisdiction || isDomainError(rawChecklistId))
      return { ...toConnection(EMPTY_PAGE, RankedStation.from), totalCount: 0 };
    const [ranking] = await this.deps.readStore.load<RankingDocument>('assessment_rankings', [
      rankingId(jurisdiction.id, rawChecklistId, period),
    ]);
    const entries = ranking?.entries ?? [];
    const ranks = ranksOf(entries);
    const page = offsetPage(entries, args.first, args.after);
    return {
      ...toConnection(page, ({ item, offset }) => RankedStation.from({ ...item, rank: ranks[offset] ?? 0 }), {
        after: args.after,
        cursorOf: ({ offset }) => offsetCursor(offset),
      }),
      totalCount: entries.length,
    };
  }

  @FieldResolver(() => Station, { nullable: true })
  async station(@Root() assessment: Assessment, @Ctx() context: RequestContext): Promise<Station | null> {
    const document = await stationLoader(context, this.deps).load(assessment.stationId);
    return document && Station.from(document);
  }

  @FieldResolver(() => Checklist, { nullable: true })
  async checklist(@Root() assessment: Assessment, @Ctx() context: RequestContext): Promise<Checklist | null> {
    const document = await checklistLoader(context, this.deps).load(assessment.checklistId);
    return document && Checklist.from(document);
  }

  @Mutation(() => AssessmentPayload, { description: 'Opens the assessment of a station for a period.' })
  async openAssessment(
    @Arg('input', () => OpenAssessmentInput) input: OpenAssessmentInput,
    @Ctx() context: RequestContext,
  ): Promise<AssessmentPayload> {
    const actor = requireRole(context, ...ASSESSORS);
    const ids = decodeIds(input, { stationId: 'Station', checklistId: 'Checklist' });
    if (isDomainError(ids)) return this.payloads.failed(ids);
    const outcome = await runCommand(context, this.deps, actor, input.commandId, (metadata) =>
      this.service.open(actor, { ...ids, period: input.period }, metadata),
    );
    return this.payloads.of(context, outcome, outcome.assessmentId);
  }

  @Mutation(() => AssessmentPayload, { description: 'Scores one item of an open assessment, with evidence.' })
  async scoreAssessmentItem(
    @Arg('input', () => ScoreAssessmentItemInput) input: ScoreAssessmentItemInput,
    @Ctx() context: RequestContext,
  ): Promise<AssessmentPayload> {
    return this.change(context, input, {}, (actor, { assessmentId }, metadata) =>
      this.service.score(
        actor,
        assessmentId,
        {
          itemCode: input.itemCode,
          score: input.score,
          note: input.note,
          evidence: attachmentRefs(input.evidence),
        },
        metadata,
      ),
    );
  }

  @Mutation(() => AssessmentPayload, { description: 'Completes an assessment: total, percentage and stars.' })
  async completeAssessment(
    @Arg('input', () => CompleteAssessmentInput) input: CompleteAssessmentInput,
    @Ctx() context: RequestContext,
  ): Promise<AssessmentPayload> {
    return this.change(context, input, {}, (actor, { assessmentId }, metadata) =>
      this.service.complete(actor, assessmentId, metadata),
    );
  }

  @Mutation(() => AssessmentPayload, { description: 'Reopens a completed assessment for a correction.' })
  async reopenAssessment(
    @Arg('input', () => ReopenAssessmentInput) input: ReopenAssessmentInput,
    @Ctx() context: RequestContext,
  ): Promise<AssessmentPayload> {
    return this.change(context, input, {}, (actor, { assessmentId }, metadata) =>
      this.service.reopen(actor, assessmentId, input.reason, metadata),
    );
  }
}

@Resolver(() => RankedStation)
export class RankedStationResolver {
  constructor(private readonly deps: LiaisonDeps) {}

  @FieldResolver(() => Station, { nullable: true })
  async station(@Root() entry: RankedStation, @Ctx() context: RequestContext): Promise<Station | null> {
    const document = await stationLoader(context, this.deps).load(entry.stationId);
    return document && Station.from(document);
  }

  @FieldResolver(() => Assessment, { nullable: true })
  async assessment(@Root() entry: RankedStation, @Ctx() context: RequestContext): Promise<Assessment | null> {
    const document = await assessmentLoader(context, this.deps).load(entry.assessmentId);
    return document && Assessment.from(document);
  }
}
