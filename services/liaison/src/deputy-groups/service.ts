// Deputy group use cases: resolve the jurisdiction, check scope, and hand the command to the handler.
import type { Principal } from '@liaison/auth';
import type { CommandHandler, CommandMetadata, CommandOutcome } from '@liaison/decider';
import type { DeputyLevel } from '../deputies/events.js';
import { pathOf } from '../jurisdictions/projection.js';
import type { JurisdictionService } from '../jurisdictions/service.js';
import { assertCovers } from '../shared/access.js';
import { newEntityId } from '../shared/ids.js';
import type { DeputyGroupCommand } from './commands.js';
import type { DeputyGroupState } from './decider.js';
import { deputyGroupStream, type DeputyGroupEvent } from './events.js';

export type DeputyGroupHandler = CommandHandler<DeputyGroupState, DeputyGroupCommand, DeputyGroupEvent>;

export class DeputyGroupService {
  constructor(
    private readonly handler: DeputyGroupHandler,
    private readonly jurisdictions: JurisdictionService,
  ) {}

  /** The current state of one group, from its stream. */
  async find(groupId: string): Promise<DeputyGroupState> {
    return (await this.handler.state(deputyGroupStream(groupId))).state;
  }

  /** Forms a group in a jurisdiction the actor covers. */
  async form(
    actor: Principal,
    input: { jurisdictionId: string; name: string; level: DeputyLevel },
    metadata: CommandMetadata,
  ): Promise<CommandOutcome & { groupId: string }> {
    const groupId = newEntityId(metadata.commandId, 'deputy-group');
    const jurisdiction = await this.jurisdictions.find(input.jurisdictionId);
    let facts = null;
    if (jurisdiction.status !== 'unregistered') {
      assertCovers(
        actor,
        [...jurisdiction.ancestorIds, jurisdiction.jurisdictionId],
        `jurisdiction ${input.jurisdictionId}`,
      );
      facts = {
        jurisdictionId: jurisdiction.jurisdictionId,
        path: pathOf(jurisdiction.ancestorIds, jurisdiction.jurisdictionId),
        active: jurisdiction.status === 'registered',
      };
    }
    const outcome = await this.handler.handle(deputyGroupStream(groupId), {
      type: 'FormDeputyGroup',
      data: { groupId, name: input.name, level: input.level, jurisdiction: facts },
      metadata,
    });
    return { ...outcome, groupId };
  }

  /** Disbands a group the actor covers. */
  async disband(
    actor: Principal,
    groupId: string,
    reason: string,
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    const group = await this.find(groupId);
    if (group.status !== 'unformed') {
      assertCovers(actor, await this.jurisdictions.ancestry(group.jurisdictionId), `deputy group ${groupId}`);
    }
    return this.handler.handle(deputyGroupStream(groupId), {
      type: 'DisbandDeputyGroup',
      data: { groupId, reason },
      metadata,
    });
  }
}
