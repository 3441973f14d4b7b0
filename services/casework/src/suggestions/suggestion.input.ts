// GraphQL inputs, filters and payloads of suggestions.
import { MutationPayload } from '@liaison/graphql-kit';
import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import type { Channel } from '../opinions/events.js';
import {
  ChannelEnum,
  MeetingStageEnum,
  RatingEnum,
  ReplyClassEnum,
  SignOffPartyEnum,
  SuggestionStatusEnum,
  TierEnum,
} from '../shared/enums.type.js';
import type { MeetingStage, Rating, ReplyClass, SignOffParty, Tier } from './events.js';
import { Suggestion } from './suggestion.type.js';

@ObjectType()
export class SuggestionPayload extends MutationPayload {
  @Field(() => Suggestion, { nullable: true }) suggestion!: Suggestion | null;
}

@InputType()
export class UnitInput {
  @Field(() => String) unitId!: string;
  @Field(() => String) name!: string;
}

@InputType()
export class DraftSuggestionInput {
  @Field(() => [ID], { description: 'The pending opinions merged into this suggestion.' })
  opinionIds!: string[];
  @Field(() => String) title!: string;
  @Field(() => String) summary!: string;
  @Field(() => String) category!: string;
  @Field(() => TierEnum) tier!: Tier;
  @Field(() => [String], {
    defaultValue: [],
    description: 'Deputies behind it (required above the township).',
  })
  deputyIds!: string[];
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@InputType()
export class AssignSuggestionInput {
  @Field(() => ID) suggestionId!: string;
  @Field(() => UnitInput) leadUnit!: UnitInput;
  @Field(() => [UnitInput], { defaultValue: [] }) coHandlers!: UnitInput[];
  @Field(() => String) responsiblePerson!: string;
  @Field(() => Int, {
    description: 'Working days to reply, counted from today with the working-day calendar.',
  })
  workingDays!: number;
  @Field(() => Boolean, { defaultValue: false }) key!: boolean;
  @Field(() => [String], { defaultValue: [], description: 'Leaders supervising a key suggestion.' })
  supervisingLeaders!: string[];
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@InputType()
export class TransferSuggestionInput extends AssignSuggestionInput {
  @Field(() => String) reason!: string;
}

@InputType()
export class AcceptAssignmentInput {
  @Field(() => ID) suggestionId!: string;
  @Field(() => String) unitId!: string;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@InputType()
export class EscalateSuggestionInput {
  @Field(() => ID) suggestionId!: string;
  @Field(() => TierEnum) toTier!: Tier;
  @Field(() => String) reason!: string;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@InputType()
export class RecordDeputyMeetingInput {
  @Field(() => ID) suggestionId!: string;
  @Field(() => MeetingStageEnum) stage!: MeetingStage;
  @Field(() => String) deputyId!: string;
  @Field(() => String) notes!: string;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@InputType()
export class ReportProgressInput {
  @Field(() => ID) suggestionId!: string;
  @Field(() => String) unitId!: string;
  @Field(() => String) text!: string;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@InputType()
export class GiveReplyInput {
  @Field(() => ID) suggestionId!: string;
  @Field(() => String) unitId!: string;
  @Field(() => ReplyClassEnum) replyClass!: ReplyClass;
  @Field(() => String) text!: string;
  @Field(() => [String], { defaultValue: [] }) attachments!: string[];
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@InputType()
export class InformVoterInput {
  @Field(() => ID) suggestionId!: string;
  @Field(() => ID) opinionId!: string;
  @Field(() => String, { defaultValue: '' }) note!: string;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@InputType({ description: "A deputy's own rating, or (with opinionId) a voter's rating recorded by staff." })
export class RateSatisfactionInput {
  @Field(() => ID) suggestionId!: string;
  @Field(() => RatingEnum) rating!: Rating;
  @Field(() => ID, { nullable: true }) opinionId?: string | null;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@InputType({ description: 'A voter rates the outcome with their tracking code (no account needed).' })
export class RateByTrackingCodeInput {
  @Field(() => String) trackingCode!: string;
  @Field(() => RatingEnum) rating!: Rating;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@ObjectType()
export class RateByTrackingCodePayload extends MutationPayload {}

@InputType()
export class SignOnSiteInput {
  @Field(() => ID) suggestionId!: string;
  @Field(() => SignOffPartyEnum) party!: SignOffParty;
  @Field(() => String) signerId!: string;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@InputType()
export class ReasonInput {
  @Field(() => ID) suggestionId!: string;
  @Field(() => String) reason!: string;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@InputType()
export class UnitTextInput {
  @Field(() => ID) suggestionId!: string;
  @Field(() => String) unitId!: string;
  @Field(() => String) text!: string;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@InputType()
export class CloseSuggestionInput {
  @Field(() => ID) suggestionId!: string;
  @Field(() => Boolean, { defaultValue: false, description: 'Closed on site with the three signatures.' })
  onSite!: boolean;
  @Field(() => String, { nullable: true }) commandId?: string | null;
}

@InputType({
  description: 'Every given condition must hold. One of stationId, jurisdictionId or unitId is required.',
})
export class SuggestionFilter {
  @Field(() => ID, { nullable: true }) stationId?: string | null;
  @Field(() => ID, { nullable: true, description: 'This jurisdiction and everything below it.' })
  jurisdictionId?: string | null;
  @Field(() => String, { nullable: true, description: 'The lead handling unit.' }) unitId?: string | null;
  @Field(() => SuggestionStatusEnum, { nullable: true }) status?: string | null;
  @Field(() => TierEnum, { nullable: true }) tier?: Tier | null;
  @Field(() => String, { nullable: true }) category?: string | null;
  @Field(() => ChannelEnum, { nullable: true, description: 'One of its opinions arrived by this channel.' })
  channel?: Channel | null;
  @Field(() => String, {
    nullable: true,
    description: 'Title or summary contains this text (any Chinese; ASCII letters in either case).',
  })
  text?: string | null;
  @Field(() => Boolean, { nullable: true }) overdue?: boolean | null;
  @Field(() => Boolean, { nullable: true }) key?: boolean | null;
  @Field(() => String, { nullable: true, description: 'Drafted on or after (YYYY-MM-DD, Beijing).' })
  draftedFrom?: string | null;
  @Field(() => String, { nullable: true, description: 'Drafted on or before (YYYY-MM-DD, Beijing).' })
  draftedTo?: string | null;
}
