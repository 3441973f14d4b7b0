import { deciderSpec } from '@liaison/decider';
import { metadataFor } from '../shared/command-metadata.js';
import type { JurisdictionCommand, SplitJurisdiction, SuccessorFacts } from './commands.js';
import { jurisdictionDecider, successorFor } from './decider.js';
import type { JurisdictionEvent } from './events.js';

const spec = deciderSpec(jurisdictionDecider);
const metadata = metadataFor({ now: '2026-03-01T20:00:00.000Z' });

const township = (id: string): JurisdictionEvent => ({
  type: 'JurisdictionRegistered',
  data: {
    jurisdictionId: id,
    name: id,
    level: 'township',
    code: null,
    parentId: 'c1',
    ancestorIds: ['p1', 'c1'],
  },
});
const facts = (id: string, overrides: Partial<SuccessorFacts> = {}): SuccessorFacts => ({
  jurisdictionId: id,
  level: 'township',
  ancestorIds: ['p1', 'c1'],
  active: true,
  ...overrides,
});
const merge = (
  into: SuccessorFacts | null,
  effectiveOn: string | null = '2026-01-01',
): JurisdictionCommand => ({
  type: 'MergeJurisdiction',
  data: { jurisdictionId: 't1', into, effectiveOn },
  metadata,
});
const merged: JurisdictionEvent = {
  type: 'JurisdictionMerged',
  data: { jurisdictionId: 't1', intoJurisdictionId: 't2', effectiveOn: '2026-01-01' },
};
const part = (id: string, stationIds: string[] = [], facts_: SuccessorFacts | null = facts(id)) => ({
  jurisdictionId: id,
  facts: facts_,
  stationIds,
  deputyIds: [],
  childJurisdictionIds: [],
});
const split = (parts: SplitJurisdiction['data']['parts'], remainder = 't2'): SplitJurisdiction => ({
  type: 'SplitJurisdiction',
  data: { jurisdictionId: 't1', parts, remainderJurisdictionId: remainder, effectiveOn: null },
  metadata,
});

describe('jurisdiction decider: merging', () => {
  it('merges a township into a neighbour, effective on the given day or today', () => {
    spec
      .given([township('t1')])
      .when(merge(facts('t2')))
      .then([merged]);
    spec
      .given([township('t1')])
      .when(merge(facts('t2'), null))
      .then([{ ...merged, data: { ...merged.data, effectiveOn: '2026-03-02' } }]);
  });

  it('refuses a missing or dissolved source, and a bad successor', () => {
    spec
      .given([])
      .when(merge(facts('t2')))
      .thenFails('JURISDICTION_NOT_FOUND');
    spec
      .given([township('t1'), merged])
      .when(merge(facts('t3')))
      .thenFails('JURISDICTION_DISSOLVED');
    spec
      .given([township('t1')])
      .when(merge(null))
      .thenFails('SUCCESSOR_NOT_FOUND');
    spec
      .given([township('t1')])
      .when(merge(facts('t2', { active: false })))
      .thenFails('SUCCESSOR_DISSOLVED');
    spec
      .given([township('t1')])
      .when(merge(facts('t1')))
      .thenFails('SUCCESSOR_IS_SELF');
    spec
      .given([township('t1')])
      .when(merge(facts('c2', { level: 'county' })))
      .thenFails('SUCCESSOR_LEVEL_MISMATCH');
    spec
      .given([township('t1')])
      .when(merge(facts('v1', { ancestorIds: ['p1', 'c1', 't1'] })))
      .thenFails('SUCCESSOR_INSIDE');
    spec
      .given([township('t1')])
      .when(merge(facts('t2'), '2026-02-30'))
      .thenFails('INVALID_DATE');
  });
});

describe('jurisdiction decider: splitting', () => {
  it('splits into parts, each receiving what it is given, the rest to the remainder', () => {
    spec
      .given([township('t1')])
      .when(split([part('t2', ['s1']), part('t3', ['s2'])], 't3'))
      .then([
        {
          type: 'JurisdictionSplit',
          data: {
            jurisdictionId: 't1',
            parts: [
              { jurisdictionId: 't2', stationIds: ['s1'], deputyIds: [], childJurisdictionIds: [] },
              { jurisdictionId: 't3', stationIds: ['s2'], deputyIds: [], childJurisdictionIds: [] },
            ],
            remainderJurisdictionId: 't3',
            effectiveOn: '2026-03-02',
          },
        },
      ]);
  });

  it('refuses fewer than two parts, a part twice, something given twice, a bad part or remainder', () => {
    spec
      .given([township('t1')])
      .when(split([part('t2')]))
      .thenFails('SPLIT_NEEDS_TWO_PARTS');
    spec
      .given([township('t1')])
      .when(split([part('t2'), part('t2')]))
      .thenFails('DUPLICATE_PART');
    spec
      .given([township('t1')])
      .when(split([part('t2', ['s1']), part('t3', ['s1'])]))
      .thenFails('ALLOTTED_TWICE');
    spec
      .given([township('t1')])
      .when(split([part('t2'), part('t3', [], null)]))
      .thenFails('SUCCESSOR_NOT_FOUND');
    spec
      .given([township('t1')])
      .when(split([part('t2'), part('t3')], 't9'))
      .thenFails('INVALID_REMAINDER');
    spec
      .given([])
      .when(split([part('t2'), part('t3')]))
      .thenFails('JURISDICTION_NOT_FOUND');
  });

  it('knows where each entity went', () => {
    const state = [
      township('t1'),
      {
        type: 'JurisdictionSplit',
        data: {
          jurisdictionId: 't1',
          parts: [
            { jurisdictionId: 't2', stationIds: ['s1'], deputyIds: ['d1'], childJurisdictionIds: [] },
            { jurisdictionId: 't3', stationIds: [], deputyIds: [], childJurisdictionIds: ['v1'] },
          ],
          remainderJurisdictionId: 't3',
          effectiveOn: '2026-01-01',
        },
      } as JurisdictionEvent,
    ].reduce(jurisdictionDecider.evolve, jurisdictionDecider.initialState());
    if (state.status !== 'dissolved') throw new Error(`expected a dissolved state, received ${state.status}`);
    expect([
      successorFor(state.succession, 's1'),
      successorFor(state.succession, 'd1'),
      successorFor(state.succession, 'v1'),
    ]).toEqual(['t2', 't2', 't3']);
    expect(successorFor(state.succession, 'someone-later')).toBe('t3');
  });
});

describe('jurisdiction decider: reparenting', () => {
  const village: JurisdictionEvent = {
    type: 'JurisdictionRegistered',
    data: {
      jurisdictionId: 'v1',
      name: 'v1',
      level: 'village',
      code: null,
      parentId: 't1',
      ancestorIds: ['p1', 'c1', 't1'],
    },
  };
  const reparent = (parentId: string, ancestorIds: string[]): JurisdictionCommand => ({
    type: 'ReparentJurisdiction',
    data: {
      jurisdictionId: 'v1',
      parent: { jurisdictionId: parentId, level: 'township', ancestorIds },
      effectiveOn: '2026-01-01',
      reorganisedJurisdictionId: 't1',
    },
    metadata,
  });

  it('moves a village under the successor township; the same parent and ancestry decides nothing', () => {
    spec
      .given([village])
      .when(reparent('t2', ['p1', 'c1']))
      .then([
        {
          type: 'JurisdictionReparented',
          data: {
            jurisdictionId: 'v1',
            parentId: 't2',
            previousParentId: 't1',
            ancestorIds: ['p1', 'c1', 't2'],
            effectiveOn: '2026-01-01',
            reorganisedJurisdictionId: 't1',
          },
        },
      ]);
    spec
      .given([village])
      .when(reparent('t1', ['p1', 'c1']))
      .then([]);
  });

  it('refuses a missing jurisdiction or a parent inside it', () => {
    spec
      .given([])
      .when(reparent('t2', ['p1', 'c1']))
      .thenFails('JURISDICTION_NOT_FOUND');
    spec
      .given([village])
      .when(reparent('x', ['p1', 'c1', 't1', 'v1']))
      .thenFails('PARENT_INSIDE');
  });
});

describe('jurisdiction decider: the remaining failure paths of each command', () => {
  it('refuses splitting a dissolved jurisdiction, into a bad part, or on a malformed day', () => {
    const parts = [part('t2'), part('t3')];
    spec
      .given([township('t1'), merged])
      .when(split(parts))
      .thenFails('JURISDICTION_DISSOLVED');
    spec
      .given([township('t1')])
      .when(split([part('t2', [], facts('t2', { active: false })), part('t3')]))
      .thenFails('SUCCESSOR_DISSOLVED');
    spec
      .given([township('t1')])
      .when(split([part('t1'), part('t3')], 't3'))
      .thenFails('SUCCESSOR_IS_SELF');
    spec
      .given([township('t1')])
      .when(split([part('t2', [], facts('t2', { level: 'county' })), part('t3')]))
      .thenFails('SUCCESSOR_LEVEL_MISMATCH');
    spec
      .given([township('t1')])
      .when(split([part('t2', [], facts('t2', { ancestorIds: ['p1', 'c1', 't1'] })), part('t3')]))
      .thenFails('SUCCESSOR_INSIDE');
    spec
      .given([township('t1')])
      .when({ ...split(parts), data: { ...split(parts).data, effectiveOn: '2026-02-30' } })
      .thenFails('INVALID_DATE');
  });

  it('refuses renaming to an empty name', () => {
    spec
      .given([township('t1')])
      .when({ type: 'RenameJurisdiction', data: { jurisdictionId: 't1', name: ' ' }, metadata })
      .thenFails('INVALID_NAME');
  });
});
