// The duty scheduler: on a clock it is given, sends due reminders and turns unattended duty days into no-shows.
import type { Principal } from '@liaison/auth';
import type { CommandMetadata } from '@liaison/decider';
import type { Page, ReadDocument, ReadStore } from '@liaison/readstore';
import type { DutyReminders, ReminderRunSummary } from '../reminders/duty-reminders.js';
import type { DutyDayDocument } from '../rosters/projection.js';
import type { RosterService } from '../rosters/service.js';

export interface TickSummary {
  reminders: ReminderRunSummary;
  /** No-shows this tick recorded (others may have been recorded by another scheduler). */
  noShows: number;
}

export interface DutySchedulerOptions {
  reminders: DutyReminders;
  rosters: RosterService;
  readStore: ReadStore;
  /** The clock; injected so tests and replays control time. */
  now: () => Date;
  /** Pause between ticks when started. */
  intervalMs: number;
  /** Called with a tick's outcome or its error (the loop keeps going). */
  onTick?: (summary: TickSummary) => void;
  onError?: (error: unknown) => void;
}

/** The scheduler acts as a system principal with the rights of an administrator. */
const SYSTEM: Principal = { userId: 'scheduler', roles: ['admin'], jurisdictionId: null };

export class DutyScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> | null = null;
  private stopped = true;

  constructor(private readonly options: DutySchedulerOptions) {}

  /** One pass: reminders due now, then no-shows for days that ended. */
  async tick(): Promise<TickSummary> {
    const now = this.options.now();
    const reminders = await this.options.reminders.sendDue(now);
    const noShows = await this.recordNoShows(now);
    return { reminders, noShows };
  }

  /** Ticks every `intervalMs` until stopped. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    const loop = () => {
      if (this.stopped) return;
      this.running = this.tick()
        .then((summary) => this.options.onTick?.(summary))
        .catch((error: unknown) => this.options.onError?.(error))
        .finally(() => {
          this.running = null;
          if (!this.stopped) this.timer = setTimeout(loop, this.options.intervalMs);
        });
    };
    loop();
  }

  /** Stops ticking and waits for a running tick to finish. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private async recordNoShows(now: Date): Promise<number> {
    let recorded = 0;
    let after: string | null = null;
    do {
      const page: Page<DutyDayDocument & ReadDocument> = await this.options.readStore.find('duty_days', {
        filter: { openAttendance: true, endsAt: { lte: now.toISOString() }, status: 'scheduled' },
        sort: [['endsAt', 'asc']],
        first: 200,
        after,
      });
      for (const day of page.items) {
        for (const entry of day.deputies) {
          if (entry.status !== 'on-duty') continue;
          const commandId = `no-show:${day.stationId}:${day.date}:${entry.deputyId}`;
          const metadata: CommandMetadata = {
            commandId,
            actorId: SYSTEM.userId,
            role: 'system',
            jurisdictionId: null,
            now: now.toISOString(),
            correlationId: commandId,
            causationId: null,
          };
          const outcome = await this.options.rosters.recordNoShow(
            SYSTEM,
            { stationId: day.stationId, date: day.date, deputyId: entry.deputyId },
            metadata,
          );
          if (outcome.ok && !outcome.duplicate && outcome.eventCount > 0) recorded++;
        }
      }
      after = page.hasNextPage ? page.endCursor : null;
    } while (after);
    return recorded;
  }
}
