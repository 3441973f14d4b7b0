// GraphQL of the handling unit registry: offices register, rename, merge and retire units; case readers list them.
import type { Principal } from '@liaison/auth';
import { isDomainError, type CommandOutcome, type DomainError } from '@liaison/decider';
import { ConnectionArgs, requireRole, userErrorsOf, type RequestContext } from '@liaison/graphql-kit';
import type { Condition } from '@liaison/readstore';
import { GraphQLError } from 'graphql';
import { Arg, Args, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { CaseworkDeps } from '../shared/module-deps.js';
import { commandMetadata, decodeId, execute, resultOf } from '../shared/mutation.js';
import { boardPage } from '../shared/board.js';
import { readerPath, requireCaseReader } from '../shared/read-scope.js';
import {
  HandlingUnitFilter,
  HandlingUnitPayload,
  MergeHandlingUnitInput,
  RegisteredHandlingUnit,
  RegisteredHandlingUnitConnection,
  RegisterHandlingUnitInput,
  RenameHandlingUnitInput,
  RetireHandlingUnitInput,
} from './handling-unit.type.js';
import type { HandlingUnitDocument } from './projection.js';
import type { HandlingUnitService } from './service.js';

const OFFICES = ['admin', 'congress-office'] as const;

@Resolver(() => RegisteredHandlingUnit)
export class HandlingUnitResolver {
  constructor(
    private readonly deps: CaseworkDeps,
    private readonly service: HandlingUnitService,
  ) {}

  @Query(() => RegisteredHandlingUnitConnection, {
    description: 'The handling unit registry within your jurisdiction, by name.',
  })
  async handlingUnits(
    @Args(() => ConnectionArgs) args: ConnectionArgs,
    @Arg('filter', () => HandlingUnitFilter, { nullable: true }) filter: HandlingUnitFilter | null,
    @Ctx() context: RequestContext,
  ) {
    const reader = requireCaseReader(context);
    let path = await readerPath(this.deps, reader);
    if (filter?.jurisdictionId) {
      const id = decodeId(filter.jurisdictionId, 'Jurisdiction', 'jurisdictionId');
      const [jurisdiction] = isDomainError(id)
        ? [null]
        : await this.deps.readStore.load<{ id: string; path: string }>('jurisdictions', [id]);
      if (!jurisdiction || !jurisdiction.path.startsWith(path))
        throw new GraphQLError('expected a Jurisdiction id within your jurisdiction', {
          extensions: { code: 'BAD_USER_INPUT' },
        });
      path = jurisdiction.path;
    }
    const conditions: Record<string, Condition> = path ? { jurisdictionPath: { prefix: path } } : {};
    if (filter?.tier) conditions.tier = filter.tier;
    if (filter?.status) conditions.status = filter.status;
    return boardPage(
      this.deps,
      'handlingUnits',
      { filter: conditions, sort: [['name', 'asc']] },
      args,
      RegisteredHandlingUnit.from,
    );
  }

  @Mutation(() => HandlingUnitPayload, { description: 'Registers a handling unit in a jurisdiction.' })
  async registerHandlingUnit(
    @Arg('input', () => RegisterHandlingUnitInput) input: RegisterHandlingUnitInput,
    @Ctx() context: RequestContext,
  ): Promise<HandlingUnitPayload> {
    const jurisdictionId = decodeId(input.jurisdictionId, 'Jurisdiction', 'jurisdictionId');
    if (isDomainError(jurisdictionId)) return failed(jurisdictionId);
    return this.run(context, input.unitId, input.commandId, (actor, metadata) =>
      this.service.register(
        actor,
        { unitId: input.unitId, name: input.name, jurisdictionId, tier: input.tier },
        metadata,
      ),
    );
  }

  @Mutation(() => HandlingUnitPayload, {
    description: 'Renames a unit; cases keep the name they were given.',
  })
  async renameHandlingUnit(
    @Arg('input', () => RenameHandlingUnitInput) input: RenameHandlingUnitInput,
    @Ctx() context: RequestContext,
  ): Promise<HandlingUnitPayload> {
    return this.run(context, input.unitId, input.commandId, (actor, metadata) =>
      this.service.change(
        actor,
        { type: 'RenameHandlingUnit', data: { unitId: input.unitId, name: input.name } },
        metadata,
      ),
    );
  }

  @Mutation(() => HandlingUnitPayload, { description: 'Merges a unit into another; it takes no new work.' })
  async mergeHandlingUnit(
    @Arg('input', () => MergeHandlingUnitInput) input: MergeHandlingUnitInput,
    @Ctx() context: RequestContext,
  ): Promise<HandlingUnitPayload> {
    return this.run(context, input.unitId, input.commandId, (actor, metadata) =>
      this.service.change(
        actor,
        {
          type: 'MergeHandlingUnit',
          data: { unitId: input.unitId, intoUnitId: input.intoUnitId, reason: input.reason },
        },
        metadata,
      ),
    );
  }

  @Mutation(() => HandlingUnitPayload, { description: 'Retires a unit; it takes no new work.' })
  async retireHandlingUnit(
    @Arg('input', () => RetireHandlingUnitInput) input: RetireHandlingUnitInput,
    @Ctx() context: RequestContext,
  ): Promise<HandlingUnitPayload> {
    return this.run(context, input.unitId, input.commandId, (actor, metadata) =>
      this.service.change(
        actor,
        { type: 'RetireHandlingUnit', data: { unitId: input.unitId, reason: input.reason } },
        metadata,
      ),
    );
  }

  private async run(
    context: RequestContext,
    unitId: string,
    commandId: string | null | undefined,
    action: (actor: Principal, metadata: ReturnType<typeof commandMetadata>) => Promise<CommandOutcome>,
  ): Promise<HandlingUnitPayload> {
    const actor = requireRole(context, ...OFFICES);
    const outcome = await execute(context, this.deps, () =>
      action(actor, commandMetadata(context, actor, this.deps.now(), commandId)),
    );
    if (!outcome.ok) return { ...resultOf(outcome), unit: null };
    const [document] = await this.deps.readStore.load<HandlingUnitDocument>('handlingUnits', [unitId]);
    return { ...resultOf(outcome), unit: document ? RegisteredHandlingUnit.from(document) : null };
  }
}

function failed(error: DomainError): HandlingUnitPayload {
  return { userErrors: userErrorsOf(error), position: null, unit: null };
}
