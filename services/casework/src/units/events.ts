// Events of a handling unit (承办单位): registered with its jurisdiction and tier, renamed, merged or retired.
import type { Tier } from '../suggestions/events.js';

export interface HandlingUnitRegisteredData {
  unitId: string;
  name: string;
  /** The jurisdiction whose government or committee the unit belongs to. */
  jurisdictionId: string;
  jurisdictionPath: string;
  /** The tier of suggestions it handles: township/street/village bodies, county or city departments. */
  tier: Tier;
}

export type HandlingUnitEvent =
  | { type: 'HandlingUnitRegistered'; data: HandlingUnitRegisteredData }
  | { type: 'HandlingUnitRenamed'; data: { unitId: string; name: string; previousName: string } }
  | { type: 'HandlingUnitMerged'; data: { unitId: string; intoUnitId: string; reason: string } }
  | { type: 'HandlingUnitRetired'; data: { unitId: string; reason: string } };

export const HANDLING_UNIT_EVENT_TYPES = [
  'HandlingUnitRegistered',
  'HandlingUnitRenamed',
  'HandlingUnitMerged',
  'HandlingUnitRetired',
] as const satisfies readonly HandlingUnitEvent['type'][];

/** The stream holding one handling unit's events (category `handlingunit`). */
export function handlingUnitStream(unitId: string): string {
  return `handlingunit-${unitId}`;
}
