// Sends each duty reminder exactly once: claimed through the event store, delivered with an idempotency key, recorded.
import { beijingDateOf, plusDays } from '@liaison/calendar';
import { eventIdFor } from '@liaison/decider';
import {
  StreamNotFoundError,
  WrongExpectedVersionError,
  type EventStore,
  type RecordedEvent,
} from '@liaison/eventstore';
import type { Page, ReadDocument, ReadStore } from '@liaison/readstore';
import { DateTime } from 'luxon';
import { NotificationError, type NotificationProvider } from '../notifications/notification-provider.js';
import type { DeputyDirectory } from '../rosters/deputy-directory.js';
import type { DutyDayDocument } from '../rosters/projection.js';
import { instantOf } from '../rosters/state.js';
import {
  reminderIdFor,
  reminderStream,
  type ReminderEvent,
  type ReminderKind,
  type ReminderRef,
} from './events.js';

export interface DutyRemindersOptions {
  /** Names this scheduler in the claims it writes. */
  schedulerId: string;
  /** How long a claim holds before another scheduler may take the reminder over (a crashed sender). */
  leaseMs?: number;
  /** Local time (Beijing) from which a day's reminders go out, `HH:mm`. */
  sendFrom?: string;
  /** Attempts after which a failing reminder is given up. */
  maxAttempts?: number;
}

export interface ReminderRunSummary {
  sent: number;
  /** Reminders another scheduler holds, already sent, or given up. */
  skipped: number;
  failed: number;
}

interface DueReminder extends ReminderRef {
  day: DutyDayDocument;
}

/** Which reminders are due at `now` for a day: three days before until the day before, then the day before until the window opens. */
export function dueKinds(
  day: Pick<DutyDayDocument, 'date' | 'window'>,
  now: Date,
  sendFrom: string,
): ReminderKind[] {
  const at = DateTime.fromJSDate(now);
  const threeDays = instantOf(plusDays(day.date, -3), sendFrom);
  const oneDay = instantOf(plusDays(day.date, -1), sendFrom);
  const start = instantOf(day.date, day.window.start);
  if (at >= threeDays && at < oneDay) return ['three-days'];
  if (at >= oneDay && at < start) return ['one-day'];
  return [];
}

/** The reminder process: run `sendDue(now)` on every scheduler tick. */
export class DutyReminders {
  private readonly leaseMs: number;
  private readonly sendFrom: string;
  private readonly maxAttempts: number;

  constructor(
    private readonly store: EventStore,
    private readonly readStore: ReadStore,
    private readonly provider: NotificationProvider,
    private readonly deputies: DeputyDirectory,
    private readonly options: DutyRemindersOptions,
  ) {
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.sendFrom = options.sendFrom ?? '09:00';
    this.maxAttempts = options.maxAttempts ?? 5;
  }

  /** Sends every reminder due at `now` that no scheduler has sent. */
  async sendDue(now: Date): Promise<ReminderRunSummary> {
    const summary: ReminderRunSummary = { sent: 0, skipped: 0, failed: 0 };
    for (const reminder of await this.due(now)) {
      const result = await this.deliver(reminder, now);
      summary[result]++;
    }
    return summary;
  }

  private async due(now: Date): Promise<DueReminder[]> {
    const today = beijingDateOf(now);
    const due: DueReminder[] = [];
    let after: string | null = null;
    do {
      const page: Page<DutyDayDocument & ReadDocument> = await this.readStore.find('duty_days', {
        filter: { date: { gte: today, lte: plusDays(today, 3) }, status: 'scheduled' },
        sort: [['date', 'asc']],
        first: 500,
        after,
      });
      for (const day of page.items) {
        for (const kind of dueKinds(day, now, this.sendFrom)) {
          for (const entry of day.deputies) {
            if (entry.status !== 'on-duty') continue;
            const reminderId = reminderIdFor(day.stationId, day.date, entry.deputyId, kind);
            due.push({
              reminderId,
              stationId: day.stationId,
              date: day.date,
              deputyId: entry.deputyId,
              kind,
              day,
            });
          }
        }
      }
      after = page.hasNextPage ? page.endCursor : null;
    } while (after);
    return due;
  }

  private async deliver(reminder: DueReminder, now: Date): Promise<keyof ReminderRunSummary> {
    const ref: ReminderRef = {
      reminderId: reminder.reminderId,
      stationId: reminder.stationId,
      date: reminder.date,
      deputyId: reminder.deputyId,
      kind: reminder.kind,
    };
    const history = await this.history(ref.reminderId);
    const events = history.map((event) => ({ type: event.type, data: event.data }) as ReminderEvent);
    if (events.some((event) => event.type === 'DutyReminderSent')) return 'skipped';
    const attempts = events.filter((event) => event.type === 'DutyReminderFailed').length;
    if (attempts >= this.maxAttempts) return 'skipped';
    const last = events.at(-1);
    if (
      last?.type === 'DutyReminderClaimed' &&
      DateTime.fromISO(last.data.leaseUntil) > DateTime.fromJSDate(now)
    ) {
      return 'skipped'; // another scheduler holds it
    }
    // Claim: only one scheduler appends at this version; the others get a conflict and leave it.
    let version = history.length;
    const leaseUntil = new Date(now.getTime() + this.leaseMs).toISOString();
    try {
      version = await this.append(ref, version, now, {
        type: 'DutyReminderClaimed',
        data: { ...ref, claimedBy: this.options.schedulerId, leaseUntil },
      });
    } catch (error) {
      if (error instanceof WrongExpectedVersionError) return 'skipped';
      throw error;
    }
    const contact = await this.deputies.contact(ref.deputyId);
    try {
      const { messageId } = await this.provider.send({
        key: ref.reminderId,
        to: { deputyId: ref.deputyId, name: contact?.name ?? null, phone: contact?.phone ?? null },
        template: 'duty-reminder',
        text: reminderText(reminder),
        data: {
          stationId: ref.stationId,
          date: ref.date,
          start: reminder.day.window.start,
          end: reminder.day.window.end,
          kind: ref.kind,
        },
      });
      await this.append(ref, version, now, {
        type: 'DutyReminderSent',
        data: {
          ...ref,
          provider: this.provider.name,
          providerMessageId: messageId,
          sentBy: this.options.schedulerId,
        },
      });
      return 'sent';
    } catch (error) {
      // A claim lost to a takeover after our lease ran out: the other scheduler records the outcome, and the
      // provider's idempotency key keeps the message single.
      if (error instanceof WrongExpectedVersionError) return 'skipped';
      if (!(error instanceof NotificationError)) throw error;
      await this.append(ref, version, now, {
        type: 'DutyReminderFailed',
        data: {
          ...ref,
          error: error.message,
          attempt: error.retryable ? attempts + 1 : this.maxAttempts,
          failedBy: this.options.schedulerId,
        },
      }).catch((appendError: unknown) => {
        if (!(appendError instanceof WrongExpectedVersionError)) throw appendError;
      });
      return 'failed';
    }
  }

  private async history(reminderId: string): Promise<RecordedEvent[]> {
    try {
      return await this.store.readStream(reminderStream(reminderId));
    } catch (error) {
      if (error instanceof StreamNotFoundError) return [];
      throw error;
    }
  }

  private async append(ref: ReminderRef, version: number, now: Date, event: ReminderEvent): Promise<number> {
    const stream = reminderStream(ref.reminderId);
    const commandId = `${this.options.schedulerId}:${ref.reminderId}:${version}`;
    const result = await this.store.append(
      stream,
      [
        {
          id: eventIdFor(commandId, stream, 0),
          type: event.type,
          data: event.data,
          occurredAt: now.toISOString(),
          metadata: {
            actorId: this.options.schedulerId,
            role: 'system',
            jurisdictionId: null,
            commandId,
            correlationId: ref.reminderId,
            causationId: null,
          },
        },
      ],
      { expectedVersion: version === 0 ? 'no_stream' : version },
    );
    return result.streamVersion;
  }
}

/** The reminder's text, in Chinese as deputies receive it. */
function reminderText(reminder: DueReminder): string {
  const when = reminder.kind === 'three-days' ? '三天后' : '明天';
  return `【代表联络站】您好，您${when}（${reminder.date} ${reminder.day.window.start}-${reminder.day.window.end}）在联络站值班接待选民，请准时签到。如需请假，请在值班日前提出。`;
}
