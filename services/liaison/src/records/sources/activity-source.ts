// Activities feed the records: each sign-in counts one activity attended for the deputy, on the activity's date.
import type { ActivityEvent } from '../../activities/events.js';
import type { RecordSource } from './contribution.js';

export const activitySource: RecordSource = {
  eventTypes: ['ActivityParticipantSignedIn'],
  contributions(recorded) {
    const event = { type: recorded.type, data: recorded.data } as ActivityEvent;
    if (event.type !== 'ActivityParticipantSignedIn') return [];
    const { deputyId, stationId, jurisdictionPath, date, activityId, kind } = event.data;
    return [
      {
        deputyId,
        stationId,
        jurisdictionPath,
        date,
        figures: { activities: 1 },
        activity: { activityId, kind },
      },
    ];
  },
};
