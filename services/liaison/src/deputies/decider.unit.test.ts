import { deciderSpec } from '@liaison/decider';
import { metadataFor } from '../shared/command-metadata.js';
import type { DeputyCommand, RegisterDeputyData } from './commands.js';
import { deputyDecider } from './decider.js';
import type { SealedValue } from '@liaison/personal-data';
import type { DeputyContact, DeputyEvent } from './events.js';

const spec = deciderSpec(deputyDecider);
// 2026-03-01T20:00Z is already 2 March in Beijing
const metadata = metadataFor({ now: '2026-03-01T20:00:00.000Z' });
const township = { jurisdictionId: 't1', level: 'township' as const, path: '/p1/c1/t1/', active: true };
const contact: DeputyContact = { phone: '13812341234', email: null, address: null };
// What the service hands the decider: the details sealed (the decider only carries them into the event).
const sealed = (subject: string): SealedValue<DeputyContact> => ({
  sealed: 'aes-256-gcm/v1',
  subject,
  iv: 'iv',
  tag: 'tag',
  data: 'ciphertext',
});

function register(overrides: Partial<RegisterDeputyData> = {}): DeputyCommand {
  return {
    type: 'RegisterDeputy',
    data: {
      deputyId: 'd1',
      name: ' Li Hua ',
      level: 'county',
      constituency: 'Shekou 3rd constituency',
      term: { number: 17, startsOn: '2022-01-01', endsOn: '2026-12-31' },
      employer: 'Port Authority',
      sector: ' ',
      contact: { phone: ' 13812341234 ', email: '', address: null },
      sealedContact: sealed('deputy:d1'),
      jurisdiction: township,
      ...overrides,
    },
    metadata,
  };
}

const registered: DeputyEvent = {
  type: 'DeputyRegistered',
  data: {
    deputyId: 'd1',
    name: 'Li Hua',
    level: 'county',
    jurisdictionId: 't1',
    jurisdictionPath: '/p1/c1/t1/',
    constituency: 'Shekou 3rd constituency',
    term: { number: 17, startsOn: '2022-01-01', endsOn: '2026-12-31' },
    employer: 'Port Authority',
    sector: null,
    contact: sealed('deputy:d1'),
  },
};
const assigned = (stationId: string, since = '2026-01-05'): DeputyEvent => ({
  type: 'DeputyAssignedToStation',
  data: { deputyId: 'd1', stationId, since },
});
const joined: DeputyEvent = {
  type: 'DeputyJoinedGroup',
  data: { deputyId: 'd1', groupId: 'g1', role: 'member' },
};
const termEnded: DeputyEvent = { type: 'DeputyTermEnded', data: { deputyId: 'd1', endedOn: '2026-12-31' } };
const resigned: DeputyEvent = {
  type: 'DeputyResigned',
  data: { deputyId: 'd1', resignedOn: '2026-03-02', reason: 'moved abroad' },
};

const cmd = <C extends DeputyCommand>(type: C['type'], data: C['data']) => ({ type, data, metadata }) as C;
const assign = (stationId: string | null, since: string | null = null, open = true) =>
  cmd('AssignDeputyToStation', {
    deputyId: 'd1',
    station: stationId === null ? null : { stationId, open },
    since,
  });
const remove = (stationId: string, until: string | null = null) =>
  cmd('RemoveDeputyFromStation', { deputyId: 'd1', stationId, until, reason: ' moved ' });
const join = (group: { groupId: string; active: boolean } | null, role: 'leader' | 'member' = 'member') =>
  cmd('JoinDeputyGroup', { deputyId: 'd1', group, role });
const endTerm = (endedOn: string | null) => cmd('EndDeputyTerm', { deputyId: 'd1', endedOn });
const resign = (resignedOn: string | null, reason = 'moved abroad') =>
  cmd('ResignDeputy', { deputyId: 'd1', resignedOn, reason });
const profile = (name: string, constituency = 'Shekou 3rd constituency') =>
  cmd('UpdateDeputyProfile', {
    deputyId: 'd1',
    name,
    constituency,
    employer: 'Port Authority',
    sector: null,
  });
const changeContact = (c: DeputyContact, current: DeputyContact | null = contact) =>
  cmd('ChangeDeputyContact', {
    deputyId: 'd1',
    contact: c,
    sealedContact: sealed('deputy:d1:new'),
    currentContact: current,
  });

describe('deputy decider: registration', () => {
  it('registers a county deputy kept at a township, with trimmed text and empty values as null', () => {
    spec.given([]).when(register()).then([registered]);
  });

  it('registers a national deputy at a province', () => {
    spec
      .given([])
      .when(
        register({
          level: 'national',
          jurisdiction: { jurisdictionId: 'p1', level: 'province', path: '/p1/', active: true },
        }),
      )
      .then([
        {
          type: 'DeputyRegistered',
          data: { ...registered.data, level: 'national', jurisdictionId: 'p1', jurisdictionPath: '/p1/' },
        },
      ]);
  });

  it('refuses registering twice', () => {
    spec.given([registered]).when(register()).thenFails('DEPUTY_ALREADY_REGISTERED');
  });

  it('refuses an empty name or constituency', () => {
    spec
      .given([])
      .when(register({ name: '  ' }))
      .thenFails('INVALID_NAME');
    spec
      .given([])
      .when(register({ constituency: '' }))
      .thenFails('INVALID_CONSTITUENCY');
  });

  it('refuses a bad term: number, dates, or an end before the start', () => {
    const term = { number: 17, startsOn: '2022-01-01', endsOn: null };
    spec
      .given([])
      .when(register({ term: { ...term, number: 0 } }))
      .thenFails('INVALID_TERM');
    spec
      .given([])
      .when(register({ term: { ...term, startsOn: '2022-02-30' } }))
      .thenFails('INVALID_TERM');
    spec
      .given([])
      .when(register({ term: { ...term, endsOn: '2021-12-31' } }))
      .thenFails('INVALID_TERM');
  });

  it('refuses malformed contact details', () => {
    spec
      .given([])
      .when(register({ contact: { ...contact, phone: 'call me' } }))
      .thenFails('INVALID_CONTACT');
    spec
      .given([])
      .when(register({ contact: { ...contact, email: 'nobody' } }))
      .thenFails('INVALID_CONTACT');
    spec
      .given([])
      .when(register({ contact: { ...contact, address: 'x'.repeat(201) } }))
      .thenFails('INVALID_CONTACT');
  });

  it('refuses a missing or dissolved jurisdiction', () => {
    spec
      .given([])
      .when(register({ jurisdiction: null }))
      .thenFails('JURISDICTION_NOT_FOUND');
    spec
      .given([])
      .when(register({ jurisdiction: { ...township, active: false } }))
      .thenFails('JURISDICTION_DISSOLVED');
  });

  it('refuses keeping a deputy at a jurisdiction above its congress', () => {
    spec
      .given([])
      .when(
        register({
          level: 'township',
          jurisdiction: { jurisdictionId: 'c1', level: 'county', path: '/p1/c1/', active: true },
        }),
      )
      .thenFails('LEVEL_ABOVE_JURISDICTION');
  });
});

describe('deputy decider: profile and contact', () => {
  it('updates the profile, and an unchanged profile decides nothing', () => {
    spec
      .given([registered])
      .when(profile(' Li Hua ', 'Shekou 4th constituency'))
      .then([
        {
          type: 'DeputyProfileUpdated',
          data: {
            deputyId: 'd1',
            name: 'Li Hua',
            constituency: 'Shekou 4th constituency',
            employer: 'Port Authority',
            sector: null,
          },
        },
      ]);
    spec.given([registered]).when(profile('Li Hua')).then([]);
  });

  it('refuses a profile update for a missing or former deputy, or with an empty name', () => {
    spec.given([]).when(profile('X')).thenFails('DEPUTY_NOT_FOUND');
    spec.given([registered, termEnded]).when(profile('X')).thenFails('DEPUTY_NOT_SERVING');
    spec.given([registered]).when(profile('')).thenFails('INVALID_NAME');
  });

  it('changes contact details into the sealed form, and the same details decide nothing', () => {
    const next = { phone: null, email: 'li.hua@example.cn', address: '2 Harbour Rd' };
    const changed: DeputyEvent = {
      type: 'DeputyContactChanged',
      data: { deputyId: 'd1', contact: sealed('deputy:d1:new') },
    };
    spec.given([registered]).when(changeContact(next)).then([changed]);
    spec
      .given([registered])
      .when(changeContact({ ...contact, phone: ' 13812341234 ' }))
      .then([]);
    // once forgotten the current details cannot be read: new ones are stored
    spec.given([registered]).when(changeContact(contact, null)).then([changed]);
  });

  it('refuses details the service did not seal', () => {
    spec
      .given([])
      .when(register({ sealedContact: null }))
      .thenFails('CONTACT_NOT_SEALED');
    spec
      .given([registered])
      .when(
        cmd('ChangeDeputyContact', {
          deputyId: 'd1',
          contact: { ...contact, phone: '13900000000' },
          sealedContact: null,
          currentContact: contact,
        }),
      )
      .thenFails('CONTACT_NOT_SEALED');
  });

  it('refuses contact changes for a missing deputy or in a bad form', () => {
    spec.given([]).when(changeContact(contact)).thenFails('DEPUTY_NOT_FOUND');
    spec
      .given([registered])
      .when(changeContact({ ...contact, phone: '12' }))
      .thenFails('INVALID_CONTACT');
  });
});

describe('deputy decider: stations', () => {
  it('assigns a deputy to several stations, from today in Beijing time by default', () => {
    spec
      .given([registered])
      .when(assign('s1'))
      .then([assigned('s1', '2026-03-02')]);
    spec
      .given([registered, assigned('s1')])
      .when(assign('s2', '2026-01-05'))
      .then([assigned('s2')]);
  });

  it('refuses assigning a missing or former deputy, to a missing or closed station, twice, or with a bad date', () => {
    spec.given([]).when(assign('s1')).thenFails('DEPUTY_NOT_FOUND');
    spec.given([registered, resigned]).when(assign('s1')).thenFails('DEPUTY_NOT_SERVING');
    spec.given([registered]).when(assign(null)).thenFails('STATION_NOT_FOUND');
    spec
      .given([registered])
      .when(assign('s1', null, false))
      .thenFails('STATION_CLOSED');
    spec
      .given([registered, assigned('s1')])
      .when(assign('s1'))
      .thenFails('DEPUTY_ALREADY_ASSIGNED');
    spec.given([registered]).when(assign('s1', '2026-13-01')).thenFails('INVALID_DATE');
  });

  it('removes a deputy from a station, and can assign again afterwards', () => {
    const removed: DeputyEvent = {
      type: 'DeputyRemovedFromStation',
      data: { deputyId: 'd1', stationId: 's1', since: '2026-01-05', until: '2026-02-28', reason: 'moved' },
    };
    spec
      .given([registered, assigned('s1')])
      .when(remove('s1', '2026-02-28'))
      .then([removed]);
    spec
      .given([registered, assigned('s1'), removed])
      .when(assign('s1'))
      .then([assigned('s1', '2026-03-02')]);
  });

  it('refuses removing a missing deputy, from a station it is not at, or before the assignment began', () => {
    spec.given([]).when(remove('s1')).thenFails('DEPUTY_NOT_FOUND');
    spec.given([registered]).when(remove('s1')).thenFails('DEPUTY_NOT_ASSIGNED');
    spec
      .given([registered, assigned('s1')])
      .when(remove('s1', '2026-01-04'))
      .thenFails('INVALID_DATE');
    spec
      .given([registered, assigned('s1')])
      .when(remove('s1', 'yesterday'))
      .thenFails('INVALID_DATE');
  });
});

describe('deputy decider: groups', () => {
  const group = { groupId: 'g1', active: true };

  it('joins a group, and joining again in the same role decides nothing', () => {
    spec.given([registered]).when(join(group)).then([joined]);
    spec.given([registered, joined]).when(join(group)).then([]);
  });

  it('refuses joining as a missing or former deputy, a missing or disbanded group, or in another role', () => {
    spec.given([]).when(join(group)).thenFails('DEPUTY_NOT_FOUND');
    spec.given([registered, termEnded]).when(join(group)).thenFails('DEPUTY_NOT_SERVING');
    spec.given([registered]).when(join(null)).thenFails('GROUP_NOT_FOUND');
    spec
      .given([registered])
      .when(join({ groupId: 'g1', active: false }))
      .thenFails('GROUP_DISBANDED');
    spec.given([registered, joined]).when(join(group, 'leader')).thenFails('ALREADY_IN_GROUP');
  });

  it('leaves a group it is in, and refuses otherwise', () => {
    const leave = cmd('LeaveDeputyGroup', { deputyId: 'd1', groupId: 'g1' });
    spec
      .given([registered, joined])
      .when(leave)
      .then([{ type: 'DeputyLeftGroup', data: { deputyId: 'd1', groupId: 'g1' } }]);
    spec.given([registered]).when(leave).thenFails('NOT_IN_GROUP');
    spec.given([]).when(leave).thenFails('DEPUTY_NOT_FOUND');
  });
});

describe('deputy decider: end of term and resignation', () => {
  it('ends the term: every station assignment and group membership ends with it', () => {
    spec
      .given([registered, assigned('s2'), assigned('s1'), joined])
      .when(endTerm('2026-12-31'))
      .then([
        {
          type: 'DeputyRemovedFromStation',
          data: {
            deputyId: 'd1',
            stationId: 's1',
            since: '2026-01-05',
            until: '2026-12-31',
            reason: 'term ended',
          },
        },
        {
          type: 'DeputyRemovedFromStation',
          data: {
            deputyId: 'd1',
            stationId: 's2',
            since: '2026-01-05',
            until: '2026-12-31',
            reason: 'term ended',
          },
        },
        { type: 'DeputyLeftGroup', data: { deputyId: 'd1', groupId: 'g1' } },
        termEnded,
      ]);
  });

  it('resigns with a reason, today by default', () => {
    spec
      .given([registered, assigned('s1')])
      .when(resign(null, ' moved abroad '))
      .then([
        {
          type: 'DeputyRemovedFromStation',
          data: {
            deputyId: 'd1',
            stationId: 's1',
            since: '2026-01-05',
            until: '2026-03-02',
            reason: 'resigned',
          },
        },
        resigned,
      ]);
  });

  it('refuses ending service for a missing or former deputy', () => {
    spec.given([]).when(endTerm(null)).thenFails('DEPUTY_NOT_FOUND');
    spec.given([registered, termEnded]).when(resign(null)).thenFails('DEPUTY_NOT_SERVING');
    spec.given([registered, resigned]).when(endTerm(null)).thenFails('DEPUTY_NOT_SERVING');
  });

  it('refuses a date before the term or the latest assignment, a malformed date, or a resignation without reason', () => {
    spec.given([registered]).when(endTerm('2021-12-31')).thenFails('INVALID_DATE');
    spec
      .given([registered, assigned('s1', '2026-02-01')])
      .when(resign('2026-01-31'))
      .thenFails('INVALID_DATE');
    spec.given([registered]).when(endTerm('31/12/2026')).thenFails('INVALID_DATE');
    spec.given([registered]).when(resign(null, '  ')).thenFails('REASON_REQUIRED');
  });
});

describe('deputy decider: the remaining failure paths of each command', () => {
  it('refuses a resignation of a deputy never registered, and a profile with an empty constituency', () => {
    spec.given([]).when(resign(null)).thenFails('DEPUTY_NOT_FOUND');
    spec.given([registered]).when(profile('Li Ming', ' ')).thenFails('INVALID_CONSTITUENCY');
  });
});
