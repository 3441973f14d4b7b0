// Checklist use cases: publish for a jurisdiction the actor covers, revise into a new version, retire.
import type { Principal } from '@liaison/auth';
import type { CommandHandler, CommandMetadata, CommandOutcome } from '@liaison/decider';
import { pathOf } from '../../jurisdictions/projection.js';
import type { JurisdictionService } from '../../jurisdictions/service.js';
import { assertCovers } from '../../shared/access.js';
import { newEntityId } from '../../shared/ids.js';
import { ancestryOf } from '../../shared/read-scope.js';
import type { ChecklistCommand } from './commands.js';
import type { ChecklistState } from './decider.js';
import { checklistStream, type ChecklistEvent, type ChecklistItem } from './events.js';

export type ChecklistHandler = CommandHandler<ChecklistState, ChecklistCommand, ChecklistEvent>;

export class ChecklistService {
  constructor(
    private readonly handler: ChecklistHandler,
    private readonly jurisdictions: JurisdictionService,
  ) {}

  /** The current state of a checklist, from its stream. */
  async find(checklistId: string): Promise<ChecklistState> {
    return (await this.handler.state(checklistStream(checklistId))).state;
  }

  /** Publishes a checklist owned by a jurisdiction the actor covers. */
  async publish(
    actor: Principal,
    input: { jurisdictionId: string; name: string; items: ChecklistItem[] },
    metadata: CommandMetadata,
  ): Promise<CommandOutcome & { checklistId: string }> {
    const checklistId = newEntityId(metadata.commandId, 'checklist');
    const jurisdiction = await this.jurisdictions.find(input.jurisdictionId);
    let owner = null;
    if (jurisdiction.status === 'registered') {
      const jurisdictionPath = pathOf(jurisdiction.ancestorIds, jurisdiction.jurisdictionId);
      assertCovers(actor, ancestryOf(jurisdictionPath), `jurisdiction ${input.jurisdictionId}`);
      owner = { jurisdictionId: jurisdiction.jurisdictionId, jurisdictionPath };
    }
    const outcome = await this.handler.handle(checklistStream(checklistId), {
      type: 'PublishChecklist',
      data: { checklistId, name: input.name, items: input.items, owner },
      metadata,
    });
    return { ...outcome, checklistId };
  }

  /** Publishes a new version of a checklist the actor's jurisdiction owns (or is above). */
  async revise(
    actor: Principal,
    checklistId: string,
    name: string | null,
    items: ChecklistItem[],
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    await this.assertOwns(actor, checklistId);
    return this.handler.handle(checklistStream(checklistId), {
      type: 'ReviseChecklist',
      data: { checklistId, name, items },
      metadata,
    });
  }

  /** Retires a checklist: no new assessments against it. */
  async retire(actor: Principal, checklistId: string, reason: string, metadata: CommandMetadata) {
    await this.assertOwns(actor, checklistId);
    return this.handler.handle(checklistStream(checklistId), {
      type: 'RetireChecklist',
      data: { checklistId, reason },
      metadata,
    });
  }

  private async assertOwns(actor: Principal, checklistId: string): Promise<void> {
    const state = await this.find(checklistId);
    if (state.status !== 'unpublished')
      assertCovers(actor, ancestryOf(state.jurisdictionPath), `checklist ${checklistId}`);
  }
}
