// The roster decider: one station's year of duty days, who is on duty, leave and attendance.
import { UnreachableCaseError, type Decider } from '@liaison/decider';
import type { RosterCommand } from './commands.js';
import { rescheduleForCalendar } from './decide-calendar.js';
import { checkIn, checkOut, decideLeave, recordNoShow, requestLeave } from './decide-attendance.js';
import { addDay, assign, cancelDay, publish, swap } from './decide-schedule.js';
import type { RosterEvent } from './events.js';
import { evolveRoster, type RosterState } from './state.js';

export type { RosterState } from './state.js';

export const rosterDecider: Decider<RosterState, RosterCommand, RosterEvent> = {
  initialState: () => ({ status: 'unpublished' }),

  decide(command, state) {
    switch (command.type) {
      case 'PublishRoster':
        return publish(command, state);
      case 'AddRosterDay':
        return addDay(command, state);
      case 'CancelRosterDay':
        return cancelDay(command, state);
      case 'AssignDuty':
        return assign(command, state);
      case 'SwapDuty':
        return swap(command, state);
      case 'RequestLeave':
        return requestLeave(command, state);
      case 'ApproveLeave':
      case 'RejectLeave':
        return decideLeave(command, state);
      case 'CheckIn':
        return checkIn(command, state);
      case 'CheckOut':
        return checkOut(command, state);
      case 'RecordNoShow':
        return recordNoShow(command, state);
      case 'RescheduleForCalendar':
        return rescheduleForCalendar(command, state);
      default:
        throw new UnreachableCaseError(command);
    }
  },

  evolve: evolveRoster,
};
