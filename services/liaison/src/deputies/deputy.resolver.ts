// GraphQL queries, mutations and fields of deputies; every read is limited to the caller's jurisdiction.
import type { Principal } from '@liaison/auth';
import { isDomainError } from '@liaison/decider';
import {
  ConnectionArgs,
  mutationPayloads,
  requireRole,
  toConnection,
  type MutationPayloads,
  type RequestContext,
} from '@liaison/graphql-kit';
import type { Condition, ReadDocument } from '@liaison/readstore';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { jurisdictionLoader } from '../jurisdictions/jurisdiction.resolver.js';
import { Jurisdiction } from '../jurisdictions/jurisdiction.type.js';
import { coversPath, STAFF_READERS } from '../shared/access.js';
import { documentLoader } from '../shared/document-loader.js';
import { forbidden } from '../shared/forbidden.js';
import type { LiaisonDeps } from '../shared/module-deps.js';
import { stationLoader } from '../stations/station.resolver.js';
import { Station } from '../stations/station.type.js';
import { decodeId, decodeIds, objectMutation, runCommand, type ObjectMutation } from '../shared/mutation.js';
import { pageInMemory, placedOn } from '../shared/history.js';
import { historyOf, JurisdictionPlacement } from '../shared/placement.type.js';
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
import type { ContactField, DeputyContact } from './events.js';
import { openContacts } from './contact-seal.js';
import DataLoader from 'dataloader';
import type { DeputyDocument } from './projection.js';
import type { DeputyService } from './service.js';

/** The request's loader of deputy documents by id. */
export function deputyLoader(
  context: RequestContext,
  deps: LiaisonDeps,
): DataLoader<string, DeputyDocument | null> {
  return documentLoader<DeputyDocument>(context, deps, 'Deputy', 'deputies');
}

/** The request's loader of opened contact details by deputy id: one vault look-up per batch. */
function contactLoader(context: RequestContext, deps: LiaisonDeps): DataLoader<string, DeputyContact | null> {
  return context.loaders.get(
    'DeputyContact',
    () =>
      new DataLoader<string, DeputyContact | null>(async (ids) => {
        const documents = await deputyLoader(context, deps).loadMany(ids);
        const fields = documents.map((d) => (d && !(d instanceof Error) ? d.contact : null));
        const present = fields.filter((f): f is ContactField => f !== null);
        const opened = await openContacts(deps.personalData, present);
        let next = 0;
        return fields.map((f) => (f === null ? null : (opened[next++] ?? null)));
      }),
  );
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

@Resolver(() => Deputy)
export class DeputyResolver {
  /** Payloads answering with the deputy as the read models show it after the write. */
  private readonly payloads: MutationPayloads<'deputy', Deputy>;
  private readonly byOffice: ObjectMutation<'deputy', Deputy, 'deputyId'>;
  private readonly byStaff: ObjectMutation<'deputy', Deputy, 'deputyId'>;

  constructor(
    private readonly deps: LiaisonDeps,
    private readonly service: DeputyService,
  ) {
    this.payloads = mutationPayloads('deputy', async (context, deputyId) => {
      const document = await deputyLoader(context, deps).load(deputyId);
      return document && Deputy.from(document);
    });
    const id = { field: 'deputyId', typename: 'Deputy' } as const;
    this.byOffice = objectMutation({ deps, payloads: this.payloads, roles: OFFICE_WRITERS, id });
    this.byStaff = objectMutation({ deps, payloads: this.payloads, roles: STAFF_WRITERS, id });
  }

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
      if (filter?.asOf) {
        const where =
          filter.includeSubJurisdictions === false ? { jurisdictionId } : { pathPrefix: jurisdiction.path };
        return this.deputiesOn(filter.asOf, where, filter, args, context);
      }
      if (filter?.includeSubJurisdictions === false) conditions.jurisdictionId = jurisdictionId;
      else conditions.jurisdictionPath = { prefix: jurisdiction.path };
    } else if (!coversPath(principal, '/')) {
      throw forbidden('expected a jurisdiction: your token names none');
    } else if (filter?.asOf) {
      return this.deputiesOn(filter.asOf, {}, filter, args, context);
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

  /** Deputies kept, on `asOf`, in the jurisdiction or subtree, filtered as they are now, by name. */
  private async deputiesOn(
    asOf: string,
    where: { jurisdictionId?: string; pathPrefix?: string },
    filter: DeputyFilter,
    args: ConnectionArgs,
    context: RequestContext,
  ) {
    const ids = await placedOn(this.deps.readStore, 'deputy_placements', asOf, where);
    const documents = (await deputyLoader(context, this.deps).loadMany(ids))
      .filter((d): d is DeputyDocument => d !== null && !(d instanceof Error))
      .filter((d) => !filter.level || d.level === filter.level)
      .filter((d) => !filter.status || d.status === filter.status)
      .filter((d) => !filter.nameStartsWith || d.name.startsWith(filter.nameStartsWith))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : a.id < b.id ? -1 : 1));
    return {
      ...toConnection(pageInMemory(documents, args.first, args.after), Deputy.from),
      totalCount: documents.length,
    };
  }

  @FieldResolver(() => [JurisdictionPlacement], {
    description:
      'The jurisdictions that kept the deputy’s record, oldest first (a merger or split moves it).',
  })
  jurisdictionHistory(@Root() deputy: Deputy): Promise<JurisdictionPlacement[]> {
    return historyOf(this.deps.readStore, 'deputy_placements', deputy.document.id);
  }

  @FieldResolver(() => Jurisdiction, {
    nullable: true,
    description: 'The jurisdiction that keeps the deputy’s record.',
  })
  async jurisdiction(@Root() deputy: Deputy, @Ctx() context: RequestContext): Promise<Jurisdiction | null> {
    const document = await jurisdictionLoader(context, this.deps).load(deputy.document.jurisdictionId);
    return document && Jurisdiction.from(document);
  }

  @FieldResolver(() => DeputyContactInfo, {
    description: 'Personal data: every read is logged with who read it.',
  })
  async contact(@Root() deputy: Deputy, @Ctx() context: RequestContext): Promise<DeputyContactInfo> {
    const principal = requireRole(context, ...STAFF_READERS);
    const opened = await contactLoader(context, this.deps).load(deputy.document.id);
    const clear = coversPath(principal, deputy.document.jurisdictionPath);
    context.logger.info(
      { audit: 'personal-data-read', subject: deputy.document.id, actor: principal.userId, masked: !clear },
      'deputy contact details read',
    );
    if (opened === null) {
      return Object.assign(new DeputyContactInfo(), {
        phone: null,
        email: null,
        address: null,
        masked: !clear,
        forgotten: true,
      });
    }
    const contact = clear ? opened : maskContact(opened);
    return Object.assign(new DeputyContactInfo(), { ...contact, masked: !clear, forgotten: false });
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
  ): Promise<DeputyPayload> {
    const actor = requireRole(context, ...OFFICE_WRITERS);
    const ids = decodeIds(input, { jurisdictionId: 'Jurisdiction' });
    if (isDomainError(ids)) return this.payloads.failed(ids);
    const { term } = input;
    const outcome = await runCommand(context, this.deps, actor, input.commandId, (metadata) =>
      this.service.register(
        actor,
        {
          jurisdictionId: ids.jurisdictionId,
          name: input.name,
          level: input.level,
          constituency: input.constituency,
          term: { number: term.number, startsOn: term.startsOn, endsOn: term.endsOn ?? null },
          employer: input.employer ?? null,
          sector: input.sector ?? null,
          contact: contactOf(input.contact),
        },
        metadata,
      ),
    );
    return this.payloads.of(context, outcome, outcome.deputyId);
  }

  @Mutation(() => DeputyPayload, {
    description: 'Updates a deputy’s name, constituency, employer and sector.',
  })
  async updateDeputyProfile(
    @Arg('input', () => UpdateDeputyProfileInput) input: UpdateDeputyProfileInput,
    @Ctx() context: RequestContext,
  ): Promise<DeputyPayload> {
    return this.byOffice(context, input, {}, (actor, { deputyId }, metadata) =>
      this.service.updateProfile(
        actor,
        {
          deputyId,
          name: input.name,
          constituency: input.constituency,
          employer: input.employer ?? null,
          sector: input.sector ?? null,
        },
        metadata,
      ),
    );
  }

  @Mutation(() => DeputyPayload, { description: 'Replaces a deputy’s contact details (personal data).' })
  async changeDeputyContact(
    @Arg('input', () => ChangeDeputyContactInput) input: ChangeDeputyContactInput,
    @Ctx() context: RequestContext,
  ): Promise<DeputyPayload> {
    return this.byOffice(context, input, {}, (actor, { deputyId }, metadata) =>
      this.service.changeContact(actor, deputyId, contactOf(input.contact), metadata),
    );
  }

  @Mutation(() => DeputyPayload, { description: 'Assigns a deputy to a station within your jurisdiction.' })
  async assignDeputyToStation(
    @Arg('input', () => AssignDeputyToStationInput) input: AssignDeputyToStationInput,
    @Ctx() context: RequestContext,
  ): Promise<DeputyPayload> {
    return this.byStaff(context, input, { stationId: 'Station' }, (actor, ids, metadata) =>
      this.service.assign(actor, { ...ids, since: input.since ?? null }, metadata),
    );
  }

  @Mutation(() => DeputyPayload, { description: 'Ends a deputy’s assignment to a station.' })
  async removeDeputyFromStation(
    @Arg('input', () => RemoveDeputyFromStationInput) input: RemoveDeputyFromStationInput,
    @Ctx() context: RequestContext,
  ): Promise<DeputyPayload> {
    return this.byStaff(context, input, { stationId: 'Station' }, (actor, ids, metadata) =>
      this.service.remove(actor, { ...ids, until: input.until ?? null, reason: input.reason }, metadata),
    );
  }

  @Mutation(() => DeputyPayload, { description: 'Adds a deputy to a deputy group (代表小组).' })
  async joinDeputyGroup(
    @Arg('input', () => JoinDeputyGroupInput) input: JoinDeputyGroupInput,
    @Ctx() context: RequestContext,
  ): Promise<DeputyPayload> {
    return this.byOffice(context, input, { groupId: 'DeputyGroup' }, (actor, ids, metadata) =>
      this.service.joinGroup(actor, { ...ids, role: input.role }, metadata),
    );
  }

  @Mutation(() => DeputyPayload, { description: 'Takes a deputy out of a deputy group.' })
  async leaveDeputyGroup(
    @Arg('input', () => LeaveDeputyGroupInput) input: LeaveDeputyGroupInput,
    @Ctx() context: RequestContext,
  ): Promise<DeputyPayload> {
    return this.byOffice(context, input, { groupId: 'DeputyGroup' }, (actor, ids, metadata) =>
      this.service.leaveGroup(actor, ids.deputyId, ids.groupId, metadata),
    );
  }

  @Mutation(() => DeputyPayload, {
    description: 'Records the end of a deputy’s term; station assignments and groups end too.',
  })
  async endDeputyTerm(
    @Arg('input', () => EndDeputyTermInput) input: EndDeputyTermInput,
    @Ctx() context: RequestContext,
  ): Promise<DeputyPayload> {
    return this.byOffice(context, input, {}, (actor, { deputyId }, metadata) =>
      this.service.endTerm(actor, deputyId, input.endedOn ?? null, metadata),
    );
  }

  @Mutation(() => DeputyPayload, {
    description: 'Records a deputy’s resignation; station assignments and groups end too.',
  })
  async resignDeputy(
    @Arg('input', () => ResignDeputyInput) input: ResignDeputyInput,
    @Ctx() context: RequestContext,
  ): Promise<DeputyPayload> {
    return this.byOffice(context, input, {}, (actor, { deputyId }, metadata) =>
      this.service.resign(
        actor,
        { deputyId, resignedOn: input.resignedOn ?? null, reason: input.reason },
        metadata,
      ),
    );
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
