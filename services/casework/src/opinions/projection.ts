// The opinions read model: the intake board and the voter's tracking page. Contact details stay sealed here
// and are dropped when the voter is forgotten, so no read model ever holds them decrypted.
import { UnreachableCaseError } from '@liaison/decider';
import type { SealedValue } from '@liaison/personal-data';
import type { Projection } from '@liaison/projector';
import { beijingDate } from '../shared/working-days.js';
import type { VoterEvent } from '../voters/events.js';
import {
  OPINION_EVENT_TYPES,
  type AnswerBasis,
  type Channel,
  type OpinionEvent,
  type ReceivedBy,
  type VoterContact,
} from './events.js';

export interface TimelineEntry {
  at: string;
  type: string;
  actorId: string;
}

export interface OpinionDocument {
  [field: string]: unknown;
  id: string;
  trackingCode: string;
  status: 'pending' | 'answered' | 'in-suggestion';
  channel: Channel;
  stationId: string;
  jurisdictionId: string;
  jurisdictionPath: string;
  receivedBy: ReceivedBy;
  category: string;
  location: string;
  text: string;
  attachments: string[];
  voterId: string;
  anonymous: boolean;
  consentToContact: boolean;
  /** Sealed with the voter's key; null when anonymous or forgotten. */
  contact: SealedValue<VoterContact> | null;
  voterForgotten: boolean;
  answer: { basis: AnswerBasis; explanation: string; answeredBy: string; at: string } | null;
  suggestionId: string | null;
  receivedAt: string;
  /** Asia/Shanghai date of receipt, for date-range filters. */
  receivedOn: string;
  timeline: TimelineEntry[];
}

type Folded = OpinionEvent | VoterEvent;

export const opinionsProjection: Projection<OpinionDocument> = {
  name: 'opinions',
  version: 2,
  fields: {
    text: { kind: 'string' },
    trackingCode: { kind: 'string' },
    status: { kind: 'string' },
    channel: { kind: 'string' },
    stationId: { kind: 'string' },
    jurisdictionPath: { kind: 'string' },
    category: { kind: 'string' },
    voterId: { kind: 'string' },
    suggestionId: { kind: 'string' },
    receivedAt: { kind: 'string' },
    receivedOn: { kind: 'string' },
  },
  indexes: [
    { fields: ['trackingCode'], unique: true },
    { fields: ['stationId', 'receivedAt'] },
    { fields: ['jurisdictionPath', 'receivedAt'] },
    { fields: ['voterId'] },
  ],
  eventTypes: [...OPINION_EVENT_TYPES, 'VoterForgotten'],
  documentIds: (event) =>
    event.type === 'VoterForgotten'
      ? (event.data as { opinionIds: string[] }).opinionIds
      : [(event.data as { opinionId: string }).opinionId],
  fold(document, recorded) {
    const event = { type: recorded.type, data: recorded.data } as Folded;
    const entry: TimelineEntry = {
      at: recorded.occurredAt,
      type: recorded.type,
      actorId: String(recorded.metadata.actorId ?? ''),
    };
    switch (event.type) {
      case 'OpinionReceived': {
        const data = event.data;
        return {
          id: data.opinionId,
          trackingCode: data.trackingCode,
          status: 'pending',
          channel: data.channel,
          stationId: data.stationId,
          jurisdictionId: data.jurisdictionId,
          jurisdictionPath: data.jurisdictionPath,
          receivedBy: data.receivedBy,
          category: data.category,
          location: data.location,
          text: data.text,
          attachments: data.attachments,
          voterId: data.voter.voterId,
          anonymous: data.voter.anonymous,
          consentToContact: data.voter.consentToContact,
          contact: data.voter.contact,
          voterForgotten: false,
          answer: null,
          suggestionId: null,
          receivedAt: recorded.occurredAt,
          receivedOn: beijingDate(recorded.occurredAt),
          timeline: [entry],
        };
      }
      case 'OpinionAnsweredOnTheSpot':
        return (
          document && {
            ...document,
            status: 'answered',
            answer: {
              basis: event.data.basis,
              explanation: event.data.explanation,
              answeredBy: event.data.answeredBy,
              at: recorded.occurredAt,
            },
            timeline: [...document.timeline, entry],
          }
        );
      case 'OpinionTakenIntoSuggestion':
        return (
          document && {
            ...document,
            status: 'in-suggestion',
            suggestionId: event.data.suggestionId,
            timeline: [...document.timeline, entry],
          }
        );
      case 'VoterForgotten':
        return document && { ...document, contact: null, voterForgotten: true };
      case 'VoterContactViewed':
        return document;
      default:
        throw new UnreachableCaseError(event);
    }
  },
};
