// GraphQL inputs, filters and payloads of opinions and voters.
import { MutationPayload } from '@liaison/graphql-kit';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import { AnswerBasisEnum, ChannelEnum, OpinionStatusEnum } from '../shared/enums.type.js';
import type { AnswerBasis, Channel } from './events.js';
import { Opinion, VoterContactType } from './opinion.type.js';

@InputType({
  description: 'Who raised the opinion. Contact details are encrypted with a key for this voter alone.',
})
export class VoterInput {
  @Field(() => Boolean, { defaultValue: false }) anonymous!: boolean;
  @Field(() => Boolean, {
    defaultValue: false,
    description: 'May the station contact the voter about the outcome?',
  })
  consentToContact!: boolean;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => String, { nullable: true }) phone?: string | null;
  @Field(() => String, { nullable: true }) idNumber?: string | null;
  @Field(() => String, { nullable: true }) address?: string | null;
}

@InputType()
export class ReceiveOpinionInput {
  @Field(() => ChannelEnum) channel!: Channel;
  @Field(() => ID, { description: 'The receiving station (for the online channel, the online station).' })
  stationId!: string;
  @Field(() => [String], {
    defaultValue: [],
    description: 'Deputies who received the voter (reception, visit).',
  })
  deputyIds!: string[];
  @Field(() => String, { nullable: true, description: 'The observer who emptied the box (opinion box).' })
  observerId?: string | null;
  @Field(() => String, { nullable: true, description: 'The box emptied (opinion box).' })
  openingBoxId?: string | null;
  @Field(() => String) category!: string;
  @Field(() => String, { defaultValue: '' }) location!: string;
  @Field(() => String) text!: string;
  @Field(() => [String], {
    defaultValue: [],
    description: 'References (keys or URLs) of files stored elsewhere.',
  })
  attachments!: string[];
  @Field(() => VoterInput) voter!: VoterInput;
  @Field(() => String, { nullable: true, description: 'Idempotency key.' }) commandId?: string | null;
}

@ObjectType()
export class ReceiveOpinionPayload extends MutationPayload {
  @Field(() => String, { nullable: true, description: "The voter's tracking code." }) trackingCode!:
    string | null;
  @Field(() => Boolean, { description: 'True when this repeats an opinion the same voter sent moments ago.' })
  duplicate!: boolean;
  @Field(() => Opinion, { nullable: true, description: 'Null for the public (no account).' })
  opinion!: Opinion | null;
}

@InputType()
export class AnswerOpinionOnTheSpotInput {
  @Field(() => ID) opinionId!: string;
  @Field(() => AnswerBasisEnum) basis!: AnswerBasis;
  @Field(() => String) explanation!: string;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@ObjectType()
export class OpinionPayload extends MutationPayload {
  @Field(() => Opinion, { nullable: true }) opinion!: Opinion | null;
}

@InputType()
export class RevealVoterContactInput {
  @Field(() => ID) opinionId!: string;
}

@ObjectType()
export class RevealVoterContactPayload extends MutationPayload {
  @Field(() => VoterContactType, { nullable: true }) contact!: VoterContactType | null;
}

@InputType()
export class ForgetVoterInput {
  @Field(() => String) voterId!: string;
  @Field(() => String, { description: 'The request or rule behind it.' }) reason!: string;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@ObjectType()
export class ForgetVoterPayload extends MutationPayload {
  @Field(() => Boolean) forgotten!: boolean;
}

@InputType({
  description: 'Every given condition must hold. One of stationId or jurisdictionId is required.',
})
export class OpinionFilter {
  @Field(() => ID, { nullable: true }) stationId?: string | null;
  @Field(() => ID, { nullable: true, description: 'This jurisdiction and everything below it.' })
  jurisdictionId?: string | null;
  @Field(() => OpinionStatusEnum, { nullable: true }) status?: string | null;
  @Field(() => ChannelEnum, { nullable: true }) channel?: Channel | null;
  @Field(() => String, { nullable: true }) category?: string | null;
  @Field(() => String, {
    nullable: true,
    description: "The opinion's text contains this (any Chinese; ASCII letters in either case).",
  })
  text?: string | null;
  @Field(() => String, { nullable: true, description: 'Received on or after (YYYY-MM-DD, Beijing).' })
  receivedFrom?: string | null;
  @Field(() => String, { nullable: true, description: 'Received on or before (YYYY-MM-DD, Beijing).' })
  receivedTo?: string | null;
}
