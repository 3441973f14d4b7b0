// Suggestion use cases: facts from opinions and the working-day calendar are resolved here, then decided.
import type { Principal } from '@liaison/auth';
import { type CommandHandler, type CommandMetadata, type CommandOutcome } from '@liaison/decider';
import type { OpinionDocument } from '../opinions/projection.js';
import type { OpinionService } from '../opinions/service.js';
import type { HandlingUnitService } from '../units/service.js';
import { AccessDeniedError, ancestryOf, assertCoversPath } from '../shared/access.js';
import { newEntityId } from '../shared/ids.js';
import type { CaseworkDeps } from '../shared/module-deps.js';
import { beijingDate, officeAncestry, type WorkingDayCalendar } from '../shared/working-days.js';
import type { AssignmentInput, OpinionFacts, SuggestionCommand } from './commands.js';
import { suggestionStream, type SuggestionEvent, type Tier, type Unit } from './events.js';
import type { SuggestionState } from './state.js';

export type SuggestionHandler = CommandHandler<SuggestionState, SuggestionCommand, SuggestionEvent>;

/** Commands whose data the caller gives as is (no facts to resolve). */
type PlainCommand = Exclude<
  SuggestionCommand,
  { type: 'DraftSuggestion' | 'AssignSuggestion' | 'TransferSuggestion' | 'GiveReply' | 'CloseSuggestion' }
>;

export interface DraftInput {
  title: string;
  summary: string;
  category: string;
  tier: Tier;
  opinionIds: string[];
  deputyIds: string[];
}

export interface AssignInput {
  leadUnit: Unit;
  coHandlers: Unit[];
  responsiblePerson: string;
  workingDays: number;
  key: boolean;
  supervisingLeaders: string[];
}

export type DraftOutcome = CommandOutcome & { suggestionId: string };

export class SuggestionService {
  constructor(
    private readonly handler: SuggestionHandler,
    private readonly opinions: OpinionService,
    private readonly units: HandlingUnitService,
    private readonly deps: CaseworkDeps,
  ) {}

  /** Drafts a suggestion from pending opinions (merging several into one), then marks each opinion taken. */
  async draft(actor: Principal, input: DraftInput, metadata: CommandMetadata): Promise<DraftOutcome> {
    const suggestionId = newEntityId(metadata.commandId, 'suggestion');
    const documents = await this.deps.readStore.load<OpinionDocument>('opinions', input.opinionIds);
    const opinions: OpinionFacts[] = [];
    for (const [index, opinionId] of input.opinionIds.entries()) {
      const document = documents[index] ?? null;
      if (document) assertCoversPath(actor, document.jurisdictionPath, `opinion ${opinionId}`);
      const state = await this.opinions.state(opinionId);
      // A re-sent draft finds its opinions already taken into this very suggestion: they count as pending.
      const mine = state.status === 'in-suggestion' && state.suggestionId === suggestionId;
      opinions.push({
        opinionId,
        status: mine ? 'pending' : state.status,
        voterId: document?.voterId ?? '',
        consentToContact: document?.consentToContact ?? false,
        channel: document?.channel ?? null,
        stationId: document?.stationId ?? '',
        jurisdictionId: document?.jurisdictionId ?? '',
        jurisdictionPath: document?.jurisdictionPath ?? '',
      });
    }
    const outcome = await this.handler.handle(suggestionStream(suggestionId), {
      type: 'DraftSuggestion',
      data: { suggestionId, ...input, opinions },
      metadata,
    });
    if (!outcome.ok) return { ...outcome, suggestionId };
    // Each opinion records where it went; re-sending the command completes this if a crash cut it short.
    let last = outcome;
    for (const opinionId of input.opinionIds) {
      const taken = await this.opinions.takeIntoSuggestion(opinionId, suggestionId, {
        ...metadata,
        commandId: `${metadata.commandId}:take:${opinionId}`,
        causationId: metadata.commandId,
      });
      if (!taken.ok) return { ...taken, suggestionId };
      if (taken.globalPosition > last.globalPosition) last = taken;
    }
    return { ...outcome, globalPosition: last.globalPosition, suggestionId };
  }

  /** Assigns to a lead unit with a deadline counted in working days from today. */
  async assign(actor: Principal, suggestionId: string, input: AssignInput, metadata: CommandMetadata) {
    const state = await this.authorise(actor, suggestionId);
    return this.handler.handle(suggestionStream(suggestionId), {
      type: 'AssignSuggestion',
      data: await this.assignment(actor, state, input, metadata),
      metadata,
    });
  }

  /** Transfers to another unit with a fresh deadline. */
  async transfer(
    actor: Principal,
    suggestionId: string,
    input: AssignInput & { reason: string },
    metadata: CommandMetadata,
  ) {
    const state = await this.authorise(actor, suggestionId);
    return this.handler.handle(suggestionStream(suggestionId), {
      type: 'TransferSuggestion',
      data: { ...(await this.assignment(actor, state, input, metadata)), reason: input.reason },
      metadata,
    });
  }

  /** Gives the lead unit's reply; the working days taken are counted from the first assignment. */
  async reply(
    actor: Principal,
    suggestionId: string,
    input: { unitId: string; replyClass: 'A' | 'B' | 'C'; text: string; attachments: string[] },
    metadata: CommandMetadata,
  ) {
    const state = await this.authorise(actor, suggestionId);
    return this.handler.handle(suggestionStream(suggestionId), {
      type: 'GiveReply',
      data: {
        ...input,
        workingDaysTaken: await this.workingDaysSinceAssigned(state, metadata),
        workingDaysLate:
          state.status !== 'none' && state.assignment
            ? await (
                await this.calendarOf(state)
              ).workingDaysBetween(state.assignment.deadline, beijingDate(metadata.now))
            : 0,
      },
      metadata,
    });
  }

  /** Closes the case when its rules are met; on site only with the three signatures. */
  async close(actor: Principal, suggestionId: string, onSite: boolean, metadata: CommandMetadata) {
    const state = await this.authorise(actor, suggestionId);
    return this.handler.handle(suggestionStream(suggestionId), {
      type: 'CloseSuggestion',
      data: { onSite, handlingWorkingDays: await this.workingDaysSinceAssigned(state, metadata) },
      metadata,
    });
  }

  /** Any other command, after the scope check. */
  async act(
    actor: Principal | null,
    suggestionId: string,
    command: Omit<PlainCommand, 'metadata'>,
    metadata: CommandMetadata,
  ) {
    if (actor) await this.authorise(actor, suggestionId);
    return this.handler.handle(suggestionStream(suggestionId), { ...command, metadata } as SuggestionCommand);
  }

  /** The suggestion's current state from its stream. */
  async state(suggestionId: string): Promise<SuggestionState> {
    return (await this.handler.state(suggestionStream(suggestionId))).state;
  }

  /** The supervising office of a case: the jurisdiction above the station's. */
  static supervisingJurisdiction(path: string): string {
    const ancestry = ancestryOf(path);
    return ancestry.at(-2) ?? ancestry.at(-1) ?? '';
  }

  private async authorise(actor: Principal, suggestionId: string): Promise<SuggestionState> {
    const state = await this.state(suggestionId);
    if (state.status !== 'none')
      assertCoversPath(actor, state.jurisdictionPath, `suggestion ${suggestionId}`);
    if (
      actor.roles.includes('deputy') &&
      state.status !== 'none' &&
      !state.deputyIds.includes(actor.userId) &&
      actor.roles.length === 1
    )
      throw new AccessDeniedError(`deputy ${actor.userId} is not on suggestion ${suggestionId}`);
    return state;
  }

  /** The calendar of the office that made the case's current assignment. */
  async calendarOf(state: SuggestionState): Promise<WorkingDayCalendar> {
    if (state.status === 'none') return this.deps.calendars.forOffice([]);
    return this.deps.calendars.forOffice(
      officeAncestry(ancestryOf(state.jurisdictionPath), state.assignment?.calendarOfficeId ?? null),
    );
  }

  private async assignment(
    actor: Principal,
    state: SuggestionState,
    input: AssignInput,
    metadata: CommandMetadata,
  ): Promise<AssignmentInput> {
    const assignedOn = beijingDate(metadata.now);
    const office =
      state.status === 'none' ? [] : officeAncestry(ancestryOf(state.jurisdictionPath), actor.jurisdictionId);
    const calendar = await this.deps.calendars.forOffice(office);
    // The registry says which units take work, and the lead unit's name is the registered one.
    const named = [input.leadUnit, ...input.coHandlers];
    const registered = await Promise.all(named.map((unit) => this.units.activeName(unit.unitId)));
    const workingDays =
      Number.isInteger(input.workingDays) && input.workingDays > 0 && input.workingDays <= 250
        ? input.workingDays
        : 0;
    const registeredName = (index: number, unit: Unit): Unit => ({
      unitId: unit.unitId,
      name: registered[index]?.name ?? unit.name,
    });
    return {
      unitStatuses: Object.fromEntries(
        named.map((unit, i) => [unit.unitId, registered[i]?.status ?? 'unknown']),
      ),
      leadUnit: registeredName(0, input.leadUnit),
      coHandlers: input.coHandlers.map((unit, i) => registeredName(i + 1, unit)),
      responsiblePerson: input.responsiblePerson,
      deadline: {
        assignedOn,
        date: workingDays > 0 ? await calendar.addWorkingDays(assignedOn, workingDays) : assignedOn,
        workingDays: input.workingDays,
        calendarOfficeId: office.at(-1) ?? null,
      },
      key: input.key,
      supervisingLeaders: input.supervisingLeaders,
    };
  }

  private async workingDaysSinceAssigned(state: SuggestionState, metadata: CommandMetadata): Promise<number> {
    if (state.status === 'none' || !state.firstAssignedOn) return 0;
    return (await this.calendarOf(state)).workingDaysBetween(
      state.firstAssignedOn,
      beijingDate(metadata.now),
    );
  }
}
