// Events of a deputy group (代表小组): deputies of one level organised together in a jurisdiction.
import type { DeputyLevel } from '../deputies/events.js';
import type { PlacementChange } from '../jurisdictions/events.js';

export interface DeputyGroupFormedData {
  groupId: string;
  name: string;
  /** The level of the deputies it groups. */
  level: DeputyLevel;
  jurisdictionId: string;
  /** `/root/…/jurisdiction/` when formed, for subtree queries and access. */
  jurisdictionPath: string;
}

export type DeputyGroupEvent =
  | { type: 'DeputyGroupFormed'; data: DeputyGroupFormedData }
  | { type: 'DeputyGroupDisbanded'; data: { groupId: string; reason: string } }
  | { type: 'DeputyGroupJurisdictionChanged'; data: { groupId: string } & PlacementChange };

export const DEPUTY_GROUP_EVENT_TYPES = [
  'DeputyGroupFormed',
  'DeputyGroupDisbanded',
  'DeputyGroupJurisdictionChanged',
] as const satisfies readonly DeputyGroupEvent['type'][];
// Fails to compile when an event type is missing from the list above (projections subscribe by it).
const _everyDeputyGroupEventListed: Exclude<
  DeputyGroupEvent['type'],
  (typeof DEPUTY_GROUP_EVENT_TYPES)[number]
> extends never
  ? true
  : never = true;

/** The stream holding one deputy group's events. */
export function deputyGroupStream(groupId: string): string {
  return `deputygroup-${groupId}`;
}
