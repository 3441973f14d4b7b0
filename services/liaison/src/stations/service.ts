// Station use cases: resolve jurisdiction and parent facts, check scope, and hand the command to the handler.
import type { Principal } from '@liaison/auth';
import {
  domainError,
  eventIdFor,
  type CommandHandler,
  type CommandMetadata,
  type CommandOutcome,
} from '@liaison/decider';
import { assertCovers } from '../shared/access.js';
import { newEntityId } from '../shared/ids.js';
import { pathOf } from '../jurisdictions/projection.js';
import type { JurisdictionService } from '../jurisdictions/service.js';
import type { RegisterStationData, StationCommand } from './commands.js';
import type { StationState } from './decider.js';
import {
  stationStream,
  type OpeningRules,
  type StationEvent,
  type StationKind,
  type StationSpecialisation,
} from './events.js';

export type StationHandler = CommandHandler<StationState, StationCommand, StationEvent>;

export interface RegisterStationInput {
  jurisdictionId: string;
  name: string;
  kind: StationKind;
  address: string;
  parentStationId: string | null;
  specialisation?: StationSpecialisation | null;
  openingRules?: OpeningRules | null;
  facilities?: string[] | null;
}

/** Every station command after registration; each names its station. */
export type StationChange = Exclude<StationCommand, { type: 'RegisterStation' }>;

export class StationService {
  constructor(
    private readonly handler: StationHandler,
    private readonly jurisdictions: JurisdictionService,
  ) {}

  /** The current state of one station, from its stream. */
  async find(stationId: string): Promise<StationState> {
    return (await this.handler.state(stationStream(stationId))).state;
  }

  /** Registers a station in a jurisdiction the actor covers. */
  async register(
    actor: Principal,
    input: RegisterStationInput,
    metadata: CommandMetadata,
  ): Promise<CommandOutcome & { stationId: string }> {
    // A jurisdiction's online station has an id derived from the jurisdiction: a second one lands on the
    // same stream, so the event store's version check keeps it to one even under concurrent requests.
    const stationId =
      input.kind === 'online'
        ? eventIdFor(`online-station:${input.jurisdictionId}`, 'station', 0)
        : newEntityId(metadata.commandId, 'station');
    const jurisdiction = await this.jurisdictions.find(input.jurisdictionId);
    let facts: RegisterStationData['jurisdiction'] = null;
    if (jurisdiction.status === 'registered') {
      assertCovers(
        actor,
        [...jurisdiction.ancestorIds, jurisdiction.jurisdictionId],
        `jurisdiction ${input.jurisdictionId}`,
      );
      facts = {
        jurisdictionId: jurisdiction.jurisdictionId,
        path: pathOf(jurisdiction.ancestorIds, jurisdiction.jurisdictionId),
      };
    }
    let parentStation: RegisterStationData['parentStation'] = null;
    if (input.parentStationId !== null) {
      const parent = (await this.handler.state(stationStream(input.parentStationId))).state;
      if (parent.status === 'unregistered') {
        return {
          ok: false,
          error: domainError('PARENT_STATION_NOT_FOUND', `no station ${input.parentStationId}`, [
            'parentStationId',
          ]),
          stationId,
        };
      }
      parentStation = {
        stationId: parent.stationId,
        jurisdictionId: parent.jurisdictionId,
        kind: parent.kind,
        open: parent.status === 'open',
      };
    }
    const outcome = await this.handler.handle(stationStream(stationId), {
      type: 'RegisterStation',
      data: {
        stationId,
        name: input.name,
        kind: input.kind,
        address: input.address,
        jurisdiction: facts,
        parentStation,
        specialisation: input.specialisation ?? null,
        openingRules: input.openingRules ?? null,
        facilities: input.facilities ?? null,
      },
      metadata,
    });
    return { ...outcome, stationId };
  }

  /** Renames a station the actor covers. */
  async rename(
    actor: Principal,
    stationId: string,
    name: string,
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    await this.assertActorCovers(actor, stationId);
    return this.handler.handle(stationStream(stationId), {
      type: 'RenameStation',
      data: { stationId, name },
      metadata,
    });
  }

  /** Closes a station the actor covers. */
  async close(
    actor: Principal,
    stationId: string,
    reason: string,
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    await this.assertActorCovers(actor, stationId);
    return this.handler.handle(stationStream(stationId), {
      type: 'CloseStation',
      data: { stationId, reason },
      metadata,
    });
  }

  /** Applies a change (details, staff, opinion boxes, relocation) to a station the actor covers. */
  async change(actor: Principal, command: StationChange): Promise<CommandOutcome> {
    await this.assertActorCovers(actor, command.data.stationId);
    return this.handler.handle(stationStream(command.data.stationId), command);
  }

  private async assertActorCovers(actor: Principal, stationId: string): Promise<void> {
    const station = (await this.handler.state(stationStream(stationId))).state;
    if (station.status === 'unregistered') return; // the decider reports STATION_NOT_FOUND
    const jurisdiction = await this.jurisdictions.find(station.jurisdictionId);
    const ancestry =
      jurisdiction.status === 'registered' ? [...jurisdiction.ancestorIds, jurisdiction.jurisdictionId] : [];
    assertCovers(actor, ancestry, `station ${stationId}`);
  }
}
