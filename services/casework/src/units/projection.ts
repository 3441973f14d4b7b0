// The handling unit registry read model: every unit with its jurisdiction, tier and whether it still takes work.
import { UnreachableCaseError } from '@liaison/decider';
import type { Projection } from '@liaison/projector';
import type { Tier } from '../suggestions/events.js';
import { HANDLING_UNIT_EVENT_TYPES, type HandlingUnitEvent } from './events.js';

export interface HandlingUnitDocument {
  [field: string]: unknown;
  id: string;
  name: string;
  jurisdictionId: string;
  jurisdictionPath: string;
  tier: Tier;
  status: 'active' | 'merged' | 'retired';
  mergedInto: string | null;
  registeredAt: string;
  updatedAt: string;
}

export const handlingUnitsProjection: Projection<HandlingUnitDocument> = {
  name: 'handlingUnits',
  version: 1,
  fields: {
    name: { kind: 'string' },
    jurisdictionPath: { kind: 'string' },
    tier: { kind: 'string' },
    status: { kind: 'string' },
  },
  indexes: [{ fields: ['jurisdictionPath', 'name'] }],
  eventTypes: HANDLING_UNIT_EVENT_TYPES,
  documentIds: (event) => [(event.data as { unitId: string }).unitId],
  fold(document, recorded) {
    const event = { type: recorded.type, data: recorded.data } as HandlingUnitEvent;
    const at = recorded.occurredAt;
    switch (event.type) {
      case 'HandlingUnitRegistered':
        return {
          id: event.data.unitId,
          name: event.data.name,
          jurisdictionId: event.data.jurisdictionId,
          jurisdictionPath: event.data.jurisdictionPath,
          tier: event.data.tier,
          status: 'active',
          mergedInto: null,
          registeredAt: at,
          updatedAt: at,
        };
      case 'HandlingUnitRenamed':
        return document && { ...document, name: event.data.name, updatedAt: at };
      case 'HandlingUnitMerged':
        return (
          document && { ...document, status: 'merged', mergedInto: event.data.intoUnitId, updatedAt: at }
        );
      case 'HandlingUnitRetired':
        return document && { ...document, status: 'retired', updatedAt: at };
      default:
        throw new UnreachableCaseError(event);
    }
  },
};
