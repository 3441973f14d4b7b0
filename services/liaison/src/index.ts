// The liaison module's manifest: what the composition root needs to run jurisdictions and stations.
import { CommandHandler } from '@liaison/decider';
import type { EventStore } from '@liaison/eventstore';
import type { GatewayModule, NodeFetcher } from '@liaison/graphql-kit';
import type { Projection } from '@liaison/projector';
import { jurisdictionDecider } from './jurisdictions/decider.js';
import { jurisdictionLoader, JurisdictionResolver } from './jurisdictions/jurisdiction.resolver.js';
import { Jurisdiction } from './jurisdictions/jurisdiction.type.js';
import { jurisdictionsProjection } from './jurisdictions/projection.js';
import { JurisdictionService } from './jurisdictions/service.js';
import { deputyAssignmentsProjection } from './deputies/assignments-projection.js';
import { canReadDeputy } from './deputies/deputy-access.js';
import { deputyDecider } from './deputies/decider.js';
import {
  DeputyAssignmentResolver,
  deputyLoader,
  DeputyResolver,
  StationDeputiesResolver,
} from './deputies/deputy.resolver.js';
import { Deputy } from './deputies/deputy.type.js';
import { deputiesProjection } from './deputies/projection.js';
import { DeputyService } from './deputies/service.js';
import { deputyGroupDecider } from './deputy-groups/decider.js';
import {
  deputyGroupLoader,
  DeputyGroupMembershipResolver,
  DeputyGroupResolver,
  DeputyGroupsOfDeputyResolver,
} from './deputy-groups/deputy-group.resolver.js';
import { DeputyGroup } from './deputy-groups/deputy-group.type.js';
import { deputyGroupsProjection } from './deputy-groups/projection.js';
import { DeputyGroupService } from './deputy-groups/service.js';
import { ReorganisationProcess } from './reorganisation/process.js';
import { coversPath, STAFF_READERS } from './shared/access.js';
import type { LiaisonDeps } from './shared/module-deps.js';
import { deputyPlacementsProjection, stationPlacementsProjection } from './shared/placements.js';
import { JurisdictionPlacementResolver } from './shared/placement.type.js';
import { stationDecider } from './stations/decider.js';
import { stationsProjection } from './stations/projection.js';
import { StationService } from './stations/service.js';
import { JurisdictionStationsResolver, stationLoader, StationResolver } from './stations/station.resolver.js';
import { Station } from './stations/station.type.js';
import { StationBoardResolver } from './stations/station-board.resolver.js';
import { StationDetailsResolver } from './stations/station-details.resolver.js';

export type { LiaisonDeps } from './shared/module-deps.js';
export {
  JURISDICTION_EVENT_TYPES,
  jurisdictionStream,
  type JurisdictionEvent,
} from './jurisdictions/events.js';
export { STATION_EVENT_TYPES, stationStream, type StationEvent } from './stations/events.js';
export { JurisdictionService } from './jurisdictions/service.js';
export { StationService } from './stations/service.js';
export { DEPUTY_EVENT_TYPES, deputyStream, type DeputyEvent } from './deputies/events.js';
export type { DeputyState } from './deputies/decider.js';
export { DeputyService } from './deputies/service.js';
export {
  DEPUTY_GROUP_EVENT_TYPES,
  deputyGroupStream,
  type DeputyGroupEvent,
} from './deputy-groups/events.js';
export { DeputyGroupService } from './deputy-groups/service.js';
export { ReorganisationProcess, REORGANISATION_CHECKPOINT } from './reorganisation/process.js';

/** The read models the liaison module's queries need. */
export const liaisonProjections: Projection[] = [
  jurisdictionsProjection,
  stationsProjection,
  deputiesProjection,
  deputyAssignmentsProjection,
  deputyGroupsProjection,
  stationPlacementsProjection,
  deputyPlacementsProjection,
];

export interface LiaisonModule {
  projections: Projection[];
  gateway: GatewayModule;
  jurisdictions: JurisdictionService;
  stations: StationService;
  deputies: DeputyService;
  deputyGroups: DeputyGroupService;
  /** Moves stations, deputies and areas after mergers and splits; run it where the projector runs. */
  reorganisation: ReorganisationProcess;
}

/** Wires the liaison module from its dependencies. */
export function createLiaisonModule(eventStore: EventStore, deps: LiaisonDeps): LiaisonModule {
  const jurisdictions = new JurisdictionService(new CommandHandler(eventStore, jurisdictionDecider));
  const stations = new StationService(new CommandHandler(eventStore, stationDecider), jurisdictions);
  const deputyGroups = new DeputyGroupService(
    new CommandHandler(eventStore, deputyGroupDecider),
    jurisdictions,
  );
  const deputies = new DeputyService(
    new CommandHandler(eventStore, deputyDecider),
    jurisdictions,
    stations,
    deputyGroups,
    deps.personalData,
  );
  const reorganisation = new ReorganisationProcess({
    eventStore,
    readStore: deps.readStore,
    jurisdictions,
    stations,
    deputies,
    deputyGroups,
    waitForPosition: (position, timeoutMs) => deps.waitForPosition(position, timeoutMs),
    now: () => deps.now(),
    onError: (error) => deps.onProcessError?.(error),
  });
  const staffOnly = (context: Parameters<NodeFetcher>[0]) => {
    const principal = context.principal;
    return principal && STAFF_READERS.some((role) => principal.roles.includes(role)) ? principal : null;
  };
  return {
    projections: liaisonProjections,
    jurisdictions,
    stations,
    deputies,
    deputyGroups,
    reorganisation,
    gateway: {
      name: 'liaison',
      resolvers: [
        new JurisdictionResolver(deps, jurisdictions),
        new StationResolver(deps, stations),
        new JurisdictionStationsResolver(deps),
        new StationDetailsResolver(deps, stations),
        new StationBoardResolver(deps),
        new JurisdictionPlacementResolver(deps),
        new DeputyResolver(deps, deputies),
        new DeputyAssignmentResolver(deps),
        new StationDeputiesResolver(deps),
        new DeputyGroupResolver(deps, deputyGroups),
        new DeputyGroupMembershipResolver(deps),
        new DeputyGroupsOfDeputyResolver(),
      ],
      nodes: {
        Jurisdiction: async (context, id) => {
          const document = await jurisdictionLoader(context, deps).load(id);
          return document && Jurisdiction.from(document);
        },
        Station: async (context, id) => {
          const document = await stationLoader(context, deps).load(id);
          return document && Station.from(document);
        },
        // Staff-only types answer null, as for a missing object, to callers who may not read them.
        Deputy: async (context, id) => {
          const principal = staffOnly(context);
          const document = principal && (await deputyLoader(context, deps).load(id));
          if (!principal || !document || !(await canReadDeputy(context, deps, principal, document)))
            return null;
          return Deputy.from(document);
        },
        DeputyGroup: async (context, id) => {
          const principal = staffOnly(context);
          const document = principal && (await deputyGroupLoader(context, deps).load(id));
          if (!principal || !document || !coversPath(principal, document.jurisdictionPath)) return null;
          return DeputyGroup.from(document);
        },
      },
    },
  };
}
