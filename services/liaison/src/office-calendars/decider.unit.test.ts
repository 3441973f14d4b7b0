import { deciderSpec } from '@liaison/decider';
import { metadataFor } from '../shared/command-metadata.js';
import type { OfficeCalendarCommand } from './commands.js';
import { officeCalendarDecider } from './decider.js';
import type { OfficeCalendarEvent } from './events.js';

const spec = deciderSpec(officeCalendarDecider);
const metadata = metadataFor();
const declare = (date: string, kind: 'holiday' | 'working-day', name: string): OfficeCalendarCommand => ({
  type: 'DeclareOfficeCalendarDay',
  data: { jurisdictionId: 'j1', date, kind, name },
  metadata,
});
const clear = (date: string): OfficeCalendarCommand => ({
  type: 'ClearOfficeCalendarDay',
  data: { jurisdictionId: 'j1', date },
  metadata,
});
const declared: OfficeCalendarEvent = {
  type: 'OfficeCalendarDayDeclared',
  data: { jurisdictionId: 'j1', date: '2026-03-03', kind: 'holiday', name: '三月三' },
};

describe('office calendar decider', () => {
  it('declares a local holiday, trimming its name', () => {
    spec
      .given([])
      .when(declare('2026-03-03', 'holiday', ' 三月三 '))
      .then([declared]);
  });

  it('changes a declared day to a working day, and ignores a repeat of the same declaration', () => {
    spec
      .given([declared])
      .when(declare('2026-03-03', 'working-day', 'works through'))
      .then([
        {
          type: 'OfficeCalendarDayDeclared',
          data: { jurisdictionId: 'j1', date: '2026-03-03', kind: 'working-day', name: 'works through' },
        },
      ]);
    spec
      .given([declared])
      .when(declare('2026-03-03', 'holiday', '三月三'))
      .then([]);
  });

  it('refuses a malformed date or an empty name', () => {
    spec
      .given([])
      .when(declare('2026-02-30', 'holiday', 'x'))
      .thenFails('INVALID_DATE');
    spec
      .given([])
      .when(declare('2026-03-03', 'holiday', '  '))
      .thenFails('INVALID_NAME');
    spec.given([]).when(clear('03/03/2026')).thenFails('INVALID_DATE');
  });

  it('clears a declared day, and refuses to clear one never declared', () => {
    spec
      .given([declared])
      .when(clear('2026-03-03'))
      .then([{ type: 'OfficeCalendarDayCleared', data: { jurisdictionId: 'j1', date: '2026-03-03' } }]);
    spec.given([]).when(clear('2026-03-03')).thenFails('OFFICE_CALENDAR_DAY_NOT_FOUND');
    spec
      .given([
        declared,
        { type: 'OfficeCalendarDayCleared', data: { jurisdictionId: 'j1', date: '2026-03-03' } },
      ])
      .when(clear('2026-03-03'))
      .thenFails('OFFICE_CALENDAR_DAY_NOT_FOUND');
  });
});
