import { deciderSpec } from '@liaison/decider';
import { metadataFor } from '../shared/command-metadata.js';
import { handlingUnitDecider, type HandlingUnitCommand } from './decider.js';
import type { HandlingUnitEvent } from './events.js';

const metadata = metadataFor();
const spec = deciderSpec(handlingUnitDecider);
const cmd = <T extends HandlingUnitCommand['type']>(
  type: T,
  data: Extract<HandlingUnitCommand, { type: T }>['data'],
): HandlingUnitCommand => ({ type, data, metadata }) as HandlingUnitCommand;

const registration = {
  unitId: 'nanshan-water',
  name: '南山区水务局',
  jurisdictionId: 'c1',
  jurisdictionPath: '/p/c1/',
  tier: 'county' as const,
};
const registered: HandlingUnitEvent[] = [{ type: 'HandlingUnitRegistered', data: registration }];

describe('handling unit decider', () => {
  it('registers a unit with its jurisdiction and tier', () => {
    spec
      .given([])
      .when(cmd('RegisterHandlingUnit', { ...registration, name: ' 南山区水务局 ' }))
      .then(registered);
  });

  it('renames an active unit, and a rename to the same name changes nothing', () => {
    spec
      .given(registered)
      .when(cmd('RenameHandlingUnit', { unitId: 'nanshan-water', name: '南山区水务署' }))
      .then([
        {
          type: 'HandlingUnitRenamed',
          data: { unitId: 'nanshan-water', name: '南山区水务署', previousName: '南山区水务局' },
        },
      ]);
    spec
      .given(registered)
      .when(cmd('RenameHandlingUnit', { unitId: 'nanshan-water', name: '南山区水务局' }))
      .then([]);
  });

  it('merges into another active unit, and retires', () => {
    spec
      .given(registered)
      .when(
        cmd('MergeHandlingUnit', {
          unitId: 'nanshan-water',
          intoUnitId: 'nanshan-utilities',
          reason: 'reorganised',
          intoStatus: 'active',
        }),
      )
      .then([
        {
          type: 'HandlingUnitMerged',
          data: { unitId: 'nanshan-water', intoUnitId: 'nanshan-utilities', reason: 'reorganised' },
        },
      ]);
    spec
      .given(registered)
      .when(cmd('RetireHandlingUnit', { unitId: 'nanshan-water', reason: 'abolished' }))
      .then([{ type: 'HandlingUnitRetired', data: { unitId: 'nanshan-water', reason: 'abolished' } }]);
  });

  const retired: HandlingUnitEvent[] = [
    ...registered,
    { type: 'HandlingUnitRetired', data: { unitId: 'nanshan-water', reason: 'abolished' } },
  ];
  const merged: HandlingUnitEvent[] = [
    ...registered,
    { type: 'HandlingUnitMerged', data: { unitId: 'nanshan-water', intoUnitId: 'x', reason: 'r' } },
  ];
  const merge = (intoUnitId: string, intoStatus: 'unknown' | 'active' | 'merged' | 'retired', reason = 'r') =>
    cmd('MergeHandlingUnit', { unitId: 'nanshan-water', intoUnitId, reason, intoStatus });

  it.each([
    ['UNIT_ALREADY_REGISTERED', registered, cmd('RegisterHandlingUnit', registration)],
    ['INVALID_UNIT_ID', [], cmd('RegisterHandlingUnit', { ...registration, unitId: 'no spaces' })],
    ['INVALID_UNIT_ID', [], cmd('RegisterHandlingUnit', { ...registration, unitId: '' })],
    ['UNIT_NAME_REQUIRED', [], cmd('RegisterHandlingUnit', { ...registration, name: '  ' })],
    ['UNIT_NOT_REGISTERED', [], cmd('RenameHandlingUnit', { unitId: 'nanshan-water', name: 'x' })],
    ['UNIT_NAME_REQUIRED', registered, cmd('RenameHandlingUnit', { unitId: 'nanshan-water', name: '' })],
    ['UNIT_RETIRED', retired, cmd('RenameHandlingUnit', { unitId: 'nanshan-water', name: 'x' })],
    ['UNIT_RETIRED', merged, cmd('RetireHandlingUnit', { unitId: 'nanshan-water', reason: 'again' })],
    ['UNIT_RETIRED', retired, merge('y', 'active')],
    ['UNIT_MERGED_INTO_ITSELF', registered, merge('nanshan-water', 'active')],
    ['UNIT_NOT_REGISTERED', registered, merge('nowhere', 'unknown')],
    ['UNIT_RETIRED', registered, merge('old', 'retired')],
    ['REASON_REQUIRED', registered, merge('y', 'active', ' ')],
    ['REASON_REQUIRED', registered, cmd('RetireHandlingUnit', { unitId: 'nanshan-water', reason: '' })],
  ] as Array<[string, HandlingUnitEvent[], HandlingUnitCommand]>)(
    'refuses with %s',
    (code, given, command) => {
      spec.given(given).when(command).thenFails(code);
    },
  );
});
