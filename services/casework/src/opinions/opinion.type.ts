// GraphQL shapes of an opinion: the board view (masked voter), the revealed contact, and the public status.
import { createConnectionTypes, Node, toGlobalId } from '@liaison/graphql-kit';
import { Field, ID, ObjectType } from 'type-graphql';
import { AnswerBasisEnum, ChannelEnum, OpinionStatusEnum, ReplyClassEnum } from '../shared/enums.type.js';
import { CaseTimelineEntry } from '../shared/timeline.type.js';
import type { AnswerBasis, Channel } from './events.js';
import type { OpinionDocument } from './projection.js';

@ObjectType('VoterContact', {
  description: "A voter's contact details: shown only to people handling the case.",
})
export class VoterContactType {
  @Field(() => String, { nullable: true }) name!: string | null;
  @Field(() => String, { nullable: true }) phone!: string | null;
  @Field(() => String, { nullable: true }) idNumber!: string | null;
  @Field(() => String, { nullable: true }) address!: string | null;
}

@ObjectType('OnTheSpotAnswer')
export class OnTheSpotAnswer {
  @Field(() => AnswerBasisEnum) basis!: AnswerBasis;
  @Field(() => String) explanation!: string;
  @Field(() => Date) answeredAt!: Date;
}

@ObjectType('Opinion', {
  implements: Node,
  description: "A voter's opinion as received through one channel.",
})
export class Opinion extends Node {
  @Field(() => ID)
  declare id: string;

  opinionId!: string;
  suggestionId!: string | null;
  document!: OpinionDocument;

  @Field(() => String) trackingCode!: string;
  @Field(() => OpinionStatusEnum) status!: string;
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => ID, { description: 'The receiving station (a Station id).' }) stationId!: string;
  @Field(() => String) category!: string;
  @Field(() => String) location!: string;
  @Field(() => String) text!: string;
  @Field(() => [String], { description: 'References to attached files.' }) attachments!: string[];
  @Field(() => [String], { description: 'Deputies who received the voter (reception, visit).' })
  deputyIds!: string[];
  @Field(() => String, { description: 'The opaque voter id: what forgetVoter takes.' }) voterId!: string;
  @Field(() => Boolean) anonymous!: boolean;
  @Field(() => Boolean) consentToContact!: boolean;
  @Field(() => Boolean) voterForgotten!: boolean;
  @Field(() => OnTheSpotAnswer, { nullable: true }) answer!: OnTheSpotAnswer | null;
  @Field(() => Date) receivedAt!: Date;
  @Field(() => [CaseTimelineEntry]) timeline!: CaseTimelineEntry[];

  static from(this: void, document: OpinionDocument): Opinion {
    return Object.assign(new Opinion(), {
      id: toGlobalId('Opinion', document.id),
      opinionId: document.id,
      suggestionId: document.suggestionId,
      document,
      trackingCode: document.trackingCode,
      status: document.status,
      channel: document.channel,
      stationId: toGlobalId('Station', document.stationId),
      category: document.category,
      location: document.location,
      text: document.text,
      attachments: document.attachments,
      deputyIds: document.receivedBy.deputyIds,
      voterId: document.voterId,
      anonymous: document.anonymous,
      consentToContact: document.consentToContact,
      voterForgotten: document.voterForgotten,
      answer: document.answer && {
        basis: document.answer.basis,
        explanation: document.answer.explanation,
        answeredAt: new Date(document.answer.at),
      },
      receivedAt: new Date(document.receivedAt),
      timeline: document.timeline.map((entry) => CaseTimelineEntry.from(entry)),
    });
  }
}

export const { Connection: OpinionConnection } = createConnectionTypes(Opinion, 'Opinion');

@ObjectType('MaskedVoter', { description: 'Enough to recognise a voter in a list, not to identify them.' })
export class MaskedVoter {
  @Field(() => String, { nullable: true, description: "e.g. '张*'" }) name!: string | null;
  @Field(() => String, { nullable: true, description: "e.g. '138****1234'" }) phone!: string | null;
}

@ObjectType('PublicReply')
export class PublicReply {
  @Field(() => ReplyClassEnum) replyClass!: string;
  @Field(() => String) text!: string;
  @Field(() => Date) repliedAt!: Date;
}

@ObjectType('OpinionTracking', {
  description: "What a voter sees with their tracking code: progress and outcome, nobody's personal data.",
})
export class OpinionTracking {
  @Field(() => String) trackingCode!: string;
  @Field(() => String, {
    description: 'RECEIVED, ANSWERED_ON_THE_SPOT, ROUTED, ASSIGNED, HANDLING, REPLIED or CLOSED.',
  })
  stage!: string;
  @Field(() => String) category!: string;
  @Field(() => Date) receivedAt!: Date;
  @Field(() => String, { nullable: true }) answer!: string | null;
  @Field(() => String, { nullable: true, description: 'The handling unit, once assigned.' }) handlingUnit!:
    string | null;
  @Field(() => [PublicReply]) replies!: PublicReply[];
  @Field(() => Date, { nullable: true }) closedAt!: Date | null;
  @Field(() => [CaseTimelineEntry], { description: 'Steps without who took them.' })
  timeline!: CaseTimelineEntry[];
}
