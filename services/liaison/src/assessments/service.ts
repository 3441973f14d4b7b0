// Assessment use cases: open one per station, checklist and period; score items; complete with stars; reopen.
import type { Principal } from '@liaison/auth';
import type { CommandHandler, CommandMetadata, CommandOutcome } from '@liaison/decider';
import { assertCovers } from '../shared/access.js';
import type { AttachmentRef } from '../shared/attachment.js';
import { newEntityId } from '../shared/ids.js';
import { ancestryOf } from '../shared/read-scope.js';
import type { StationFacts } from '../shared/station-facts.js';
import type { ChecklistService } from './checklists/service.js';
import type { AssessmentCommand } from './commands.js';
import type { AssessmentState } from './decider.js';
import { assessmentStream, type AssessmentEvent } from './events.js';
import type { RatingScaleService } from './rating-scales/service.js';

export type AssessmentHandler = CommandHandler<AssessmentState, AssessmentCommand, AssessmentEvent>;

/** One assessment per station, checklist and period: its id is derived from the three. */
export function assessmentIdFor(stationId: string, checklistId: string, period: string): string {
  return newEntityId(`${stationId}|${checklistId}|${period}`, 'assessment');
}

export class AssessmentService {
  constructor(
    private readonly handler: AssessmentHandler,
    private readonly stations: StationFacts,
    private readonly checklists: ChecklistService,
    private readonly scales: RatingScaleService,
  ) {}

  /** Opens the assessment of a station the actor covers against a checklist's current version. */
  async open(
    actor: Principal,
    input: { stationId: string; checklistId: string; period: string },
    metadata: CommandMetadata,
  ): Promise<CommandOutcome & { assessmentId: string }> {
    const assessmentId = assessmentIdFor(input.stationId, input.checklistId, input.period);
    const [station, checklist] = await Promise.all([
      this.stations.find(input.stationId),
      this.checklists.find(input.checklistId),
    ]);
    if (station) assertCovers(actor, ancestryOf(station.jurisdictionPath), `station ${input.stationId}`);
    const outcome = await this.handler.handle(assessmentStream(assessmentId), {
      type: 'OpenAssessment',
      data: {
        assessmentId,
        period: input.period,
        station,
        checklist:
          checklist.status === 'unpublished'
            ? null
            : {
                checklistId: checklist.checklistId,
                version: checklist.version,
                items: checklist.items.map(({ code, maxScore }) => ({ code, maxScore })),
                retired: checklist.status === 'retired',
                jurisdictionPath: checklist.jurisdictionPath,
              },
      },
      metadata,
    });
    return { ...outcome, assessmentId };
  }

  /** Scores one item, with evidence. */
  async score(
    actor: Principal,
    assessmentId: string,
    input: { itemCode: string; score: number; note: string; evidence: AttachmentRef[] },
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    await this.assertCovers(actor, assessmentId);
    return this.handler.handle(assessmentStream(assessmentId), {
      type: 'ScoreAssessmentItem',
      data: { assessmentId, ...input },
      metadata,
    });
  }

  /** Completes the assessment, deriving stars by the nearest rating scale above the station. */
  async complete(actor: Principal, assessmentId: string, metadata: CommandMetadata): Promise<CommandOutcome> {
    const state = await this.assertCovers(actor, assessmentId);
    const scale = state.status === 'unopened' ? null : await this.scales.nearest(state.jurisdictionPath);
    return this.handler.handle(assessmentStream(assessmentId), {
      type: 'CompleteAssessment',
      data: { assessmentId, scale },
      metadata,
    });
  }

  /** Reopens a completed assessment to correct it. */
  async reopen(actor: Principal, assessmentId: string, reason: string, metadata: CommandMetadata) {
    await this.assertCovers(actor, assessmentId);
    return this.handler.handle(assessmentStream(assessmentId), {
      type: 'ReopenAssessment',
      data: { assessmentId, reason },
      metadata,
    });
  }

  private async assertCovers(actor: Principal, assessmentId: string): Promise<AssessmentState> {
    const { state } = await this.handler.state(assessmentStream(assessmentId));
    if (state.status !== 'unopened')
      assertCovers(actor, ancestryOf(state.jurisdictionPath), `assessment ${assessmentId}`);
    return state;
  }
}
