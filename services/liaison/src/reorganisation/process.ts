// The reorganisation process: when a jurisdiction is merged, split or moved, it moves the stations, deputies
// and sub-areas that were in it, one command per entity, and re-checks every later arrival.
import type { CommandMetadata, CommandOutcome } from '@liaison/decider';
import type { EventStore, RecordedEvent } from '@liaison/eventstore';
import type { ReadDocument, ReadStore } from '@liaison/readstore';
import type { DeputyService } from '../deputies/service.js';
import type { DeputyGroupService } from '../deputy-groups/service.js';
import { successorFor, type JurisdictionState } from '../jurisdictions/decider.js';
import { pathOf } from '../jurisdictions/projection.js';
import type { JurisdictionService } from '../jurisdictions/service.js';
import { shanghaiDate } from '../shared/dates.js';
import { LogProcess, processCommandMetadata, untilProjected } from '../shared/log-follower.js';
import type { StationService } from '../stations/service.js';

export const REORGANISATION_CHECKPOINT = 'process:reorganisation';

/** The events that can leave an entity in a dissolved jurisdiction or under a stale path. */
const TRIGGERS = [
  'JurisdictionMerged',
  'JurisdictionSplit',
  'JurisdictionReparented',
  'JurisdictionRegistered',
  'StationRegistered',
  'StationJurisdictionChanged',
  'DeputyRegistered',
  'DeputyJurisdictionChanged',
  'DeputyGroupFormed',
  'DeputyGroupJurisdictionChanged',
] as const;

/** More hops than any real chain of mergers; guards against a cycle that the deciders already refuse. */
const MAX_SUCCESSION_HOPS = 20;

export interface ReorganisationDeps {
  eventStore: EventStore;
  readStore: ReadStore;
  jurisdictions: JurisdictionService;
  stations: StationService;
  deputies: DeputyService;
  deputyGroups: DeputyGroupService;
  /** Resolves true once the read models have folded the log up to `position`. */
  waitForPosition(position: number, timeoutMs: number): Promise<boolean>;
  now(): Date;
  /** Told about a refused command (skipped) or a failed batch (retried). */
  onError?(error: unknown): void;
}

/** Where an entity placed in `jurisdictionId` belongs now: the active jurisdiction at the end of the successions. */
interface Destination {
  jurisdictionId: string;
  path: string;
  /** Set when the entity leaves a dissolved jurisdiction: the first dissolution on its way. */
  dissolution: { jurisdictionId: string; effectiveOn: string } | null;
}

export class ReorganisationProcess extends LogProcess {
  constructor(private readonly deps: ReorganisationDeps) {
    super({
      eventStore: deps.eventStore,
      readStore: deps.readStore,
      checkpoint: REORGANISATION_CHECKPOINT,
      eventTypes: TRIGGERS,
      onError: (error) => deps.onError?.(error),
    });
  }

  /** Handles one trigger; every command it issues is idempotent, so handling it twice changes nothing. */
  override async handle(event: RecordedEvent, signal?: AbortSignal): Promise<void> {
    const data = event.data as Record<string, unknown>;
    switch (event.type) {
      case 'JurisdictionMerged':
      case 'JurisdictionSplit':
      case 'JurisdictionReparented':
        // the read models must list what the jurisdiction held when the trigger was written
        await untilProjected((p, t) => this.deps.waitForPosition(p, t), event.globalPosition, signal);
        await this.relocateContents(data.jurisdictionId as string, event);
        return;
      case 'JurisdictionRegistered':
        await this.settleJurisdiction(data.jurisdictionId as string, event);
        return;
      case 'StationRegistered':
      case 'StationJurisdictionChanged':
        await this.settleStation(data.stationId as string, event);
        return;
      case 'DeputyRegistered':
      case 'DeputyJurisdictionChanged':
        await this.settleDeputy(data.deputyId as string, event);
        return;
      case 'DeputyGroupFormed':
      case 'DeputyGroupJurisdictionChanged':
        await this.settleGroup(data.groupId as string, event);
        return;
      default:
        return;
    }
  }

  private async relocateContents(jurisdictionId: string, trigger: RecordedEvent): Promise<void> {
    const byJurisdiction = { jurisdictionId };
    for (const child of await this.all('jurisdictions', { parentId: jurisdictionId })) {
      await this.settleJurisdiction(child.id, trigger);
    }
    for (const station of await this.all('stations', byJurisdiction))
      await this.settleStation(station.id, trigger);
    for (const deputy of await this.all('deputies', byJurisdiction))
      await this.settleDeputy(deputy.id, trigger);
    for (const group of await this.all('deputy_groups', byJurisdiction)) {
      await this.settleGroup(group.id, trigger);
    }
  }

  private async settleGroup(groupId: string, trigger: RecordedEvent): Promise<void> {
    const group = await this.deps.deputyGroups.find(groupId);
    if (group.status === 'unformed') return;
    const destination = await this.destination(group.jurisdictionId, groupId);
    if (destination === null) return;
    if (destination.jurisdictionId === group.jurisdictionId && destination.path === group.jurisdictionPath)
      return;
    await this.expect(
      this.deps.deputyGroups.moveTo(
        groupId,
        {
          to: { jurisdictionId: destination.jurisdictionId, path: destination.path },
          ...this.change(destination, trigger),
        },
        this.metadata(trigger, groupId),
      ),
    );
  }

  private async settleJurisdiction(jurisdictionId: string, trigger: RecordedEvent): Promise<void> {
    const state = await this.deps.jurisdictions.find(jurisdictionId);
    if (state.status === 'unregistered' || state.parentId === null) return;
    const destination = await this.destination(state.parentId, jurisdictionId);
    if (destination === null) return;
    const parent = await this.deps.jurisdictions.find(destination.jurisdictionId);
    if (parent.status === 'unregistered') return;
    const expected = [...parent.ancestorIds, destination.jurisdictionId];
    if (state.parentId === destination.jurisdictionId && state.ancestorIds.join('/') === expected.join('/'))
      return;
    await this.expect(
      this.deps.jurisdictions.reparent(
        jurisdictionId,
        destination.jurisdictionId,
        this.change(destination, trigger),
        this.metadata(trigger, jurisdictionId),
      ),
    );
  }

  private async settleStation(stationId: string, trigger: RecordedEvent): Promise<void> {
    const station = await this.deps.stations.find(stationId);
    if (station.status === 'unregistered') return;
    const destination = await this.destination(station.jurisdictionId, stationId);
    if (destination === null) return;
    if (
      destination.jurisdictionId === station.jurisdictionId &&
      destination.path === station.jurisdictionPath
    )
      return;
    // A jurisdiction has one online station: the dissolved one's closes rather than joining the successor's.
    if (station.kind === 'online' && station.status === 'open' && destination.dissolution) {
      await this.expect(
        this.deps.stations.closeFor(
          stationId,
          `jurisdiction ${destination.dissolution.jurisdictionId} was merged or split`,
          this.metadata(trigger, `close:${stationId}`),
        ),
      );
    }
    await this.expect(
      this.deps.stations.moveTo(
        stationId,
        {
          to: { jurisdictionId: destination.jurisdictionId, path: destination.path },
          ...this.change(destination, trigger),
        },
        this.metadata(trigger, stationId),
      ),
    );
  }

  private async settleDeputy(deputyId: string, trigger: RecordedEvent): Promise<void> {
    const deputy = await this.deps.deputies.find(deputyId);
    if (deputy.status === 'unregistered') return;
    const destination = await this.destination(deputy.jurisdictionId, deputyId);
    if (destination === null) return;
    if (destination.jurisdictionId === deputy.jurisdictionId && destination.path === deputy.jurisdictionPath)
      return;
    await this.expect(
      this.deps.deputies.moveTo(
        deputyId,
        {
          to: { jurisdictionId: destination.jurisdictionId, path: destination.path },
          ...this.change(destination, trigger),
        },
        this.metadata(trigger, deputyId),
      ),
    );
  }

  /** Follows the successions from `jurisdictionId` to an active jurisdiction, for the entity `entityId`. */
  private async destination(jurisdictionId: string, entityId: string): Promise<Destination | null> {
    let current: JurisdictionState = await this.deps.jurisdictions.find(jurisdictionId);
    let dissolution: Destination['dissolution'] = null;
    for (let hop = 0; hop < MAX_SUCCESSION_HOPS; hop++) {
      if (current.status === 'unregistered') return null;
      if (current.status === 'registered') {
        return {
          jurisdictionId: current.jurisdictionId,
          path: pathOf(current.ancestorIds, current.jurisdictionId),
          dissolution,
        };
      }
      dissolution ??= { jurisdictionId: current.jurisdictionId, effectiveOn: current.succession.effectiveOn };
      current = await this.deps.jurisdictions.find(successorFor(current.succession, entityId));
    }
    return null;
  }

  /** The effective day and cause of a move: the dissolution's, else the trigger's own day. */
  private change(destination: Destination, trigger: RecordedEvent) {
    const data = trigger.data as {
      effectiveOn?: string;
      jurisdictionId?: string;
      reorganisedJurisdictionId?: string;
    };
    return {
      effectiveOn:
        destination.dissolution?.effectiveOn ?? data.effectiveOn ?? shanghaiDate(trigger.occurredAt),
      reorganisedJurisdictionId:
        destination.dissolution?.jurisdictionId ??
        data.reorganisedJurisdictionId ??
        data.jurisdictionId ??
        destination.jurisdictionId,
    };
  }

  /** Deterministic command ids: handling the same trigger again is answered as a duplicate. */
  private metadata(trigger: RecordedEvent, target: string): CommandMetadata {
    return processCommandMetadata(
      { actorId: 'process:reorganisation', key: 'reorganise', now: this.deps.now() },
      trigger,
      target,
    );
  }

  private async expect(outcome: Promise<CommandOutcome>): Promise<void> {
    const result = await outcome;
    if (!result.ok)
      throw new Error(`reorganisation command refused: ${result.error.code}: ${result.error.message}`);
  }

  private async all(collection: string, filter: Record<string, string>): Promise<ReadDocument[]> {
    const items: ReadDocument[] = [];
    let after: string | null = null;
    for (;;) {
      const page: { items: ReadDocument[]; endCursor: string | null; hasNextPage: boolean } =
        await this.deps.readStore.find(collection, { filter, first: 1000, after });
      items.push(...page.items);
      if (!page.hasNextPage) return items;
      after = page.endCursor;
    }
  }
}
