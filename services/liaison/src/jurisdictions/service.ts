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
import type { JurisdictionCommand, ParentFacts, SuccessorFacts } from './commands.js';
import type { JurisdictionState } from './decider.js';
import {
  jurisdictionStream,
  type JurisdictionEvent,
  type JurisdictionLevel,
  type SplitPart,
} from './events.js';

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
    return state.status === 'unregistered' ? [] : [...state.ancestorIds, state.jurisdictionId];
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
        const error =
          state.status === 'dissolved'
            ? domainError('PARENT_DISSOLVED', `jurisdiction ${input.parentId} was merged or split`, [
                'parentId',
              ])
            : domainError('PARENT_NOT_FOUND', `no jurisdiction ${input.parentId}`, ['parentId']);
        return { ok: false, error, jurisdictionId };
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

  /** Merges a jurisdiction into another; the actor covers both. Stations, deputies and areas follow by process. */
  async merge(
    actor: Principal,
    input: { jurisdictionId: string; intoJurisdictionId: string; effectiveOn: string | null },
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    await this.assertCoversIfKnown(actor, input.jurisdictionId);
    await this.assertCoversIfKnown(actor, input.intoJurisdictionId);
    return this.handler.handle(jurisdictionStream(input.jurisdictionId), {
      type: 'MergeJurisdiction',
      data: {
        jurisdictionId: input.jurisdictionId,
        into: await this.successorFacts(input.intoJurisdictionId),
        effectiveOn: input.effectiveOn,
      },
      metadata,
    });
  }

  /** Splits a jurisdiction into several registered ones; the actor covers all of them. */
  async split(
    actor: Principal,
    input: {
      jurisdictionId: string;
      parts: SplitPart[];
      remainderJurisdictionId: string;
      effectiveOn: string | null;
    },
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    await this.assertCoversIfKnown(actor, input.jurisdictionId);
    const parts = [];
    for (const part of input.parts) {
      await this.assertCoversIfKnown(actor, part.jurisdictionId);
      parts.push({ ...part, facts: await this.successorFacts(part.jurisdictionId) });
    }
    return this.handler.handle(jurisdictionStream(input.jurisdictionId), {
      type: 'SplitJurisdiction',
      data: { ...input, parts },
      metadata,
    });
  }

  /** Moves a jurisdiction under a new parent, or records its new ancestry; used by the reorganisation process. */
  async reparent(
    jurisdictionId: string,
    parentId: string,
    change: { effectiveOn: string; reorganisedJurisdictionId: string },
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    const parent = await this.find(parentId);
    if (parent.status === 'unregistered') {
      return {
        ok: false,
        error: domainError('PARENT_NOT_FOUND', `no jurisdiction ${parentId}`, ['parentId']),
      };
    }
    return this.handler.handle(jurisdictionStream(jurisdictionId), {
      type: 'ReparentJurisdiction',
      data: {
        jurisdictionId,
        parent: { jurisdictionId: parentId, level: parent.level, ancestorIds: parent.ancestorIds },
        ...change,
      },
      metadata,
    });
  }

  private async successorFacts(jurisdictionId: string): Promise<SuccessorFacts | null> {
    const state = await this.find(jurisdictionId);
    if (state.status === 'unregistered') return null;
    return {
      jurisdictionId,
      level: state.level,
      ancestorIds: state.ancestorIds,
      active: state.status === 'registered',
    };
  }

  private async assertCoversIfKnown(actor: Principal, jurisdictionId: string): Promise<void> {
    const ancestry = await this.ancestry(jurisdictionId);
    if (ancestry.length > 0) assertCovers(actor, ancestry, `jurisdiction ${jurisdictionId}`);
  }

  /** Renames a jurisdiction the actor covers. */
  async rename(
    actor: Principal,
    jurisdictionId: string,
    name: string,
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    const state = await this.find(jurisdictionId);
    if (state.status !== 'unregistered')
      assertCovers(actor, [...state.ancestorIds, jurisdictionId], `jurisdiction ${jurisdictionId}`);
    return this.handler.handle(jurisdictionStream(jurisdictionId), {
      type: 'RenameJurisdiction',
      data: { jurisdictionId, name },
      metadata,
    });
  }
}
