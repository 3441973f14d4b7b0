// Moving an entity (station, deputy) to another jurisdiction or path when its jurisdiction is reorganised.
import type { PlacementChange } from '../jurisdictions/events.js';

interface Placed {
  jurisdictionId: string;
  jurisdictionPath: string;
  placement: number;
}

/** The placement change that puts `entity` at `to`, or none when it is already there (a repeat is harmless). */
export function moveTo(
  entity: Placed,
  command: {
    to: { jurisdictionId: string; path: string };
    effectiveOn: string;
    reorganisedJurisdictionId: string;
  },
): PlacementChange[] {
  if (entity.jurisdictionId === command.to.jurisdictionId && entity.jurisdictionPath === command.to.path)
    return [];
  return [
    {
      placement: entity.placement + 1,
      from: { jurisdictionId: entity.jurisdictionId, jurisdictionPath: entity.jurisdictionPath },
      to: { jurisdictionId: command.to.jurisdictionId, jurisdictionPath: command.to.path },
      effectiveOn: command.effectiveOn,
      reorganisedJurisdictionId: command.reorganisedJurisdictionId,
    },
  ];
}
