// Public queries: a station's board and the station directory as a tree; no token needed.
import { isDomainError } from '@liaison/decider';
import type { RequestContext } from '@liaison/graphql-kit';
import type { Filter, ReadDocument, ReadStore } from '@liaison/readstore';
import { GraphQLError } from 'graphql';
import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import { deputyLoader } from '../deputies/deputy.resolver.js';
import type { DeputyAssignmentDocument } from '../deputies/assignments-projection.js';
import type { DeputyDocument } from '../deputies/projection.js';
import { DEPUTY_LEVELS } from '../deputies/events.js';
import { jurisdictionLoader } from '../jurisdictions/jurisdiction.resolver.js';
import { Jurisdiction } from '../jurisdictions/jurisdiction.type.js';
import type { JurisdictionDocument } from '../jurisdictions/projection.js';
import type { LiaisonDeps } from '../shared/module-deps.js';
import { decodeId } from '../shared/mutation.js';
import type { StationDocument } from './projection.js';
import {
  BoardDeputy,
  BoardStaff,
  StationBoard,
  StationDirectoryNode,
  StationTreeNode,
} from './station-board.type.js';
import { stationLoader } from './station.resolver.js';
import { Station } from './station.type.js';

/** The most documents of one kind a directory tree holds; a larger subtree is asked for in parts. */
const MAX_DIRECTORY_ITEMS = 5000;

async function findAll<D extends ReadDocument>(
  store: ReadStore,
  collection: string,
  filter: Filter,
): Promise<D[]> {
  const items: D[] = [];
  let after: string | null = null;
  for (;;) {
    const page: { items: D[]; endCursor: string | null; hasNextPage: boolean } = await store.find<D>(
      collection,
      {
        filter,
        sort: [['name', 'asc']],
        first: 1000,
        after,
      },
    );
    items.push(...page.items);
    if (items.length > MAX_DIRECTORY_ITEMS) {
      throw new GraphQLError(
        `the directory holds more than ${MAX_DIRECTORY_ITEMS} ${collection}; expected a smaller area: ask for a jurisdiction further down`,
        { extensions: { code: 'DIRECTORY_TOO_LARGE' } },
      );
    }
    if (!page.hasNextPage) return items;
    after = page.endCursor;
  }
}

@Resolver()
export class StationBoardResolver {
  constructor(private readonly deps: LiaisonDeps) {}

  @Query(() => StationBoard, { nullable: true, description: 'A station’s public board (公示栏); public.' })
  async stationBoard(
    @Arg('stationId', () => ID) stationId: string,
    @Ctx() context: RequestContext,
  ): Promise<StationBoard | null> {
    const rawId = decodeId(stationId, 'Station', 'stationId');
    if (isDomainError(rawId)) return null;
    const document = await stationLoader(context, this.deps).load(rawId);
    if (!document) return null;
    const assignments = await this.deps.readStore.find<DeputyAssignmentDocument & ReadDocument>(
      'deputy_assignments',
      {
        filter: { stationId: rawId, active: true },
        sort: [['since', 'asc']],
        first: 1000,
      },
    );
    const deputies = await deputyLoader(context, this.deps).loadMany(
      assignments.items.map((a) => a.deputyId),
    );
    const serving = deputies
      .filter((d): d is DeputyDocument => d !== null && !(d instanceof Error))
      .filter((d) => d.status === 'serving')
      .sort(
        (a, b) =>
          DEPUTY_LEVELS.indexOf(b.level) - DEPUTY_LEVELS.indexOf(a.level) || (a.name < b.name ? -1 : 1),
      );
    const roleOrder = ['head', 'deputy-head', 'liaison-officer'];
    return Object.assign(new StationBoard(), {
      station: Station.from(document),
      staff: (document.staff ?? [])
        .filter((a) => a.until === null)
        .sort((a, b) => roleOrder.indexOf(a.role) - roleOrder.indexOf(b.role))
        .map((a) => Object.assign(new BoardStaff(), { role: a.role, name: a.person.name })),
      deputies: serving.map((d) =>
        Object.assign(new BoardDeputy(), {
          name: d.name,
          level: d.level,
          constituency: d.constituency,
          sector: d.sector,
        }),
      ),
      opinionBoxLocations: (document.opinionBoxes ?? []).map((b) => b.location),
    });
  }

  @Query(() => StationDirectoryNode, {
    nullable: true,
    description: 'The station directory as a tree: a jurisdiction, its stations and the areas below; public.',
  })
  async stationDirectory(
    @Arg('jurisdictionId', () => ID) jurisdictionId: string,
    @Arg('includeClosed', () => Boolean, { defaultValue: false }) includeClosed: boolean,
    @Ctx() context: RequestContext,
  ): Promise<StationDirectoryNode | null> {
    const rawId = decodeId(jurisdictionId, 'Jurisdiction', 'jurisdictionId');
    if (isDomainError(rawId)) return null;
    const root = await jurisdictionLoader(context, this.deps).load(rawId);
    if (!root) return null;
    const stationFilter: Record<string, Filter[string]> = { jurisdictionPath: { prefix: root.path } };
    if (!includeClosed) stationFilter.status = 'open';
    const [jurisdictions, stations] = await Promise.all([
      findAll<JurisdictionDocument & ReadDocument>(this.deps.readStore, 'jurisdictions', {
        path: { prefix: root.path },
      }),
      findAll<StationDocument & ReadDocument>(this.deps.readStore, 'stations', stationFilter),
    ]);
    return directoryOf(root, jurisdictions, stations);
  }
}

/** Assembles the tree in memory from the subtree's documents, each list already sorted by name. */
function directoryOf(
  root: JurisdictionDocument,
  jurisdictions: readonly JurisdictionDocument[],
  stations: readonly StationDocument[],
): StationDirectoryNode {
  const childJurisdictions = groupBy(jurisdictions, (j) => j.parentId);
  const childStations = groupBy(stations, (s) => s.parentStationId);
  const stationsHere = groupBy(
    stations.filter((s) => s.parentStationId === null || !stations.some((p) => p.id === s.parentStationId)),
    (s) => s.jurisdictionId,
  );
  const stationNode = (station: StationDocument): StationTreeNode =>
    Object.assign(new StationTreeNode(), {
      station: Station.from(station),
      children: (childStations.get(station.id) ?? []).map(stationNode),
    });
  const jurisdictionNode = (jurisdiction: JurisdictionDocument): StationDirectoryNode =>
    Object.assign(new StationDirectoryNode(), {
      jurisdiction: Jurisdiction.from(jurisdiction),
      stations: (stationsHere.get(jurisdiction.id) ?? []).map(stationNode),
      children: (childJurisdictions.get(jurisdiction.id) ?? []).map(jurisdictionNode),
    });
  return jurisdictionNode(root);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string | null): Map<string | null, T[]> {
  const groups = new Map<string | null, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}
