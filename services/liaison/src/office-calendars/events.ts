// Events of an office's working-day calendar: days an office declares off or worked, beyond the national ones.
import type { OfficeDayKind } from '@liaison/calendar';

export type OfficeCalendarEvent =
  | {
      type: 'OfficeCalendarDayDeclared';
      data: { jurisdictionId: string; date: string; kind: OfficeDayKind; name: string };
    }
  | { type: 'OfficeCalendarDayCleared'; data: { jurisdictionId: string; date: string } };

export const OFFICE_CALENDAR_EVENT_TYPES = [
  'OfficeCalendarDayDeclared',
  'OfficeCalendarDayCleared',
] as const satisfies readonly OfficeCalendarEvent['type'][];

/** The stream holding one jurisdiction office's calendar adjustments (category `calendar`). */
export function officeCalendarStream(jurisdictionId: string): string {
  return `calendar-${jurisdictionId}`;
}
