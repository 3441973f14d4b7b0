// GraphQL queries, mutations and fields of deputy groups; staff only, within their jurisdiction.
import { isDomainError, type CommandOutcome, type DomainError } from '@liaison/decider';
import {
  ConnectionArgs,
  requireRole,
  toConnection,
  userErrorsOf,
  type RequestContext,
} from '@liaison/graphql-kit';
import type { ReadDocument } from '@liaison/readstore';
import type DataLoader from 'dataloader';
import { Arg, Args, Ctx, FieldResolver, ID, Mutation, Query, Resolver, Root } from 'type-graphql';
import { Deputy } from '../deputies/deputy.type.js';
import { jurisdictionLoader } from '../jurisdictions/jurisdiction.resolver.js';
import { Jurisdiction } from '../jurisdictions/jurisdiction.type.js';
import { coversPath, STAFF_READERS } from '../shared/access.js';
import { documentLoader } from '../shared/document-loader.js';
import { forbidden } from '../shared/forbidden.js';
import type { LiaisonDeps } from '../shared/module-deps.js';
import { commandMetadata, decodeId, execute } from '../shared/mutation.js';
import { DeputyGroupPayload, DisbandDeputyGroupInput, FormDeputyGroupInput } from './deputy-group.input.js';
import { DeputyGroup, DeputyGroupConnection, DeputyGroupMembership } from './deputy-group.type.js';
import type { DeputyGroupDocument } from './projection.js';
import type { DeputyGroupService } from './service.js';

/** The request's loader of deputy group documents by id. */
export function deputyGroupLoader(
  context: RequestContext,
  deps: LiaisonDeps,
): DataLoader<string, DeputyGroupDocument | null> {
  return documentLoader<DeputyGroupDocument>(context, deps, 'DeputyGroup', 'deputy_groups');
}

function failed(error: DomainError): DeputyGroupPayload {
  return { userErrors: userErrorsOf(error), position: null, group: null };
}

@Resolver(() => DeputyGroup)
export class DeputyGroupResolver {
  constructor(
    private readonly deps: LiaisonDeps,
    private readonly service: DeputyGroupService,
  ) {}

  @Query(() => DeputyGroupConnection, {
    description: 'Deputy groups of a jurisdiction within yours and below it, by name.',
  })
  async deputyGroups(
    @Arg('jurisdictionId', () => ID) jurisdictionId: string,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Ctx() context: RequestContext,
  ) {
    const principal = requireRole(context, ...STAFF_READERS);
    const id = decodeId(jurisdictionId, 'Jurisdiction', 'jurisdictionId');
    const jurisdiction = isDomainError(id) ? null : await jurisdictionLoader(context, this.deps).load(id);
    if (!jurisdiction || !coversPath(principal, jurisdiction.path)) {
      throw forbidden(
        `jurisdiction ${jurisdictionId} is outside your jurisdiction (${principal.jurisdictionId ?? 'none'})`,
      );
    }
    const filter = { jurisdictionPath: { prefix: jurisdiction.path } };
    const [page, totalCount] = await Promise.all([
      this.deps.readStore.find<DeputyGroupDocument & ReadDocument>('deputy_groups', {
        filter,
        sort: [['name', 'asc']],
        first: args.first,
        after: args.after ?? null,
      }),
      this.deps.readStore.count('deputy_groups', filter),
    ]);
    return { ...toConnection(page, DeputyGroup.from), totalCount };
  }

  @FieldResolver(() => Jurisdiction, { nullable: true })
  async jurisdiction(
    @Root() group: DeputyGroup,
    @Ctx() context: RequestContext,
  ): Promise<Jurisdiction | null> {
    const document = await jurisdictionLoader(context, this.deps).load(group.jurisdictionId);
    return document && Jurisdiction.from(document);
  }

  @Mutation(() => DeputyGroupPayload, { description: 'Forms a deputy group in a jurisdiction within yours.' })
  async formDeputyGroup(
    @Arg('input', () => FormDeputyGroupInput) input: FormDeputyGroupInput,
    @Ctx() context: RequestContext,
  ) {
    const actor = requireRole(context, 'admin', 'congress-office');
    const jurisdictionId = decodeId(input.jurisdictionId, 'Jurisdiction', 'jurisdictionId');
    if (isDomainError(jurisdictionId)) return failed(jurisdictionId);
    const outcome = await execute(context, this.deps, () =>
      this.service.form(
        actor,
        { jurisdictionId, name: input.name, level: input.level },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    return this.payload(context, outcome, outcome.groupId);
  }

  @Mutation(() => DeputyGroupPayload, { description: 'Disbands a deputy group within your jurisdiction.' })
  async disbandDeputyGroup(
    @Arg('input', () => DisbandDeputyGroupInput) input: DisbandDeputyGroupInput,
    @Ctx() context: RequestContext,
  ) {
    const actor = requireRole(context, 'admin', 'congress-office');
    const groupId = decodeId(input.groupId, 'DeputyGroup', 'groupId');
    if (isDomainError(groupId)) return failed(groupId);
    const outcome = await execute(context, this.deps, () =>
      this.service.disband(
        actor,
        groupId,
        input.reason,
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    return this.payload(context, outcome, groupId);
  }

  private async payload(
    context: RequestContext,
    outcome: CommandOutcome,
    groupId: string,
  ): Promise<DeputyGroupPayload> {
    if (!outcome.ok) return failed(outcome.error);
    const document = await deputyGroupLoader(context, this.deps).load(groupId);
    return {
      userErrors: [],
      position: outcome.globalPosition,
      group: document && DeputyGroup.from(document),
    };
  }
}

@Resolver(() => DeputyGroupMembership)
export class DeputyGroupMembershipResolver {
  constructor(private readonly deps: LiaisonDeps) {}

  @FieldResolver(() => DeputyGroup, { nullable: true })
  async group(
    @Root() membership: DeputyGroupMembership,
    @Ctx() context: RequestContext,
  ): Promise<DeputyGroup | null> {
    const document = await deputyGroupLoader(context, this.deps).load(membership.groupId);
    return document && DeputyGroup.from(document);
  }
}

@Resolver(() => Deputy)
export class DeputyGroupsOfDeputyResolver {
  @FieldResolver(() => [DeputyGroupMembership], { description: 'The groups the deputy is in now.' })
  groups(@Root() deputy: Deputy): DeputyGroupMembership[] {
    return deputy.document.groups.map((g) => Object.assign(new DeputyGroupMembership(), g));
  }
}
