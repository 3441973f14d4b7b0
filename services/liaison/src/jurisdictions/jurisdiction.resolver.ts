// GraphQL queries, mutations and fields of jurisdictions.
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
import { commandMetadata, decodeId, execute } from '../shared/mutation.js';
import { documentLoader } from '../shared/document-loader.js';
import type { LiaisonDeps } from '../shared/module-deps.js';
import type { SplitPart } from './events.js';
import {
  MergeJurisdictionInput,
  SplitJurisdictionInput,
  RegisterJurisdictionInput,
  RenameJurisdictionInput,
  JurisdictionPayload,
} from './jurisdiction.input.js';
import { Jurisdiction, JurisdictionConnection } from './jurisdiction.type.js';
import type { JurisdictionDocument } from './projection.js';
import type { JurisdictionService } from './service.js';

/** The request's loader of jurisdiction documents by id. */
export function jurisdictionLoader(
  context: RequestContext,
  deps: LiaisonDeps,
): DataLoader<string, JurisdictionDocument | null> {
  return documentLoader<JurisdictionDocument>(context, deps, 'Jurisdiction', 'jurisdictions');
}

@Resolver(() => Jurisdiction)
export class JurisdictionResolver {
  constructor(
    private readonly deps: LiaisonDeps,
    private readonly service: JurisdictionService,
  ) {}

  @Query(() => Jurisdiction, { nullable: true, description: 'One jurisdiction by id.' })
  async jurisdiction(
    @Arg('id', () => ID) id: string,
    @Ctx() context: RequestContext,
  ): Promise<Jurisdiction | null> {
    const rawId = decodeId(id, 'Jurisdiction', 'id');
    if (isDomainError(rawId)) return null;
    const document = await jurisdictionLoader(context, this.deps).load(rawId);
    return document && Jurisdiction.from(document);
  }

  @Query(() => JurisdictionConnection, {
    description: 'Jurisdictions under a parent (the roots when parentId is omitted), by name.',
  })
  async jurisdictions(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('parentId', () => ID, { nullable: true }) parentId: string | null,
  ) {
    const parent = parentId ? decodeId(parentId, 'Jurisdiction', 'parentId') : null;
    if (isDomainError(parent))
      return toConnection({ items: [], endCursor: null, hasNextPage: false }, Jurisdiction.from);
    return this.listChildren(parent, args);
  }

  @FieldResolver(() => Jurisdiction, { nullable: true })
  async parent(
    @Root() jurisdiction: Jurisdiction,
    @Ctx() context: RequestContext,
  ): Promise<Jurisdiction | null> {
    if (!jurisdiction.parentId) return null;
    const document = await jurisdictionLoader(context, this.deps).load(jurisdiction.parentId);
    return document && Jurisdiction.from(document);
  }

  @FieldResolver(() => JurisdictionConnection)
  async children(
    @Root() jurisdiction: Jurisdiction,
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('includeDissolved', () => Boolean, { defaultValue: false }) includeDissolved: boolean,
  ) {
    return this.listChildren(jurisdiction.jurisdictionId, args, includeDissolved);
  }

  @Mutation(() => JurisdictionPayload, {
    description: 'Registers a jurisdiction under a parent within your jurisdiction.',
  })
  async registerJurisdiction(
    @Arg('input', () => RegisterJurisdictionInput) input: RegisterJurisdictionInput,
    @Ctx() context: RequestContext,
  ): Promise<JurisdictionPayload> {
    const actor = requireRole(context, 'admin', 'congress-office');
    const parentId = input.parentId ? decodeId(input.parentId, 'Jurisdiction', 'parentId') : null;
    if (isDomainError(parentId))
      return { userErrors: userErrorsOf(parentId), position: null, jurisdiction: null };
    const outcome = await execute(context, this.deps, () =>
      this.service.register(
        actor,
        { name: input.name, level: input.level, code: input.code ?? null, parentId },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    if (!outcome.ok) return { userErrors: userErrorsOf(outcome.error), position: null, jurisdiction: null };
    const document = await jurisdictionLoader(context, this.deps).load(outcome.jurisdictionId);
    return {
      userErrors: [],
      position: outcome.globalPosition,
      jurisdiction: document && Jurisdiction.from(document),
    };
  }

  @Mutation(() => JurisdictionPayload, { description: 'Renames a jurisdiction within your jurisdiction.' })
  async renameJurisdiction(
    @Arg('input', () => RenameJurisdictionInput) input: RenameJurisdictionInput,
    @Ctx() context: RequestContext,
  ): Promise<JurisdictionPayload> {
    const actor = requireRole(context, 'admin', 'congress-office');
    const id = decodeId(input.jurisdictionId, 'Jurisdiction', 'jurisdictionId');
    if (isDomainError(id)) return { userErrors: userErrorsOf(id), position: null, jurisdiction: null };
    const outcome = await execute(context, this.deps, () =>
      this.service.rename(
        actor,
        id,
        input.name,
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    if (!outcome.ok) return { userErrors: userErrorsOf(outcome.error), position: null, jurisdiction: null };
    const document = await jurisdictionLoader(context, this.deps).load(id);
    return {
      userErrors: [],
      position: outcome.globalPosition,
      jurisdiction: document && Jurisdiction.from(document),
    };
  }

  @FieldResolver(() => [Jurisdiction], {
    description: 'Where a dissolved jurisdiction’s stations, deputies and areas went.',
  })
  async successors(
    @Root() jurisdiction: Jurisdiction,
    @Ctx() context: RequestContext,
  ): Promise<Jurisdiction[]> {
    const documents = await jurisdictionLoader(context, this.deps).loadMany(jurisdiction.successorIds);
    return documents
      .filter((d): d is JurisdictionDocument => d !== null && !(d instanceof Error))
      .map(Jurisdiction.from);
  }

  @Mutation(() => JurisdictionPayload, {
    description:
      'Merges a jurisdiction into another of the same level; its stations, deputies and areas follow (read-your-writes covers the merger itself, the moves follow within moments).',
  })
  async mergeJurisdiction(
    @Arg('input', () => MergeJurisdictionInput) input: MergeJurisdictionInput,
    @Ctx() context: RequestContext,
  ): Promise<JurisdictionPayload> {
    const actor = requireRole(context, 'admin', 'congress-office');
    const id = decodeId(input.jurisdictionId, 'Jurisdiction', 'jurisdictionId');
    if (isDomainError(id)) return { userErrors: userErrorsOf(id), position: null, jurisdiction: null };
    const into = decodeId(input.intoJurisdictionId, 'Jurisdiction', 'intoJurisdictionId');
    if (isDomainError(into)) return { userErrors: userErrorsOf(into), position: null, jurisdiction: null };
    const outcome = await execute(context, this.deps, () =>
      this.service.merge(
        actor,
        { jurisdictionId: id, intoJurisdictionId: into, effectiveOn: input.effectiveOn ?? null },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    return this.payload(context, outcome, id);
  }

  @Mutation(() => JurisdictionPayload, {
    description:
      'Splits a jurisdiction into several registered ones of the same level; its contents follow as allotted.',
  })
  async splitJurisdiction(
    @Arg('input', () => SplitJurisdictionInput) input: SplitJurisdictionInput,
    @Ctx() context: RequestContext,
  ): Promise<JurisdictionPayload> {
    const actor = requireRole(context, 'admin', 'congress-office');
    const fail = (error: DomainError) => ({
      userErrors: userErrorsOf(error),
      position: null,
      jurisdiction: null,
    });
    const id = decodeId(input.jurisdictionId, 'Jurisdiction', 'jurisdictionId');
    if (isDomainError(id)) return fail(id);
    const remainder = decodeId(input.remainderJurisdictionId, 'Jurisdiction', 'remainderJurisdictionId');
    if (isDomainError(remainder)) return fail(remainder);
    const parts: SplitPart[] = [];
    for (const part of input.parts) {
      const decoded = {
        jurisdictionId: decodeId(part.jurisdictionId, 'Jurisdiction', 'parts'),
        stationIds: part.stationIds.map((s) => decodeId(s, 'Station', 'parts')),
        deputyIds: part.deputyIds.map((d) => decodeId(d, 'Deputy', 'parts')),
        childJurisdictionIds: part.childJurisdictionIds.map((c) => decodeId(c, 'Jurisdiction', 'parts')),
      };
      const bad = [
        decoded.jurisdictionId,
        ...decoded.stationIds,
        ...decoded.deputyIds,
        ...decoded.childJurisdictionIds,
      ].find(isDomainError);
      if (bad) return fail(bad);
      parts.push(decoded as SplitPart);
    }
    const outcome = await execute(context, this.deps, () =>
      this.service.split(
        actor,
        {
          jurisdictionId: id,
          parts,
          remainderJurisdictionId: remainder,
          effectiveOn: input.effectiveOn ?? null,
        },
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    return this.payload(context, outcome, id);
  }

  private async payload(
    context: RequestContext,
    outcome: CommandOutcome,
    id: string,
  ): Promise<JurisdictionPayload> {
    if (!outcome.ok) return { userErrors: userErrorsOf(outcome.error), position: null, jurisdiction: null };
    const document = await jurisdictionLoader(context, this.deps).load(id);
    return {
      userErrors: [],
      position: outcome.globalPosition,
      jurisdiction: document && Jurisdiction.from(document),
    };
  }

  private async listChildren(parentId: string | null, args: ConnectionArgs, includeDissolved = false) {
    const filter: Record<string, string | null> = { parentId };
    if (!includeDissolved) filter.status = 'active';
    const [page, totalCount] = await Promise.all([
      this.deps.readStore.find<JurisdictionDocument & ReadDocument>('jurisdictions', {
        filter,
        sort: [['name', 'asc']],
        first: args.first,
        after: args.after ?? null,
      }),
      this.deps.readStore.count('jurisdictions', filter),
    ]);
    return { ...toConnection(page, Jurisdiction.from), totalCount };
  }
}
