// Events of a voter's opinion: received through a channel, answered on the spot, or taken into a suggestion.
import type { SealedValue } from '@liaison/personal-data';

export const CHANNELS = ['reception', 'deputy-visit', 'opinion-box', 'online', 'phone', 'wechat'] as const;
/** Reception at a station (接待), a deputy's visit (走访), an opinion box (意见箱), the online station, phone, WeChat. */
export type Channel = (typeof CHANNELS)[number];

/** A voter's contact details; only ever stored sealed with the voter's own key. */
export interface VoterContact {
  name: string | null;
  phone: string | null;
  idNumber: string | null;
  address: string | null;
}

/** The voter behind an opinion: an opaque id (the key subject), and sealed contact details unless anonymous. */
export interface OpinionVoter {
  voterId: string;
  anonymous: boolean;
  consentToContact: boolean;
  contact: SealedValue<VoterContact> | null;
}

/** Who took the opinion in: the deputies at a reception or visit, the observer who emptied a box, the staff member. */
export interface ReceivedBy {
  deputyIds: string[];
  observerId: string | null;
  openingBoxId: string | null;
  staffId: string | null;
}

export interface OpinionReceivedData {
  opinionId: string;
  trackingCode: string;
  channel: Channel;
  stationId: string;
  jurisdictionId: string;
  jurisdictionPath: string;
  receivedBy: ReceivedBy;
  category: string;
  location: string;
  text: string;
  /** References to files kept elsewhere (object storage keys or URLs), never the files themselves. */
  attachments: string[];
  voter: OpinionVoter;
}

export const ANSWER_BASES = ['law', 'policy'] as const;
export type AnswerBasis = (typeof ANSWER_BASES)[number];

export type OpinionEvent =
  | { type: 'OpinionReceived'; data: OpinionReceivedData }
  | {
      type: 'OpinionAnsweredOnTheSpot';
      data: {
        opinionId: string;
        basis: AnswerBasis;
        explanation: string;
        answeredBy: string;
        /** Where the answer counts in the figures. */
        scope: { stationId: string; jurisdictionPath: string; unitId: null };
      };
    }
  | { type: 'OpinionTakenIntoSuggestion'; data: { opinionId: string; suggestionId: string } };

export const OPINION_EVENT_TYPES = [
  'OpinionReceived',
  'OpinionAnsweredOnTheSpot',
  'OpinionTakenIntoSuggestion',
] as const;

/** The stream holding one opinion's events. */
export function opinionStream(opinionId: string): string {
  return `opinion-${opinionId}`;
}
