// Commands on an office calendar.
import type { OfficeDayKind } from '@liaison/calendar';
import type { Command } from '@liaison/decider';

export type DeclareOfficeCalendarDay = Command<
  'DeclareOfficeCalendarDay',
  { jurisdictionId: string; date: string; kind: OfficeDayKind; name: string }
>;
export type ClearOfficeCalendarDay = Command<
  'ClearOfficeCalendarDay',
  { jurisdictionId: string; date: string }
>;

export type OfficeCalendarCommand = DeclareOfficeCalendarDay | ClearOfficeCalendarDay;
