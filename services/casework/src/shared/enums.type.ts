// GraphQL enums of casework, each mapped to the domain's own values.
import { registerEnumType } from 'type-graphql';
import type { AnswerBasis, Channel } from '../opinions/events.js';
import type { MeetingStage, Rating, ReplyClass, SignOffParty, Tier } from '../suggestions/events.js';

export const ChannelEnum = {
  RECEPTION: 'reception',
  DEPUTY_VISIT: 'deputy-visit',
  OPINION_BOX: 'opinion-box',
  ONLINE: 'online',
  PHONE: 'phone',
  WECHAT: 'wechat',
} as const satisfies Record<string, Channel>;
registerEnumType(ChannelEnum, {
  name: 'OpinionChannel',
  description: 'Reception at a station, a deputy visit, an opinion box, the online station, phone or WeChat.',
});

export const AnswerBasisEnum = { LAW: 'law', POLICY: 'policy' } as const satisfies Record<
  string,
  AnswerBasis
>;
registerEnumType(AnswerBasisEnum, { name: 'AnswerBasis' });

export const TierEnum = { TOWNSHIP: 'township', COUNTY: 'county', CITY: 'city' } as const satisfies Record<
  string,
  Tier
>;
registerEnumType(TierEnum, {
  name: 'SuggestionTier',
  description:
    'Township/street/village bodies; county (via the county liaison committee); city (via the city deputies group leader).',
});

export const ReplyClassEnum = { A: 'A', B: 'B', C: 'C' } as const satisfies Record<string, ReplyClass>;
registerEnumType(ReplyClassEnum, {
  name: 'ReplyClass',
  description: 'A solved or adopted; B being solved or planned (owes a follow-up); C cannot be solved now.',
});

export const RatingEnum = {
  SATISFIED: 'satisfied',
  BASICALLY_SATISFIED: 'basically-satisfied',
  UNSATISFIED: 'unsatisfied',
} as const satisfies Record<string, Rating>;
registerEnumType(RatingEnum, { name: 'SatisfactionRating' });

export const MeetingStageEnum = {
  ACCEPTANCE: 'acceptance',
  HANDLING: 'handling',
  BEFORE_REPLY: 'before-reply',
} as const satisfies Record<string, MeetingStage>;
registerEnumType(MeetingStageEnum, {
  name: 'MeetingStage',
  description: 'The three meetings with the deputy.',
});

export const SignOffPartyEnum = {
  DEPUTY: 'deputy',
  VOTER: 'voter',
  HANDLER: 'handler',
} as const satisfies Record<string, SignOffParty>;
registerEnumType(SignOffPartyEnum, { name: 'SignOffParty' });

export const OpinionStatusEnum = {
  PENDING: 'pending',
  ANSWERED: 'answered',
  IN_SUGGESTION: 'in-suggestion',
} as const;
registerEnumType(OpinionStatusEnum, { name: 'OpinionStatus' });

export const SuggestionStatusEnum = {
  ROUTED: 'routed',
  ASSIGNED: 'assigned',
  HANDLING: 'handling',
  REPLIED: 'replied',
  CLOSED: 'closed',
} as const;
registerEnumType(SuggestionStatusEnum, { name: 'SuggestionStatus' });

export const RaterEnum = { VOTER: 'voter', DEPUTY: 'deputy' } as const;
registerEnumType(RaterEnum, { name: 'Rater' });

export const FigureScopeEnum = { STATION: 'station', JURISDICTION: 'jurisdiction', UNIT: 'unit' } as const;
registerEnumType(FigureScopeEnum, {
  name: 'FigureScope',
  description: 'A station, a jurisdiction with everything below it, or a handling unit.',
});
