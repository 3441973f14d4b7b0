// Handling unit use cases: the jurisdiction a unit belongs to is resolved and scope-checked here, then decided.
import type { Principal } from '@liaison/auth';
import {
  domainError,
  type CommandHandler,
  type CommandMetadata,
  type CommandOutcome,
} from '@liaison/decider';
import { assertCoversPath } from '../shared/access.js';
import type { CaseworkDeps } from '../shared/module-deps.js';
import { refused } from '../shared/mutation.js';
import type { Tier } from '../suggestions/events.js';
import type { HandlingUnitCommand, HandlingUnitState, HandlingUnitStatus } from './decider.js';
import { handlingUnitStream, type HandlingUnitEvent } from './events.js';

export type HandlingUnitHandler = CommandHandler<HandlingUnitState, HandlingUnitCommand, HandlingUnitEvent>;

export class HandlingUnitService {
  constructor(
    private readonly handler: HandlingUnitHandler,
    private readonly deps: CaseworkDeps,
  ) {}

  /** Registers a unit in a jurisdiction the actor covers. */
  async register(
    actor: Principal,
    input: { unitId: string; name: string; jurisdictionId: string; tier: Tier },
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    const [jurisdiction] = await this.deps.readStore.load<{ id: string; path: string }>('jurisdictions', [
      input.jurisdictionId,
    ]);
    if (!jurisdiction)
      return refused(
        domainError(
          'JURISDICTION_NOT_FOUND',
          `expected a registered jurisdiction, received ${input.jurisdictionId}`,
          ['jurisdictionId'],
        ),
      );
    assertCoversPath(actor, jurisdiction.path, `jurisdiction ${input.jurisdictionId}`);
    return this.handler.handle(handlingUnitStream(input.unitId), {
      type: 'RegisterHandlingUnit',
      data: { ...input, jurisdictionPath: jurisdiction.path },
      metadata,
    });
  }

  /** Renames, merges or retires a unit the actor covers. */
  async change(
    actor: Principal,
    command:
      | { type: 'RenameHandlingUnit'; data: { unitId: string; name: string } }
      | { type: 'RetireHandlingUnit'; data: { unitId: string; reason: string } }
      | { type: 'MergeHandlingUnit'; data: { unitId: string; intoUnitId: string; reason: string } },
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    const { state } = await this.handler.state(handlingUnitStream(command.data.unitId));
    if (state.status === 'active') assertCoversPath(actor, state.jurisdictionPath, `unit ${state.unitId}`);
    const full: HandlingUnitCommand =
      command.type === 'MergeHandlingUnit'
        ? {
            ...command,
            data: { ...command.data, intoStatus: await this.mergeTarget(actor, command.data.intoUnitId) },
            metadata,
          }
        : { ...command, metadata };
    return this.handler.handle(handlingUnitStream(command.data.unitId), full);
  }

  /** Whether a unit takes work, and its current name when it does, from its stream (never stale). */
  async activeName(unitId: string): Promise<{ status: HandlingUnitStatus; name: string | null }> {
    const { state } = await this.handler.state(handlingUnitStream(unitId));
    return { status: state.status, name: state.status === 'active' ? state.name : null };
  }

  /** The status of the unit another merges into; work moves there, so it must be within the actor's reach too. */
  private async mergeTarget(actor: Principal, unitId: string): Promise<HandlingUnitStatus> {
    const { state } = await this.handler.state(handlingUnitStream(unitId));
    if (state.status === 'active') assertCoversPath(actor, state.jurisdictionPath, `unit ${state.unitId}`);
    return state.status;
  }
}
