// Commands on an opinion; the voter's contact is sealed and the station's facts read before deciding.
import type { Command } from '@liaison/decider';
import type { AnswerBasis, Channel, OpinionVoter, ReceivedBy } from './events.js';

export interface ReceiveOpinionData {
  opinionId: string;
  trackingCode: string;
  channel: Channel;
  /** The receiving station as read just before deciding; null when it does not exist. */
  station: { stationId: string; jurisdictionId: string; jurisdictionPath: string; open: boolean } | null;
  receivedBy: ReceivedBy;
  category: string;
  location: string;
  text: string;
  attachments: string[];
  voter: OpinionVoter;
}

export type ReceiveOpinion = Command<'ReceiveOpinion', ReceiveOpinionData>;
export type AnswerOpinionOnTheSpot = Command<
  'AnswerOpinionOnTheSpot',
  { opinionId: string; basis: AnswerBasis; explanation: string }
>;
export type TakeOpinionIntoSuggestion = Command<
  'TakeOpinionIntoSuggestion',
  { opinionId: string; suggestionId: string }
>;

export type OpinionCommand = ReceiveOpinion | AnswerOpinionOnTheSpot | TakeOpinionIntoSuggestion;
