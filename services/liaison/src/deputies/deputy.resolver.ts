// GraphQL queries, mutations and fields of deputies; every read is limited to the caller's jurisdiction.
import type { Principal } from '@liaison/auth';
import { isDomainError, type CommandOutcome, type DomainError } from '@liaison/decider';
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
import { coversPath, STAFF_READERS } from '../shared/access.js';
import { documentLoader } from '../shared/document-loader.js';
import { forbidden } from '../shared/forbidden.js';
import type { LiaisonDeps } from '../shared/module-deps.js';
import { stationLoader } from '../stations/station.resolver.js';
import { Station } from '../stations/station.type.js';
import { commandMetadata, decodeId, execute } from '../shared/mutation.js';
import type { DeputyAssignmentDocument } from './assignments-projection.js';
import { maskContact } from './contact-view.js';
import { canReadDeputy } from './deputy-access.js';
import { DeputyAssignment, DeputyAssignmentConnection } from './deputy-assignment.type.js';
import {
  AssignDeputyToStationInput,
  ChangeDeputyContactInput,
  DeputyContactInput,
  DeputyFilter,
  DeputyPayload,
  EndDeputyTermInput,
  JoinDeputyGroupInput,
  LeaveDeputyGroupInput,
  RegisterDeputyInput,
  RemoveDeputyFromStationInput,
  ResignDeputyInput,
  UpdateDeputyProfileInput,
} from './deputy.input.js';
import { Deputy, DeputyConnection, DeputyContactInfo } from './deputy.type.js';
import type { DeputyContact } from './events.js';
import type { DeputyDocument } from './projection.js';
import type { DeputyService } from './service.js';

/** The request's loader of deputy documents by id. */
export function deputyLoader(
  context: RequestContext,
  deps: LiaisonDeps,
): DataLoader<string, DeputyDocument | null> {
  return documentLoader<DeputyDocument>(context, deps, 'Deputy', 'deputies');
}

/** Loads a deputy the caller may read: null when missing, FORBIDDEN when outside the caller's reach. */
export async function readableDeputy(
  context: RequestContext,
  deps: LiaisonDeps,
  principal: Principal,
  deputyId: string,
): Promise<DeputyDocument | null> {
  const document = await deputyLoader(context, deps).load(deputyId);
  if (!document) return null;
  if (!(await canReadDeputy(context, deps, principal, document))) {
    throw forbidden(
      `deputy ${deputyId} is outside your jurisdiction (${principal.jurisdictionId ?? 'none'})`,
    );
  }
  return document;
}

const STAFF_WRITERS = ['admin', 'congress-office', 'station-staff'] as const;
const OFFICE_WRITERS = ['admin', 'congress-office'] as const;

function contactOf(input: DeputyContactInput | null | undefined): DeputyContact {
  return { phone: input?.phone ?? null, email: input?.email ?? null, address: input?.address ?? null };
}

function failed(error: DomainError): DeputyPayload {
  return { userErrors: userErrorsOf(error), position: null, deputy: null };
}

@Resolver(() => Deputy)
export class DeputyResolver {
  constructor(
    private readonly deps: LiaisonDeps,
    private readonly service: DeputyService,
  ) {}

  @Query(() => Deputy, {
    nullable: true,
    description: 'One deputy by id; staff of the deputy’s jurisdiction or of a station the deputy serves.',
  })
  async deputy(@Arg('id', () => ID) id: string, @Ctx() context: RequestContext): Promise<Deputy | null> {
    const principal = requireRole(context, ...STAFF_READERS);
    const rawId = decodeId(id, 'Deputy', 'id');
    if (isDomainError(rawId)) return null;
    const document = await readableDeputy(context, this.deps, principal, rawId);
    return document && Deputy.from(document);
  }

  @Query(() => DeputyConnection, {
    description: 'Deputies kept in a jurisdiction within yours, by name (FORBIDDEN outside your subtree).',
  })
  async deputies(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => DeputyFilter, { nullable: true }) filter: DeputyFilter | null,
    @Ctx() context: RequestContext,
  ) {
    const principal = requireRole(context, ...STAFF_READERS);
    const conditions: Record<string, Condition> = {};
    const jurisdictionId = filter?.jurisdictionId
      ? decodeId(filter.jurisdictionId, 'Jurisdiction', 'jurisdictionId')
      : principal.jurisdictionId;
    if (isDomainError(jurisdictionId)) throw forbidden(jurisdictionId.message);
    if (jurisdictionId !== null) {
      const jurisdiction = await jurisdictionLoader(context, this.deps).load(jurisdictionId);
      if (!jurisdiction || !coversPath(principal, jurisdiction.path)) {
        throw forbidden(
          `jurisdiction ${jurisdictionId} is outside your jurisdiction (${principal.jurisdictionId ?? 'none'})`,
        );
      }
      if (filter?.includeSubJurisdictions === false) conditions.jurisdictionId = jurisdictionId;
      else conditions.jurisdictionPath = { prefix: jurisdiction.path };
    } else if (!coversPath(principal, '/')) {
      throw forbidden('expected a jurisdiction: your token names none');
    }
    if (filter?.level) conditions.level = filter.level;
    if (filter?.status) conditions.status = filter.status;
    if (filter?.nameStartsWith) conditions.name = { prefix: filter.nameStartsWith };
    const [page, totalCount] = await Promise.all([
      this.deps.readStore.find<DeputyDocument & ReadDocument>('deputies', {
        filter: conditions,
        sort: [['name', 'asc']],
        first: args.first,
        after: args.after ?? null,
      }),
      this.deps.readStore.count('deputies', conditions),
    ]);
    return { ...toConnection(page, Deputy.from), totalCount };
  }

  @FieldResolver(() => Jurisdiction, {
    nullable: true,
    description: 'The jurisdiction that keeps the deputy’s record.',
  })
  async jurisdiction(@Root() deputy: Deputy, @Ctx() context: RequestContext): Promise<Jurisdiction | null> {
    const document = await jurisdictionLoader(context, this.deps).load(deputy.document.jurisdictionId);
    return document && Jurisdiction.from(document);
  }

  @FieldResolver(() => DeputyContactInfo)
  contact(@Root() deputy: Deputy, @Ctx() context: RequestContext): DeputyContactInfo {
    const principal = requireRole(context, ...STAFF_READERS);
    const clear = coversPath(principal, deputy.document.jurisdictionPath);
    const contact = clear ? deputy.document.contact : maskContact(deputy.document.contact);
    return Object.assign(new DeputyContactInfo(), { ...contact, masked: !clear });
  }

  @FieldResolver(() => DeputyAssignmentConnection, {
    description: 'Station assignments, latest first; past ones too unless activeOnly.',
  })
  async stationAssignments(
    @Root() deputy: Deputy,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('activeOnly', () => Boolean, { defaultValue: false }) activeOnly: boolean,
  ) {
    const filter: Record<string, Condition> = { deputyId: deputy.document.id };
    if (activeOnly) filter.active = true;
    const [page, totalCount] = await Promise.all([
      this.deps.readStore.find<DeputyAssignmentDocument & ReadDocument>('deputy_assignments', {
        filter,
        sort: [['since', 'desc']],
        first: args.first,
        after: args.after ?? null,
      }),
      this.deps.readStore.count('deputy_assignments', filter),
    ]);
    return { ...toConnection(page, DeputyAssignment.from), totalCount };
  }

  @Mutation(() => DeputyPayload, { description: 'Registers a deputy in a jurisdiction within yours.' })
  async registerDeputy(
    @Arg('input', () => RegisterDeputyInput) input: RegisterDeputyInput,
    @Ctx() context: RequestContext,
  ) {
    const actor = requireRole(context, ...OFFICE_WRITERS);
    const jurisdictionId = decodeId(input.jurisdictionId, 'Jurisdiction', 'jurisdictionId');
    if (isDomainError(jurisdictionId)) return failed(jurisdictionId);
    const outcome = await execute(context, this.deps, () =>
      this.service.register(
        actor,
        {
          jurisdictionId,
          name: input.name,
          level: input.level,
          constituency: input.constituency,
          term: {
            number: input.term.number,
            startsOn: input.term.startsOn,
            endsOn: input.term.endsOn ?? null,
          },
          employer: input.employer ?? null,
          sector: input.sector ?? null,
          contact: contactOf(input.contact),
        },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    return this.payload(context, outcome, outcome.deputyId);
  }

  @Mutation(() => DeputyPayload, {
    description: 'Updates a deputy’s name, constituency, employer and sector.',
  })
  async updateDeputyProfile(
    @Arg('input', () => UpdateDeputyProfileInput) input: UpdateDeputyProfileInput,
    @Ctx() context: RequestContext,
  ) {
    const actor = requireRole(context, ...OFFICE_WRITERS);
    const deputyId = decodeId(input.deputyId, 'Deputy', 'deputyId');
    if (isDomainError(deputyId)) return failed(deputyId);
    const data = {
      deputyId,
      name: input.name,
      constituency: input.constituency,
      employer: input.employer ?? null,
      sector: input.sector ?? null,
    };
    const outcome = await execute(context, this.deps, () =>
      this.service.updateProfile(
        actor,
        data,
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    return this.payload(context, outcome, deputyId);
  }

  @Mutation(() => DeputyPayload, { description: 'Replaces a deputy’s contact details (personal data).' })
  async changeDeputyContact(
    @Arg('input', () => ChangeDeputyContactInput) input: ChangeDeputyContactInput,
    @Ctx() context: RequestContext,
  ) {
    const actor = requireRole(context, ...OFFICE_WRITERS);
    const deputyId = decodeId(input.deputyId, 'Deputy', 'deputyId');
    if (isDomainError(deputyId)) return failed(deputyId);
    const outcome = await execute(context, this.deps, () =>
      this.service.changeContact(
        actor,
        deputyId,
        contactOf(input.contact),
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    return this.payload(context, outcome, deputyId);
  }

  @Mutation(() => DeputyPayload, { description: 'Assigns a deputy to a station within your jurisdiction.' })
  async assignDeputyToStation(
    @Arg('input', () => AssignDeputyToStationInput) input: AssignDeputyToStationInput,
    @Ctx() context: RequestContext,
  ) {
    const actor = requireRole(context, ...STAFF_WRITERS);
    const deputyId = decodeId(input.deputyId, 'Deputy', 'deputyId');
    if (isDomainError(deputyId)) return failed(deputyId);
    const stationId = decodeId(input.stationId, 'Station', 'stationId');
    if (isDomainError(stationId)) return failed(stationId);
    const outcome = await execute(context, this.deps, () =>
      this.service.assign(
        actor,
        { deputyId, stationId, since: input.since ?? null },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    return this.payload(context, outcome, deputyId);
  }

  @Mutation(() => DeputyPayload, { description: 'Ends a deputy’s assignment to a station.' })
  async removeDeputyFromStation(
    @Arg('input', () => RemoveDeputyFromStationInput) input: RemoveDeputyFromStationInput,
    @Ctx() context: RequestContext,
  ) {
    const actor = requireRole(context, ...STAFF_WRITERS);
    const deputyId = decodeId(input.deputyId, 'Deputy', 'deputyId');
    if (isDomainError(deputyId)) return failed(deputyId);
    const stationId = decodeId(input.stationId, 'Station', 'stationId');
    if (isDomainError(stationId)) return failed(stationId);
    const outcome = await execute(context, this.deps, () =>
      this.service.remove(
        actor,
        { deputyId, stationId, until: input.until ?? null, reason: input.reason },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    return this.payload(context, outcome, deputyId);
  }

  @Mutation(() => DeputyPayload, { description: 'Adds a deputy to a deputy group (代表小组).' })
  async joinDeputyGroup(
    @Arg('input', () => JoinDeputyGroupInput) input: JoinDeputyGroupInput,
    @Ctx() context: RequestContext,
  ) {
    const actor = requireRole(context, ...OFFICE_WRITERS);
    const deputyId = decodeId(input.deputyId, 'Deputy', 'deputyId');
    if (isDomainError(deputyId)) return failed(deputyId);
    const groupId = decodeId(input.groupId, 'DeputyGroup', 'groupId');
    if (isDomainError(groupId)) return failed(groupId);
    const outcome = await execute(context, this.deps, () =>
      this.service.joinGroup(
        actor,
        { deputyId, groupId, role: input.role },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    return this.payload(context, outcome, deputyId);
  }

  @Mutation(() => DeputyPayload, { description: 'Takes a deputy out of a deputy group.' })
  async leaveDeputyGroup(
    @Arg('input', () => LeaveDeputyGroupInput) input: LeaveDeputyGroupInput,
    @Ctx() context: RequestContext,
  ) {
    const actor = requireRole(context, ...OFFICE_WRITERS);
    const deputyId = decodeId(input.deputyId, 'Deputy', 'deputyId');
    if (isDomainError(deputyId)) return failed(deputyId);
    const groupId = decodeId(input.groupId, 'DeputyGroup', 'groupId');
    if (isDomainError(groupId)) return failed(groupId);
    const outcome = await execute(context, this.deps, () =>
      this.service.leaveGroup(
        actor,
        deputyId,
        groupId,
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    return this.payload(context, outcome, deputyId);
  }

  @Mutation(() => DeputyPayload, {
    description: 'Records the end of a deputy’s term; station assignments and groups end too.',
  })
  async endDeputyTerm(
    @Arg('input', () => EndDeputyTermInput) input: EndDeputyTermInput,
    @Ctx() context: RequestContext,
  ) {
    const actor = requireRole(context, ...OFFICE_WRITERS);
    const deputyId = decodeId(input.deputyId, 'Deputy', 'deputyId');
    if (isDomainError(deputyId)) return failed(deputyId);
    const outcome = await execute(context, this.deps, () =>
      this.service.endTerm(
        actor,
        deputyId,
        input.endedOn ?? null,
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    return this.payload(context, outcome, deputyId);
  }

  @Mutation(() => DeputyPayload, {
    description: 'Records a deputy’s resignation; station assignments and groups end too.',
  })
  async resignDeputy(
    @Arg('input', () => ResignDeputyInput) input: ResignDeputyInput,
    @Ctx() context: RequestContext,
  ) {
    const actor = requireRole(context, ...OFFICE_WRITERS);
    const deputyId = decodeId(input.deputyId, 'Deputy', 'deputyId');
    if (isDomainError(deputyId)) return failed(deputyId);
    const outcome = await execute(context, this.deps, () =>
      this.service.resign(
        actor,
        { deputyId, resignedOn: input.resignedOn ?? null, reason: input.reason },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    return this.payload(context, outcome, deputyId);
  }

  private async payload(
    context: RequestContext,
    outcome: CommandOutcome,
    deputyId: string,
  ): Promise<DeputyPayload> {
    if (!outcome.ok) return failed(outcome.error);
    const document = await deputyLoader(context, this.deps).load(deputyId);
    return { userErrors: [], position: outcome.globalPosition, deputy: document && Deputy.from(document) };
  }
}

@Resolver(() => DeputyAssignment)
export class DeputyAssignmentResolver {
  constructor(private readonly deps: LiaisonDeps) {}

  @FieldResolver(() => Deputy, { nullable: true })
  async deputy(@Root() assignment: DeputyAssignment, @Ctx() context: RequestContext): Promise<Deputy | null> {
    const document = await deputyLoader(context, this.deps).load(assignment.deputyId);
    return document && Deputy.from(document);
  }

  @FieldResolver(() => Station, { nullable: true })
  async station(
    @Root() assignment: DeputyAssignment,
    @Ctx() context: RequestContext,
  ): Promise<Station | null> {
    const document = await stationLoader(context, this.deps).load(assignment.stationId);
    return document && Station.from(document);
  }
}

@Resolver(() => Station)
export class StationDeputiesResolver {
  constructor(private readonly deps: LiaisonDeps) {}

  @FieldResolver(() => DeputyAssignmentConnection, {
    description:
      'Deputies assigned to the station, current first by start date; past ones too unless activeOnly. Staff of the station’s jurisdiction only.',
  })
  async deputyAssignments(
    @Root() station: Station,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('activeOnly', () => Boolean, { defaultValue: true }) activeOnly: boolean,
    @Ctx() context: RequestContext,
  ) {
    const principal = requireRole(context, ...STAFF_READERS);
    const document = await stationLoader(context, this.deps).load(station.stationId);
    if (!document || !coversPath(principal, document.jurisdictionPath)) {
      throw forbidden(
        `station ${station.stationId} is outside your jurisdiction (${principal.jurisdictionId ?? 'none'})`,
      );
    }
    const filter: Record<string, Condition> = { stationId: station.stationId };
    if (activeOnly) filter.active = true;
    const [page, totalCount] = await Promise.all([
      this.deps.readStore.find<DeputyAssignmentDocument & ReadDocument>('deputy_assignments', {
        filter,
        sort: [
          ['active', 'desc'],
          ['since', 'asc'],
        ],
        first: args.first,
        after: args.after ?? null,
      }),
      this.deps.readStore.count('deputy_assignments', filter),
    ]);
    return { ...toConnection(page, DeputyAssignment.from), totalCount };
  }
}
