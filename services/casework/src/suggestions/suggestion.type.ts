// GraphQL shape of a suggestion (a case), its replies, ratings and timeline.
import { createConnectionTypes, Node, toGlobalId } from '@liaison/graphql-kit';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import {
  MeetingStageEnum,
  RaterEnum,
  RatingEnum,
  ReplyClassEnum,
  SignOffPartyEnum,
  SuggestionStatusEnum,
  TierEnum,
} from '../shared/enums.type.js';
import { CaseTimelineEntry } from '../shared/timeline.type.js';
import type { MeetingStage, SignOffParty, Tier } from './events.js';
import type { SuggestionDocument } from './projection.js';

@ObjectType('HandlingUnit')
export class HandlingUnit {
  @Field(() => String) unitId!: string;
  @Field(() => String) name!: string;
}

@ObjectType('Reply')
export class Reply {
  @Field(() => Int) replyNo!: number;
  @Field(() => ReplyClassEnum) replyClass!: string;
  @Field(() => String) text!: string;
  @Field(() => [String]) attachments!: string[];
  @Field(() => Date) repliedAt!: Date;
}

@ObjectType('SatisfactionRatingEntry')
export class SatisfactionRatingEntry {
  @Field(() => RaterEnum) by!: string;
  @Field(() => String) raterId!: string;
  @Field(() => RatingEnum) rating!: string;
  @Field(() => Int) replyNo!: number;
}

@ObjectType('Suggestion', {
  implements: Node,
  description: 'A case: one or more opinions handled as one suggestion.',
})
export class Suggestion extends Node {
  @Field(() => ID)
  declare id: string;

  suggestionId!: string;
  opinionIds!: string[];

  @Field(() => String) title!: string;
  @Field(() => String) summary!: string;
  @Field(() => String) category!: string;
  @Field(() => TierEnum) tier!: Tier;
  @Field(() => String, {
    description: 'township-body, county-liaison-committee or city-deputies-group-leader.',
  })
  route!: string;
  @Field(() => SuggestionStatusEnum) status!: string;
  @Field(() => ID) stationId!: string;
  @Field(() => [String]) deputyIds!: string[];
  @Field(() => Int, { nullable: true }) assignmentNo!: number | null;
  @Field(() => HandlingUnit, { nullable: true }) leadUnit!: HandlingUnit | null;
  @Field(() => [HandlingUnit]) coHandlers!: HandlingUnit[];
  @Field(() => String, { nullable: true }) responsiblePerson!: string | null;
  @Field(() => String, { nullable: true, description: 'Last working day to reply (YYYY-MM-DD, Beijing).' })
  deadline!: string | null;
  @Field(() => Int, { nullable: true }) workingDays!: number | null;
  @Field(() => Boolean) key!: boolean;
  @Field(() => [String]) supervisingLeaders!: string[];
  @Field(() => Boolean) deadlineNear!: boolean;
  @Field(() => Boolean) overdue!: boolean;
  @Field(() => String, { nullable: true, description: 'The supervising office overdue work went to.' })
  escalatedTo!: string | null;
  @Field(() => [MeetingStageEnum]) meetings!: MeetingStage[];
  @Field(() => [String]) progress!: string[];
  @Field(() => [Reply]) replies!: Reply[];
  @Field(() => Boolean) followUpOwed!: boolean;
  @Field(() => String, { nullable: true }) followUp!: string | null;
  @Field(() => String, { nullable: true, description: 'Tell the voters by this date (YYYY-MM-DD).' })
  feedbackDueOn!: string | null;
  @Field(() => Boolean, {
    description: 'Not every consenting voter was told the latest reply by feedbackDueOn.',
  })
  feedbackOverdue!: boolean;
  @Field(() => [ID]) informedOpinionIds!: string[];
  @Field(() => [SatisfactionRatingEntry]) ratings!: SatisfactionRatingEntry[];
  @Field(() => [SignOffPartyEnum]) signOffs!: SignOffParty[];
  @Field(() => Date) draftedAt!: Date;
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => [CaseTimelineEntry]) timeline!: CaseTimelineEntry[];

  static from(this: void, d: SuggestionDocument): Suggestion {
    return Object.assign(new Suggestion(), {
      id: toGlobalId('Suggestion', d.id),
      suggestionId: d.id,
      opinionIds: d.opinionIds,
      title: d.title,
      summary: d.summary,
      category: d.category,
      tier: d.tier,
      route: d.route,
      status: d.status,
      stationId: toGlobalId('Station', d.stationId),
      deputyIds: d.deputyIds,
      assignmentNo: d.assignmentNo,
      leadUnit: d.leadUnit,
      coHandlers: d.coHandlers,
      responsiblePerson: d.responsiblePerson,
      deadline: d.deadline,
      workingDays: d.workingDays,
      key: d.key,
      supervisingLeaders: d.supervisingLeaders,
      deadlineNear: d.deadlineNear,
      overdue: d.overdue,
      escalatedTo: d.escalatedTo,
      meetings: d.meetings,
      progress: d.progress.map((p) => p.text),
      replies: d.replies.map((r) => ({ ...r, repliedAt: new Date(r.at) })),
      followUpOwed: d.followUpOwed,
      followUp: d.followUp,
      feedbackDueOn: d.feedbackDueOn,
      feedbackOverdue: d.feedbackOverdue,
      informedOpinionIds: d.informedOpinionIds.map((id) => toGlobalId('Opinion', id)),
      ratings: d.ratings,
      signOffs: d.signOffs,
      draftedAt: new Date(d.draftedAt),
      closedAt: d.closedAt ? new Date(d.closedAt) : null,
      timeline: d.timeline.map((entry) => CaseTimelineEntry.from(entry)),
    });
  }
}

export const { Connection: SuggestionConnection } = createConnectionTypes(Suggestion, 'Suggestion');
