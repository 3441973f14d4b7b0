import { deciderSpec } from '@liaison/decider';
import { metadataFor } from '../shared/command-metadata.js';
import type { FormDeputyGroup } from './commands.js';
import { deputyGroupDecider } from './decider.js';
import type { DeputyGroupEvent } from './events.js';

const spec = deciderSpec(deputyGroupDecider);
const metadata = metadataFor();
const jurisdiction = { jurisdictionId: 't1', path: '/p1/c1/t1/', active: true };

const form = (overrides: Partial<FormDeputyGroup['data']> = {}): FormDeputyGroup => ({
  type: 'FormDeputyGroup',
  data: { groupId: 'g1', name: ' Shekou county deputies ', level: 'county', jurisdiction, ...overrides },
  metadata,
});
const disband = (reason: string) => ({
  type: 'DisbandDeputyGroup' as const,
  data: { groupId: 'g1', reason },
  metadata,
});
const formed: DeputyGroupEvent = {
  type: 'DeputyGroupFormed',
  data: {
    groupId: 'g1',
    name: 'Shekou county deputies',
    level: 'county',
    jurisdictionId: 't1',
    jurisdictionPath: '/p1/c1/t1/',
  },
};
const disbanded: DeputyGroupEvent = {
  type: 'DeputyGroupDisbanded',
  data: { groupId: 'g1', reason: 'new term' },
};

describe('deputy group decider', () => {
  it('forms a group in a jurisdiction', () => {
    spec.given([]).when(form()).then([formed]);
  });

  it('refuses forming twice, without a name, or in a missing or dissolved jurisdiction', () => {
    spec.given([formed]).when(form()).thenFails('GROUP_ALREADY_FORMED');
    spec
      .given([])
      .when(form({ name: ' ' }))
      .thenFails('INVALID_NAME');
    spec
      .given([])
      .when(form({ jurisdiction: null }))
      .thenFails('JURISDICTION_NOT_FOUND');
    spec
      .given([])
      .when(form({ jurisdiction: { ...jurisdiction, active: false } }))
      .thenFails('JURISDICTION_DISSOLVED');
  });

  it('disbands an active group with a reason', () => {
    spec.given([formed]).when(disband(' new term ')).then([disbanded]);
  });

  it('refuses disbanding a missing or disbanded group, or without a reason', () => {
    spec.given([]).when(disband('x')).thenFails('GROUP_NOT_FOUND');
    spec.given([formed, disbanded]).when(disband('x')).thenFails('GROUP_DISBANDED');
    spec.given([formed]).when(disband('')).thenFails('REASON_REQUIRED');
  });
});
