// Casework feeds the records: the opinions a deputy took in (and the voters met in person doing so) and the
// suggestions drafted in the deputy's name. Only the fields read here are described; the events are casework's
// (services/casework, docs/events.md).
import type { RecordedEvent } from '@liaison/eventstore';
import { shanghaiDate } from '../../shared/dates.js';
import type { Contribution, RecordSource } from './contribution.js';

/** The channels on which the receiving deputies met the voter in person. */
const IN_PERSON = new Set(['reception', 'deputy-visit']);

interface OpinionReceivedFacts {
  channel: string;
  stationId: string;
  jurisdictionPath: string;
  receivedBy: { deputyIds: string[] };
}

interface SuggestionDraftedFacts {
  stationId: string;
  jurisdictionPath: string;
  deputyIds: string[];
}

export const caseworkSource: RecordSource = {
  eventTypes: ['OpinionReceived', 'SuggestionDrafted'],
  contributions(event: RecordedEvent): Contribution[] {
    const date = shanghaiDate(event.occurredAt);
    if (event.type === 'OpinionReceived') {
      const data = event.data as OpinionReceivedFacts;
      const votersReceived = IN_PERSON.has(data.channel) ? 1 : 0;
      return data.receivedBy.deputyIds.map((deputyId) => ({
        deputyId,
        stationId: data.stationId,
        jurisdictionPath: data.jurisdictionPath,
        date,
        figures: { opinionsRecorded: 1, votersReceived },
      }));
    }
    const data = event.data as SuggestionDraftedFacts;
    return data.deputyIds.map((deputyId) => ({
      deputyId,
      stationId: data.stationId,
      jurisdictionPath: data.jurisdictionPath,
      date,
      figures: { suggestions: 1 },
    }));
  },
};
