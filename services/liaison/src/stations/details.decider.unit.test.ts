import { deciderSpec } from '@liaison/decider';
import { metadataFor } from '../shared/command-metadata.js';
import type { RegisterStation, StationCommand } from './commands.js';
import { stationDecider } from './decider.js';
import type { OpeningRules, StationEvent } from './events.js';

const spec = deciderSpec(stationDecider);
const metadata = metadataFor({ now: '2026-03-01T20:00:00.000Z' });
const jurisdiction = { jurisdictionId: 't1', path: '/p1/c1/t1/' };
const centre = { stationId: 's1', jurisdictionId: 't1', kind: 'centre' as const, open: true };

const registered: StationEvent = {
  type: 'StationRegistered',
  data: {
    stationId: 's2',
    name: 'Port enterprise point',
    kind: 'point',
    jurisdictionId: 't1',
    jurisdictionPath: '/p1/c1/t1/',
    parentStationId: 's1',
    address: '3 Dock Rd',
  },
};
const closed: StationEvent = { type: 'StationClosed', data: { stationId: 's2', reason: 'moved away' } };
const rules: OpeningRules = {
  weekly: [
    { weekday: 3, opens: '14:00', closes: '17:00' },
    { weekday: 1, opens: '09:00', closes: '12:00' },
  ],
  note: ' reception day on the 20th ',
};
const sortedRules: OpeningRules = {
  weekly: [
    { weekday: 1, opens: '09:00', closes: '12:00' },
    { weekday: 3, opens: '14:00', closes: '17:00' },
  ],
  note: 'reception day on the 20th',
};

function registerPoint(overrides: Partial<RegisterStation['data']> = {}): RegisterStation {
  return {
    type: 'RegisterStation',
    data: {
      stationId: 's2',
      name: 'Port enterprise point',
      kind: 'point',
      address: '3 Dock Rd',
      jurisdiction,
      parentStation: centre,
      ...overrides,
    },
    metadata,
  };
}
const cmd = <C extends StationCommand>(type: C['type'], data: Omit<C['data'], 'stationId'>) =>
  ({ type, data: { stationId: 's2', ...data }, metadata }) as C;

const appoint = (
  appointmentId: string,
  role: 'head' | 'deputy-head' | 'liaison-officer',
  since: string | null = null,
) =>
  cmd('AppointStationStaff', {
    appointmentId,
    role,
    person: { name: ' Wang Fang ', userId: 'staff-1' },
    since,
  });
const appointed = (
  appointmentId: string,
  role: 'head' | 'deputy-head' | 'liaison-officer',
  since = '2026-03-02',
): StationEvent => ({
  type: 'StationStaffAppointed',
  data: { stationId: 's2', appointmentId, role, person: { name: 'Wang Fang', userId: 'staff-1' }, since },
});
const endAppointment = (appointmentId: string, until: string | null = null) =>
  cmd('EndStationStaffAppointment', { appointmentId, until, reason: ' transferred ' });
const observer = { name: 'Zhao Lei', userId: null };
const installed: StationEvent = {
  type: 'OpinionBoxInstalled',
  data: { stationId: 's2', boxId: 'b1', location: 'Village gate', observer },
};

describe('station decider: registration details', () => {
  it('registers a specialised point with opening rules and facilities as separate events', () => {
    spec
      .given([])
      .when(
        registerPoint({
          specialisation: 'enterprise',
          openingRules: rules,
          facilities: [' wall board ', 'reception room', 'wall board', ''],
        }),
      )
      .then([
        registered,
        { type: 'StationSpecialisationSet', data: { stationId: 's2', specialisation: 'enterprise' } },
        { type: 'StationOpeningRulesSet', data: { stationId: 's2', openingRules: sortedRules } },
        {
          type: 'StationFacilitiesSet',
          data: { stationId: 's2', facilities: ['wall board', 'reception room'] },
        },
      ]);
  });

  it('refuses a specialisation on anything but a point', () => {
    spec
      .given([])
      .when(registerPoint({ kind: 'room', specialisation: 'school' }))
      .thenFails('SPECIALISATION_ONLY_FOR_POINTS');
  });

  it('refuses a second online station of a jurisdiction (same stream) and a dissolved jurisdiction', () => {
    const online: StationEvent = {
      type: 'StationRegistered',
      data: { ...registered.data, kind: 'online', parentStationId: null },
    };
    spec
      .given([online])
      .when(registerPoint({ kind: 'online', parentStation: null }))
      .thenFails('ONLINE_STATION_EXISTS');
    spec
      .given([])
      .when(registerPoint({ jurisdiction: { ...jurisdiction, active: false } }))
      .thenFails('JURISDICTION_DISSOLVED');
  });

  it('refuses bad opening rules or facilities', () => {
    const bad = (weekly: OpeningRules['weekly'], note = '') =>
      registerPoint({ openingRules: { weekly, note } });
    spec
      .given([])
      .when(bad([{ weekday: 8, opens: '09:00', closes: '10:00' }]))
      .thenFails('INVALID_OPENING_RULES');
    spec
      .given([])
      .when(bad([{ weekday: 1, opens: '12:00', closes: '09:00' }]))
      .thenFails('INVALID_OPENING_RULES');
    spec
      .given([])
      .when(bad([{ weekday: 1, opens: '9:00', closes: '12:00' }]))
      .thenFails('INVALID_OPENING_RULES');
    spec
      .given([])
      .when(
        bad([
          { weekday: 1, opens: '09:00', closes: '12:00' },
          { weekday: 1, opens: '11:00', closes: '13:00' },
        ]),
      )
      .thenFails('INVALID_OPENING_RULES');
    spec
      .given([])
      .when(bad([], 'x'.repeat(501)))
      .thenFails('INVALID_OPENING_RULES');
    spec
      .given([])
      .when(registerPoint({ facilities: ['x'.repeat(51)] }))
      .thenFails('INVALID_FACILITIES');
  });
});

describe('station decider: details after registration', () => {
  it('sets specialisation, opening rules and facilities; the same values decide nothing', () => {
    const specialised: StationEvent = {
      type: 'StationSpecialisationSet',
      data: { stationId: 's2', specialisation: 'school' },
    };
    spec
      .given([registered])
      .when(cmd('SetStationSpecialisation', { specialisation: 'school' }))
      .then([specialised]);
    spec
      .given([registered, specialised])
      .when(cmd('SetStationSpecialisation', { specialisation: 'school' }))
      .then([]);
    const ruled: StationEvent = {
      type: 'StationOpeningRulesSet',
      data: { stationId: 's2', openingRules: sortedRules },
    };
    spec
      .given([registered])
      .when(cmd('SetStationOpeningRules', { openingRules: rules }))
      .then([ruled]);
    spec
      .given([registered, ruled])
      .when(cmd('SetStationOpeningRules', { openingRules: rules }))
      .then([]);
    spec
      .given([registered])
      .when(cmd('SetStationFacilities', { facilities: ['opinion box'] }))
      .then([{ type: 'StationFacilitiesSet', data: { stationId: 's2', facilities: ['opinion box'] } }]);
    spec
      .given([registered])
      .when(cmd('SetStationFacilities', { facilities: [] }))
      .then([]);
  });

  it('refuses details on a missing or closed station, or in a bad form', () => {
    spec
      .given([])
      .when(cmd('SetStationFacilities', { facilities: [] }))
      .thenFails('STATION_NOT_FOUND');
    spec
      .given([registered, closed])
      .when(cmd('SetStationSpecialisation', { specialisation: null }))
      .thenFails('STATION_CLOSED');
    spec
      .given([registered])
      .when(
        cmd('SetStationOpeningRules', {
          openingRules: { weekly: [{ weekday: 0, opens: '09:00', closes: '10:00' }], note: '' },
        }),
      )
      .thenFails('INVALID_OPENING_RULES');
    spec
      .given([registered])
      .when(cmd('SetStationFacilities', { facilities: Array.from({ length: 31 }, (_, i) => `f${i}`) }))
      .thenFails('INVALID_FACILITIES');
  });

  it('relocates a station, today by default; the same address decides nothing', () => {
    spec
      .given([registered])
      .when(cmd('RelocateStation', { address: ' 9 New Rd ', effectiveOn: null }))
      .then([
        {
          type: 'StationRelocated',
          data: { stationId: 's2', address: '9 New Rd', effectiveOn: '2026-03-02' },
        },
      ]);
    spec
      .given([registered])
      .when(cmd('RelocateStation', { address: '3 Dock Rd', effectiveOn: null }))
      .then([]);
  });

  it('refuses relocating to no address, on a bad date, an online station, or a closed one', () => {
    spec
      .given([registered])
      .when(cmd('RelocateStation', { address: ' ', effectiveOn: null }))
      .thenFails('INVALID_ADDRESS');
    spec
      .given([registered])
      .when(cmd('RelocateStation', { address: 'x', effectiveOn: '2026-02-30' }))
      .thenFails('INVALID_DATE');
    const online: StationEvent = {
      type: 'StationRegistered',
      data: { ...registered.data, kind: 'online', parentStationId: null },
    };
    spec
      .given([online])
      .when(cmd('RelocateStation', { address: 'x', effectiveOn: null }))
      .thenFails('ONLINE_STATION_HAS_NO_ADDRESS');
    spec
      .given([registered, closed])
      .when(cmd('RelocateStation', { address: 'x', effectiveOn: null }))
      .thenFails('STATION_CLOSED');
  });
});

describe('station decider: staff appointments', () => {
  it('appoints a head, deputy heads and liaison officers', () => {
    spec
      .given([registered])
      .when(appoint('a1', 'head'))
      .then([appointed('a1', 'head')]);
    spec
      .given([registered, appointed('a1', 'head')])
      .when(appoint('a2', 'liaison-officer', '2026-01-01'))
      .then([appointed('a2', 'liaison-officer', '2026-01-01')]);
  });

  it('refuses a second head, a repeated appointment id, an unnamed person, a bad date or a closed station', () => {
    spec
      .given([registered, appointed('a1', 'head')])
      .when(appoint('a2', 'head'))
      .thenFails('STATION_HEAD_ALREADY_APPOINTED');
    spec
      .given([registered, appointed('a1', 'deputy-head')])
      .when(appoint('a1', 'deputy-head'))
      .thenFails('APPOINTMENT_EXISTS');
    spec
      .given([registered])
      .when(
        cmd('AppointStationStaff', {
          appointmentId: 'a1',
          role: 'head',
          person: { name: ' ', userId: null },
          since: null,
        }),
      )
      .thenFails('INVALID_PERSON');
    spec
      .given([registered])
      .when(appoint('a1', 'head', 'soon'))
      .thenFails('INVALID_DATE');
    spec.given([registered, closed]).when(appoint('a1', 'head')).thenFails('STATION_CLOSED');
  });

  it('ends an appointment, also on a closed station; a new head may then be appointed', () => {
    const ended: StationEvent = {
      type: 'StationStaffAppointmentEnded',
      data: { stationId: 's2', appointmentId: 'a1', until: '2026-03-02', reason: 'transferred' },
    };
    spec
      .given([registered, appointed('a1', 'head'), closed])
      .when(endAppointment('a1'))
      .then([ended]);
    spec
      .given([registered, appointed('a1', 'head'), ended])
      .when(appoint('a2', 'head'))
      .then([appointed('a2', 'head')]);
  });

  it('refuses ending an unknown appointment, one already ended, or before it began', () => {
    spec.given([]).when(endAppointment('a1')).thenFails('STATION_NOT_FOUND');
    spec.given([registered]).when(endAppointment('a1')).thenFails('APPOINTMENT_NOT_FOUND');
    spec
      .given([registered, appointed('a1', 'head')])
      .when(endAppointment('a1', '2026-03-01'))
      .thenFails('INVALID_DATE');
  });
});

describe('station decider: opinion boxes', () => {
  it('installs a box with the observer who empties it, changes the observer, removes it', () => {
    spec
      .given([registered])
      .when(
        cmd('InstallOpinionBox', {
          boxId: 'b1',
          location: ' Village gate ',
          observer: { name: ' Zhao Lei ', userId: ' ' },
        }),
      )
      .then([installed]);
    const next = { name: 'Qian Yu', userId: 'obs-2' };
    spec
      .given([registered, installed])
      .when(cmd('ChangeOpinionBoxObserver', { boxId: 'b1', observer: next }))
      .then([{ type: 'OpinionBoxObserverChanged', data: { stationId: 's2', boxId: 'b1', observer: next } }]);
    spec
      .given([registered, installed])
      .when(cmd('ChangeOpinionBoxObserver', { boxId: 'b1', observer }))
      .then([]);
    spec
      .given([registered, installed, closed])
      .when(cmd('RemoveOpinionBox', { boxId: 'b1', reason: 'station closed' }))
      .then([
        { type: 'OpinionBoxRemoved', data: { stationId: 's2', boxId: 'b1', reason: 'station closed' } },
      ]);
  });

  it('refuses a repeated box, no location, a bad observer, an unknown box, or removal without reason', () => {
    spec
      .given([registered, installed])
      .when(cmd('InstallOpinionBox', { boxId: 'b1', location: 'x', observer: null }))
      .thenFails('OPINION_BOX_EXISTS');
    spec
      .given([registered])
      .when(cmd('InstallOpinionBox', { boxId: 'b1', location: ' ', observer: null }))
      .thenFails('INVALID_LOCATION');
    spec
      .given([registered])
      .when(cmd('InstallOpinionBox', { boxId: 'b1', location: 'x', observer: { name: '', userId: null } }))
      .thenFails('INVALID_PERSON');
    spec
      .given([registered])
      .when(cmd('ChangeOpinionBoxObserver', { boxId: 'b9', observer: null }))
      .thenFails('OPINION_BOX_NOT_FOUND');
    spec
      .given([registered])
      .when(cmd('RemoveOpinionBox', { boxId: 'b9', reason: 'x' }))
      .thenFails('OPINION_BOX_NOT_FOUND');
    spec
      .given([registered, installed])
      .when(cmd('RemoveOpinionBox', { boxId: 'b1', reason: ' ' }))
      .thenFails('REASON_REQUIRED');
    spec
      .given([registered, closed])
      .when(cmd('InstallOpinionBox', { boxId: 'b1', location: 'x', observer: null }))
      .thenFails('STATION_CLOSED');
  });
});

describe('station decider: the remaining failure paths of each command', () => {
  const commands: StationCommand[] = [
    cmd('RenameStation', { name: 'x' }),
    cmd('CloseStation', { reason: 'x' }),
    cmd('SetStationSpecialisation', { specialisation: 'school' }),
    cmd('SetStationOpeningRules', { openingRules: rules }),
    cmd('SetStationFacilities', { facilities: ['ramp'] }),
    cmd('RelocateStation', { address: '9 Hill Rd', effectiveOn: null }),
    appoint('a9', 'liaison-officer'),
    cmd('EndStationStaffAppointment', { appointmentId: 'a9', until: null, reason: '' }),
    cmd('InstallOpinionBox', { boxId: 'b9', location: 'x', observer: null }),
    cmd('ChangeOpinionBoxObserver', { boxId: 'b9', observer: null }),
    cmd('RemoveOpinionBox', { boxId: 'b9', reason: 'x' }),
  ];
  /** Commands that tidy up after a closed station (or close it) are let through; the rest need it open. */
  const onClosedToo = ['CloseStation', 'EndStationStaffAppointment', 'RemoveOpinionBox'];

  it('refuses every command on a station never registered', () => {
    for (const each of commands) spec.given([]).when(each).thenFails('STATION_NOT_FOUND');
  });

  it('refuses every command that changes a station on a closed one', () => {
    for (const each of commands.filter((c) => !onClosedToo.includes(c.type)))
      spec.given([registered, closed]).when(each).thenFails('STATION_CLOSED');
  });

  it('refuses specialising a station that is not a point, and a nameless new observer', () => {
    spec
      .given([
        {
          ...registered,
          data: { ...registered.data, kind: 'centre', parentStationId: null },
        },
      ])
      .when(cmd('SetStationSpecialisation', { specialisation: 'school' }))
      .thenFails('SPECIALISATION_ONLY_FOR_POINTS');
    spec
      .given([registered, installed])
      .when(cmd('ChangeOpinionBoxObserver', { boxId: 'b1', observer: { name: ' ', userId: null } }))
      .thenFails('INVALID_PERSON');
  });
});
