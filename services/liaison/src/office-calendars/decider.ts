// The office calendar decider: declare a local day off or working day, or clear it again.
import { isIsoDate, type OfficeDay } from '@liaison/calendar';
import { domainError, UnreachableCaseError, type Decider } from '@liaison/decider';
import type { OfficeCalendarCommand } from './commands.js';
import type { OfficeCalendarEvent } from './events.js';

export interface OfficeCalendarState {
  days: Readonly<Record<string, OfficeDay>>;
}

const MAX_NAME_LENGTH = 100;

export const officeCalendarDecider: Decider<OfficeCalendarState, OfficeCalendarCommand, OfficeCalendarEvent> =
  {
    initialState: () => ({ days: {} }),

    decide(command, state) {
      const { data } = command;
      if (!isIsoDate(data.date)) {
        return domainError('INVALID_DATE', `expected a date as YYYY-MM-DD, received "${data.date}"`, [
          'date',
        ]);
      }
      switch (command.type) {
        case 'DeclareOfficeCalendarDay': {
          const name = command.data.name.trim();
          if (name.length === 0 || name.length > MAX_NAME_LENGTH) {
            return domainError('INVALID_NAME', `expected a reason of 1 to ${MAX_NAME_LENGTH} characters`, [
              'name',
            ]);
          }
          const existing = state.days[data.date];
          if (existing?.kind === command.data.kind && existing.name === name) return [];
          return [
            {
              type: 'OfficeCalendarDayDeclared',
              data: { jurisdictionId: data.jurisdictionId, date: data.date, kind: command.data.kind, name },
            },
          ];
        }
        case 'ClearOfficeCalendarDay':
          if (!state.days[data.date]) {
            return domainError(
              'OFFICE_CALENDAR_DAY_NOT_FOUND',
              `the office declared nothing for ${data.date}`,
              ['date'],
            );
          }
          return [
            {
              type: 'OfficeCalendarDayCleared',
              data: { jurisdictionId: data.jurisdictionId, date: data.date },
            },
          ];
        default:
          throw new UnreachableCaseError(command);
      }
    },

    evolve(state, event) {
      switch (event.type) {
        case 'OfficeCalendarDayDeclared': {
          const { date, kind, name } = event.data;
          return { days: { ...state.days, [date]: { date, kind, name } } };
        }
        case 'OfficeCalendarDayCleared': {
          const days = { ...state.days };
          delete days[event.data.date];
          return { days };
        }
        default:
          throw new UnreachableCaseError(event);
      }
    },
  };
