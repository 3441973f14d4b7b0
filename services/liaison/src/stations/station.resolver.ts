// GraphQL queries, mutations and fields of stations, and the stations of a jurisdiction.
import { isDomainError, type CommandOutcome } from '@liaison/decider';
import {
  ConnectionArgs,
  requireRole,
  toConnection,
  userErrorsOf,
  type RequestContext,
} from '@liaison/graphql-kit';
import type { Condition, ReadDocument } from '@liaison/readstore';
import type DataLoader from 'dataloader';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { jurisdictionLoader } from '../jurisdictions/jurisdiction.resolver.js';
import { Jurisdiction } from '../jurisdictions/jurisdiction.type.js';
import { commandMetadata, decodeId, execute } from '../shared/mutation.js';
import { documentLoader } from '../shared/document-loader.js';
import type { LiaisonDeps } from '../shared/module-deps.js';
import type { StationDocument } from './projection.js';
import type { StationService } from './service.js';
import {
  CloseStationInput,
  RegisterStationInput,
  RenameStationInput,
  StationFilter,
  StationPayload,
} from './station.input.js';
import { Station, StationConnection } from './station.type.js';

/** The request's loader of station documents by id. */
export function stationLoader(
  context: RequestContext,
  deps: LiaisonDeps,
): DataLoader<string, StationDocument | null> {
  return documentLoader<StationDocument>(context, deps, 'Station', 'stations');
}

const emptyPage = { items: [], endCursor: null, hasNextPage: false };

@Resolver(() => Station)
export class StationResolver {
  constructor(
    private readonly deps: LiaisonDeps,
    private readonly service: StationService,
  ) {}

  @Query(() => Station, { nullable: true, description: 'One station by id.' })
  async station(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Station | null> {
    const rawId = decodeId(id, 'Station', 'id');
    if (isDomainError(rawId)) return null;
    const document = await stationLoader(context, this.deps).load(rawId);
    return document && Station.from(document);
  }

  @Query(() => StationConnection, { description: 'The station directory, by name.' })
  async stations(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => StationFilter, { nullable: true }) filter: StationFilter | null,
    @Ctx() context: RequestContext,
  ) {
    const conditions: Record<string, Condition> = {};
    if (filter?.jurisdictionId) {
      const jurisdictionId = decodeId(filter.jurisdictionId, 'Jurisdiction', 'jurisdictionId');
      if (isDomainError(jurisdictionId)) return { ...toConnection(emptyPage, Station.from), totalCount: 0 };
      if (filter.includeSubJurisdictions) {
        const jurisdiction = await jurisdictionLoader(context, this.deps).load(jurisdictionId);
        if (!jurisdiction) return { ...toConnection(emptyPage, Station.from), totalCount: 0 };
        conditions.jurisdictionPath = { prefix: jurisdiction.path };
      } else {
        conditions.jurisdictionId = jurisdictionId;
      }
    }
    if (filter?.kind) conditions.kind = filter.kind;
    if (filter?.status) conditions.status = filter.status;
    if (filter?.nameStartsWith) conditions.name = { prefix: filter.nameStartsWith };
    const [page, totalCount] = await Promise.all([
      this.deps.readStore.find<StationDocument & ReadDocument>('stations', {
        filter: conditions,
        sort: [['name', 'asc']],
        first: args.first,
        after: args.after ?? null,
      }),
      this.deps.readStore.count('stations', conditions),
    ]);
    return { ...toConnection(page, Station.from), totalCount };
  }

  @FieldResolver(() => Jurisdiction, { nullable: true })
  async jurisdiction(@Root() station: Station, @Ctx() context: RequestContext): Promise<Jurisdiction | null> {
    const document = await jurisdictionLoader(context, this.deps).load(station.jurisdictionId);
    return document && Jurisdiction.from(document);
  }

  @FieldResolver(() => Station, { nullable: true })
  async parentStation(@Root() station: Station, @Ctx() context: RequestContext): Promise<Station | null> {
    if (!station.parentStationId) return null;
    const document = await stationLoader(context, this.deps).load(station.parentStationId);
    return document && Station.from(document);
  }

  @Mutation(() => StationPayload, { description: 'Registers a station in a jurisdiction within yours.' })
  async registerStation(
    @Arg('input', () => RegisterStationInput) input: RegisterStationInput,
    @Ctx() context: RequestContext,
  ): Promise<StationPayload> {
    const actor = requireRole(context, 'admin', 'congress-office', 'station-staff');
    const jurisdictionId = decodeId(input.jurisdictionId, 'Jurisdiction', 'jurisdictionId');
    if (isDomainError(jurisdictionId)) return failed(jurisdictionId);
    const parentStationId = input.parentStationId
      ? decodeId(input.parentStationId, 'Station', 'parentStationId')
      : null;
    if (isDomainError(parentStationId)) return failed(parentStationId);
    const outcome = await execute(context, this.deps, () =>
      this.service.register(
        actor,
        {
          jurisdictionId,
          name: input.name,
          kind: input.kind,
          address: input.address,
          parentStationId,
          specialisation: input.specialisation ?? null,
          openingRules: input.openingRules
            ? {
                weekly: input.openingRules.weekly.map(({ weekday, opens, closes }) => ({
                  weekday,
                  opens,
                  closes,
                })),
                note: input.openingRules.note,
              }
            : null,
          facilities: input.facilities ?? null,
        },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    return this.payload(context, outcome, outcome.stationId);
  }

  @Mutation(() => StationPayload, { description: 'Renames a station within your jurisdiction.' })
  async renameStation(
    @Arg('input', () => RenameStationInput) input: RenameStationInput,
    @Ctx() context: RequestContext,
  ) {
    const actor = requireRole(context, 'admin', 'congress-office', 'station-staff');
    const stationId = decodeId(input.stationId, 'Station', 'stationId');
    if (isDomainError(stationId)) return failed(stationId);
    const outcome = await execute(context, this.deps, () =>
      this.service.rename(
        actor,
        stationId,
        input.name,
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    return this.payload(context, outcome, stationId);
  }

  @Mutation(() => StationPayload, { description: 'Closes a station within your jurisdiction.' })
  async closeStation(
    @Arg('input', () => CloseStationInput) input: CloseStationInput,
    @Ctx() context: RequestContext,
  ) {
    const actor = requireRole(context, 'admin', 'congress-office', 'station-staff');
    const stationId = decodeId(input.stationId, 'Station', 'stationId');
    if (isDomainError(stationId)) return failed(stationId);
    const outcome = await execute(context, this.deps, () =>
      this.service.close(
        actor,
        stationId,
        input.reason,
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    return this.payload(context, outcome, stationId);
  }

  private async payload(
    context: RequestContext,
    outcome: CommandOutcome,
    stationId: string,
  ): Promise<StationPayload> {
    if (!outcome.ok) return failed(outcome.error);
    const document = await stationLoader(context, this.deps).load(stationId);
    return { userErrors: [], position: outcome.globalPosition, station: document && Station.from(document) };
  }
}

function failed(error: Parameters<typeof userErrorsOf>[0]): StationPayload {
  return { userErrors: userErrorsOf(error), position: null, station: null };
}

@Resolver(() => Jurisdiction)
export class JurisdictionStationsResolver {
  constructor(private readonly deps: LiaisonDeps) {}

  @FieldResolver(() => StationConnection, {
    description: "The jurisdiction's own stations (not those of areas below it), by name.",
  })
  async stations(@Root() jurisdiction: Jurisdiction, @Args(() => ConnectionArgs) args: ConnectionArgs) {
    const filter = { jurisdictionId: jurisdiction.jurisdictionId };
    const [page, totalCount] = await Promise.all([
      this.deps.readStore.find<StationDocument & ReadDocument>('stations', {
        filter,
        sort: [['name', 'asc']],
        first: args.first,
        after: args.after ?? null,
      }),
      this.deps.readStore.count('stations', filter),
    ]);
    return { ...toConnection(page, Station.from), totalCount };
  }
}
