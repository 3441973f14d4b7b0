// The roster calendar process: when an office changes its working-day calendar, it re-checks the published duty
// days on that date at every station under the office, so that a day that became a holiday moves by its roster's
// holiday policy (and its reminders go out for the new day).
import type { EventStore, RecordedEvent } from '@liaison/eventstore';
import type { Page, ReadDocument, ReadStore } from '@liaison/readstore';
import { pathOf } from '../jurisdictions/projection.js';
import type { JurisdictionService } from '../jurisdictions/service.js';
import type { OfficeCalendarEvent } from '../office-calendars/events.js';
import { LogProcess, processCommandMetadata, untilProjected } from '../shared/log-follower.js';
import type { DutyDayDocument } from './projection.js';
import type { RosterService } from './service.js';

export const ROSTER_CALENDAR_CHECKPOINT = 'process:roster-calendar';

/** Calendar changes that can turn a published duty day into a holiday. */
const TRIGGERS = ['OfficeCalendarDayDeclared', 'OfficeCalendarDayCleared'] as const;

export interface RosterCalendarDeps {
  eventStore: EventStore;
  readStore: ReadStore;
  jurisdictions: JurisdictionService;
  rosters: RosterService;
  /** Resolves true once the read models have folded the log up to `position`. */
  waitForPosition(position: number, timeoutMs: number): Promise<boolean>;
  now(): Date;
  /** Told about a refused command (a day that already started: skipped) or a failed batch (retried). */
  onError?(error: unknown): void;
}

export class RosterCalendarProcess extends LogProcess {
  constructor(private readonly deps: RosterCalendarDeps) {
    super({
      eventStore: deps.eventStore,
      readStore: deps.readStore,
      checkpoint: ROSTER_CALENDAR_CHECKPOINT,
      eventTypes: TRIGGERS,
      onError: (error) => deps.onError?.(error),
    });
  }

  /** Handles one calendar change; every command it issues is idempotent, so handling it twice changes nothing. */
  override async handle(recorded: RecordedEvent, signal?: AbortSignal): Promise<void> {
    const event = { type: recorded.type, data: recorded.data } as OfficeCalendarEvent;
    const { jurisdictionId, date } = event.data;
    const office = await this.deps.jurisdictions.find(jurisdictionId);
    if (office.status !== 'registered') return;
    // Rosters published up to now are in the read model; one published later was evaluated with this change.
    const head = await this.deps.eventStore.headPosition();
    await untilProjected(
      (position, timeoutMs) => this.deps.waitForPosition(position, timeoutMs),
      head,
      signal,
    );
    const reason =
      event.type === 'OfficeCalendarDayDeclared'
        ? `${date} declared a holiday (${event.data.name}) by the office of ${office.name}`
        : `${date} is a holiday again: the office of ${office.name} withdrew its working day`;
    const filter = {
      date,
      status: 'scheduled',
      jurisdictionPath: { prefix: pathOf(office.ancestorIds, jurisdictionId) },
    };
    for (let after: string | null = null; ;) {
      const page: Page<DutyDayDocument & ReadDocument> = await this.deps.readStore.find('duty_days', {
        filter,
        sort: [['stationId', 'asc']],
        first: 200,
        after,
      });
      for (const day of page.items) {
        if (signal?.aborted) return;
        const outcome = await this.deps.rosters.rescheduleForCalendar(
          { stationId: day.stationId, date, reason },
          processCommandMetadata(
            { actorId: 'process:roster-calendar', key: 'roster-calendar', now: this.deps.now() },
            recorded,
            day.stationId,
          ),
        );
        if (!outcome.ok) {
          this.deps.onError?.(
            new Error(
              `roster calendar: day ${date} of station ${day.stationId} not moved: ${outcome.error.code}: ${outcome.error.message}`,
            ),
          );
        }
      }
      if (!page.hasNextPage) return;
      after = page.endCursor;
    }
  }
}
