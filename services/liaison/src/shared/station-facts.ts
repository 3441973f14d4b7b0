// What other slices need to know about a station before deciding: where it sits and whether it is open.
import type { StationHandler } from '../stations/service.js';
import { stationStream } from '../stations/events.js';
import { pathOf } from '../jurisdictions/projection.js';
import type { JurisdictionService } from '../jurisdictions/service.js';

export interface StationFact {
  stationId: string;
  jurisdictionId: string;
  /** '/root/…/jurisdiction/': the station's jurisdiction and its ancestors, as they stand now. */
  jurisdictionPath: string;
  open: boolean;
}

export interface StationFacts {
  /** The station's facts read from its stream, or null when no such station is registered. */
  find(stationId: string): Promise<StationFact | null>;
}

/** Station facts read through the station command handler (its cache) and the jurisdiction streams. */
export function stationFactsFrom(stations: StationHandler, jurisdictions: JurisdictionService): StationFacts {
  return {
    async find(stationId) {
      const { state } = await stations.state(stationStream(stationId));
      if (state.status === 'unregistered') return null;
      const jurisdiction = await jurisdictions.find(state.jurisdictionId);
      if (jurisdiction.status !== 'registered') return null;
      return {
        stationId,
        jurisdictionId: state.jurisdictionId,
        jurisdictionPath: pathOf(jurisdiction.ancestorIds, jurisdiction.jurisdictionId),
        open: state.status === 'open',
      };
    },
  };
}
