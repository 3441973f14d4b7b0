import { deciderSpec } from '@liaison/decider';
import { metadataFor } from '../shared/command-metadata.js';
import type { RegisterJurisdiction } from './commands.js';
import { jurisdictionDecider } from './decider.js';
import type { JurisdictionEvent } from './events.js';

const spec = deciderSpec(jurisdictionDecider);
const metadata = metadataFor();

const province: JurisdictionEvent = {
  type: 'JurisdictionRegistered',
  data: {
    jurisdictionId: 'p1',
    name: 'Guangdong',
    level: 'province',
    code: '440000',
    parentId: null,
    ancestorIds: [],
  },
};

function registerCounty(overrides: Partial<RegisterJurisdiction['data']> = {}): RegisterJurisdiction {
  return {
    type: 'RegisterJurisdiction',
    data: {
      jurisdictionId: 'c1',
      name: ' Nanshan ',
      level: 'county',
      code: null,
      parent: { jurisdictionId: 'city1', level: 'city', ancestorIds: ['p1'] },
      ...overrides,
    },
    metadata,
  };
}

describe('jurisdiction decider', () => {
  it('registers a county under a city with the full ancestor path and a trimmed name', () => {
    spec
      .given([])
      .when(registerCounty())
      .then([
        {
          type: 'JurisdictionRegistered',
          data: {
            jurisdictionId: 'c1',
            name: 'Nanshan',
            level: 'county',
            code: null,
            parentId: 'city1',
            ancestorIds: ['p1', 'city1'],
          },
        },
      ]);
  });

  it('registers a province as a root', () => {
    spec
      .given([])
      .when({
        type: 'RegisterJurisdiction',
        data: { ...province.data, parent: null },
        metadata,
      })
      .then([province]);
  });

  it('refuses registering twice', () => {
    spec
      .given([province])
      .when(registerCounty({ jurisdictionId: 'p1' }))
      .thenFails('JURISDICTION_ALREADY_REGISTERED');
  });

  it('refuses a root below province level', () => {
    spec
      .given([])
      .when(registerCounty({ parent: null }))
      .thenFails('PARENT_REQUIRED');
  });

  it('refuses a level that is not below the parent', () => {
    spec
      .given([])
      .when(
        registerCounty({
          level: 'city',
          parent: { jurisdictionId: 'city1', level: 'city', ancestorIds: [] },
        }),
      )
      .thenFails('LEVEL_NOT_BELOW_PARENT');
  });

  it('refuses an empty name', () => {
    spec
      .given([])
      .when(registerCounty({ name: '   ' }))
      .thenFails('INVALID_NAME');
  });

  it('renames a registered jurisdiction and ignores a rename to the same name', () => {
    const rename = (name: string) => ({
      type: 'RenameJurisdiction' as const,
      data: { jurisdictionId: 'p1', name },
      metadata,
    });
    spec
      .given([province])
      .when(rename('Guangdong Province'))
      .then([{ type: 'JurisdictionRenamed', data: { jurisdictionId: 'p1', name: 'Guangdong Province' } }]);
    spec.given([province]).when(rename('Guangdong')).then([]);
  });

  it('refuses renaming an unregistered jurisdiction', () => {
    spec
      .given([])
      .when({ type: 'RenameJurisdiction', data: { jurisdictionId: 'x', name: 'X' }, metadata })
      .thenFails('JURISDICTION_NOT_FOUND');
  });
});
