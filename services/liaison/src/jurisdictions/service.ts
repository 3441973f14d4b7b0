// Jurisdiction use cases: resolve the facts a command needs, check scope, and hand it to the command handler.
import type { Principal } from '@liaison/auth';
import {
  domainError,
  type CommandHandler,
  type CommandMetadata,
  type CommandOutcome,
} from '@liaison/decider';
import { assertCovers } from '../shared/access.js';
import { newEntityId } from '../shared/ids.js';
import type { JurisdictionCommand, ParentFacts } from './commands.js';
import type { JurisdictionState } from './decider.js';
import { jurisdictionStream, type JurisdictionEvent, type JurisdictionLevel } from './events.js';

export type JurisdictionHandler = CommandHandler<JurisdictionState, JurisdictionCommand, JurisdictionEvent>;

export interface RegisterJurisdictionInput {
  name: string;
  level: JurisdictionLevel;
  code: string | null;
  parentId: string | null;
}

export class JurisdictionService {
  constructor(private readonly handler: JurisdictionHandler) {}

  /** The current state of one jurisdiction, from its stream. */
  async find(jurisdictionId: string): Promise<JurisdictionState> {
    return (await this.handler.state(jurisdictionStream(jurisdictionId))).state;
  }

  /** The jurisdiction's ancestors and itself, root first; empty when it is not registered. */
  async ancestry(jurisdictionId: string): Promise<string[]> {
    const state = await this.find(jurisdictionId);
    return state.status === 'registered' ? [...state.ancestorIds, state.jurisdictionId] : [];
  }

  /** Registers a jurisdiction under a parent the actor covers (a province root needs an admin). */
  async register(
    actor: Principal,
    input: RegisterJurisdictionInput,
    metadata: CommandMetadata,
  ): Promise<CommandOutcome & { jurisdictionId: string }> {
    const jurisdictionId = newEntityId(metadata.commandId, 'jurisdiction');
    let parent: ParentFacts | null = null;
    if (input.parentId !== null) {
      const state = await this.find(input.parentId);
      if (state.status !== 'registered') {
        return {
          ok: false,
          error: domainError('PARENT_NOT_FOUND', `no jurisdiction ${input.parentId}`, ['parentId']),
          jurisdictionId,
        };
      }
      assertCovers(
        actor,
        [...state.ancestorIds, state.jurisdictionId],
        `jurisdiction ${state.jurisdictionId}`,
      );
      parent = { jurisdictionId: state.jurisdictionId, level: state.level, ancestorIds: state.ancestorIds };
    } else {
      assertCovers(actor, [], 'a new root jurisdiction');
    }
    const outcome = await this.handler.handle(jurisdictionStream(jurisdictionId), {
      type: 'RegisterJurisdiction',
      data: { jurisdictionId, name: input.name, level: input.level, code: input.code, parent },
      metadata,
    });
    return { ...outcome, jurisdictionId };
  }

  /** Renames a jurisdiction the actor covers. */
  async rename(
    actor: Principal,
    jurisdictionId: string,
    name: string,
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    const state = await this.find(jurisdictionId);
    if (state.status === 'registered')
      assertCovers(actor, [...state.ancestorIds, jurisdictionId], `jurisdiction ${jurisdictionId}`);
    return this.handler.handle(jurisdictionStream(jurisdictionId), {
      type: 'RenameJurisdiction',
      data: { jurisdictionId, name },
      metadata,
    });
  }
}
