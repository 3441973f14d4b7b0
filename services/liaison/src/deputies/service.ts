// Deputy use cases: resolve the facts a command needs, check the actor's scope, and hand it to the handler.
import type { Principal } from '@liaison/auth';
import { type CommandHandler, type CommandMetadata, type CommandOutcome } from '@liaison/decider';
import type { DeputyGroupService } from '../deputy-groups/service.js';
import { pathOf } from '../jurisdictions/projection.js';
import type { JurisdictionService } from '../jurisdictions/service.js';
import { assertCovers, coversJurisdiction } from '../shared/access.js';
import { newEntityId } from '../shared/ids.js';
import type { StationService } from '../stations/service.js';
import type { DeputyCommand, RegisterDeputyData } from './commands.js';
import type { DeputyState } from './decider.js';
import { deputyStream, type DeputyContact, type DeputyEvent, type DeputyGroupRole } from './events.js';

export type DeputyHandler = CommandHandler<DeputyState, DeputyCommand, DeputyEvent>;

export type RegisterDeputyInput = Omit<RegisterDeputyData, 'deputyId' | 'jurisdiction'> & {
  jurisdictionId: string;
};

export class DeputyService {
  constructor(
    private readonly handler: DeputyHandler,
    private readonly jurisdictions: JurisdictionService,
    private readonly stations: StationService,
    private readonly groups: DeputyGroupService,
  ) {}

  /** The current state of one deputy, from its stream: rosters read which stations a deputy serves. */
  async find(deputyId: string): Promise<DeputyState> {
    return (await this.handler.state(deputyStream(deputyId))).state;
  }

  /** Registers a deputy in a jurisdiction the actor covers. */
  async register(
    actor: Principal,
    input: RegisterDeputyInput,
    metadata: CommandMetadata,
  ): Promise<CommandOutcome & { deputyId: string }> {
    const deputyId = newEntityId(metadata.commandId, 'deputy');
    const { jurisdictionId, ...rest } = input;
    const jurisdiction = await this.jurisdictions.find(jurisdictionId);
    let facts: RegisterDeputyData['jurisdiction'] = null;
    if (jurisdiction.status !== 'unregistered') {
      assertCovers(
        actor,
        [...jurisdiction.ancestorIds, jurisdiction.jurisdictionId],
        `jurisdiction ${jurisdictionId}`,
      );
      facts = {
        jurisdictionId,
        level: jurisdiction.level,
        path: pathOf(jurisdiction.ancestorIds, jurisdictionId),
        active: jurisdiction.status === 'registered',
      };
    }
    const outcome = await this.handle(deputyId, {
      type: 'RegisterDeputy',
      data: { ...rest, deputyId, jurisdiction: facts },
      metadata,
    });
    return { ...outcome, deputyId };
  }

  /** Updates name, constituency, employer and sector of a deputy the actor covers. */
  async updateProfile(
    actor: Principal,
    data: {
      deputyId: string;
      name: string;
      constituency: string;
      employer: string | null;
      sector: string | null;
    },
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    await this.assertCoversDeputy(actor, data.deputyId);
    return this.handle(data.deputyId, { type: 'UpdateDeputyProfile', data, metadata });
  }

  /** Replaces the contact details of a deputy the actor covers. */
  async changeContact(actor: Principal, deputyId: string, contact: DeputyContact, metadata: CommandMetadata) {
    await this.assertCoversDeputy(actor, deputyId);
    return this.handle(deputyId, { type: 'ChangeDeputyContact', data: { deputyId, contact }, metadata });
  }

  /**
   * Assigns a deputy to a station. The actor covers the station, and either covers the deputy too or the
   * station lies in the area of the jurisdiction that keeps the deputy (a county deputy at a township station).
   */
  async assign(
    actor: Principal,
    input: { deputyId: string; stationId: string; since: string | null },
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    const station = await this.stations.find(input.stationId);
    const deputy = await this.find(input.deputyId);
    if (station.status !== 'unregistered') {
      const stationAncestry = await this.jurisdictions.ancestry(station.jurisdictionId);
      assertCovers(actor, stationAncestry, `station ${input.stationId}`);
      if (deputy.status !== 'unregistered' && !stationAncestry.includes(deputy.jurisdictionId)) {
        await this.assertCoversDeputy(actor, input.deputyId);
      }
    }
    return this.handle(input.deputyId, {
      type: 'AssignDeputyToStation',
      data: {
        deputyId: input.deputyId,
        station:
          station.status === 'unregistered'
            ? null
            : { stationId: station.stationId, open: station.status === 'open' },
        since: input.since,
      },
      metadata,
    });
  }

  /** Ends a deputy's assignment to a station; the actor covers the station or the deputy. */
  async remove(
    actor: Principal,
    input: { deputyId: string; stationId: string; until: string | null; reason: string },
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    const station = await this.stations.find(input.stationId);
    const stationAncestry =
      station.status === 'unregistered' ? [] : await this.jurisdictions.ancestry(station.jurisdictionId);
    if (!coversJurisdiction(actor, stationAncestry)) await this.assertCoversDeputy(actor, input.deputyId);
    return this.handle(input.deputyId, { type: 'RemoveDeputyFromStation', data: input, metadata });
  }

  /** Adds a deputy the actor covers to a group. */
  async joinGroup(
    actor: Principal,
    input: { deputyId: string; groupId: string; role: DeputyGroupRole },
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    await this.assertCoversDeputy(actor, input.deputyId);
    const group = await this.groups.find(input.groupId);
    return this.handle(input.deputyId, {
      type: 'JoinDeputyGroup',
      data: {
        deputyId: input.deputyId,
        group:
          group.status === 'unformed' ? null : { groupId: group.groupId, active: group.status === 'active' },
        role: input.role,
      },
      metadata,
    });
  }

  /** Takes a deputy the actor covers out of a group. */
  async leaveGroup(actor: Principal, deputyId: string, groupId: string, metadata: CommandMetadata) {
    await this.assertCoversDeputy(actor, deputyId);
    return this.handle(deputyId, { type: 'LeaveDeputyGroup', data: { deputyId, groupId }, metadata });
  }

  /** Records the end of a deputy's term (every station assignment and group membership ends with it). */
  async endTerm(actor: Principal, deputyId: string, endedOn: string | null, metadata: CommandMetadata) {
    await this.assertCoversDeputy(actor, deputyId);
    return this.handle(deputyId, { type: 'EndDeputyTerm', data: { deputyId, endedOn }, metadata });
  }

  /** Records a deputy's resignation. */
  async resign(
    actor: Principal,
    input: { deputyId: string; resignedOn: string | null; reason: string },
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    await this.assertCoversDeputy(actor, input.deputyId);
    return this.handle(input.deputyId, { type: 'ResignDeputy', data: input, metadata });
  }

  private handle(deputyId: string, command: DeputyCommand): Promise<CommandOutcome> {
    return this.handler.handle(deputyStream(deputyId), command);
  }

  private async assertCoversDeputy(actor: Principal, deputyId: string): Promise<void> {
    const deputy = await this.find(deputyId);
    if (deputy.status === 'unregistered') return; // the decider reports DEPUTY_NOT_FOUND
    assertCovers(actor, await this.jurisdictions.ancestry(deputy.jurisdictionId), `deputy ${deputyId}`);
  }
}
