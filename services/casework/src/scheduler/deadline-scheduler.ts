// Raises deadline-near, overdue and escalation events for open assignments; each exactly once, across restarts
// and concurrent schedulers: the decider refuses repeats and the command ids are deterministic.
import type { CommandMetadata } from '@liaison/decider';
import type { Page } from '@liaison/readstore';
import type { CaseworkDeps } from '../shared/module-deps.js';
import { ancestryOf } from '../shared/access.js';
import { beijingDate, officeAncestry, type WorkingDayCalendar } from '../shared/working-days.js';
import type { SuggestionDocument } from '../suggestions/projection.js';
import { SuggestionService } from '../suggestions/service.js';

export interface DeadlineSchedulerOptions {
  /** How often `start` ticks; default one minute. */
  intervalMs?: number;
  /** Documents read per page while scanning. */
  pageSize?: number;
  onError?: (error: unknown) => void;
}

export interface TickReport {
  deadlineNear: number;
  overdue: number;
  escalated: number;
  feedbackOverdue: number;
}

export class DeadlineScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly suggestions: SuggestionService,
    private readonly deps: CaseworkDeps,
  ) {}

  /** One pass over open assignments at `now`; returns how many events it raised. */
  async tick(now: Date = this.deps.now()): Promise<TickReport> {
    const { calendars, settings } = this.deps;
    const today = beijingDate(now);
    // Each case counts on the calendar of the office that assigned it, so the store is asked for a window in
    // calendar days wide enough for any of them (Golden Week and weekends add at most three weeks to a short
    // near-window); each case is then checked on its own calendar.
    const window = addCalendarDays(today, settings.deadlineNearWorkingDays * 2 + 21);
    const byOffice = new Map<string, Promise<WorkingDayCalendar>>();
    const calendarOf = (suggestion: SuggestionDocument) => {
      const ancestry = officeAncestry(ancestryOf(suggestion.jurisdictionPath), suggestion.calendarOfficeId);
      const key = ancestry.join('/');
      let calendar = byOffice.get(key);
      if (!calendar) byOffice.set(key, (calendar = calendars.forOffice(ancestry)));
      return calendar;
    };
    const report: TickReport = { deadlineNear: 0, overdue: 0, escalated: 0, feedbackOverdue: 0 };
    let after: string | null = null;
    do {
      const page: Page<SuggestionDocument> = await this.deps.readStore.find<SuggestionDocument>(
        'suggestions',
        {
          filter: { status: { in: ['assigned', 'handling'] }, deadline: { lte: window } },
          sort: [['deadline', 'asc']],
          first: 200,
          after,
        },
      );
      for (const suggestion of page.items) {
        const no = suggestion.assignmentNo;
        const deadline = suggestion.deadline;
        if (no === null || deadline === null) continue;
        const calendar = await calendarOf(suggestion);
        if (deadline > (await calendar.addWorkingDays(today, settings.deadlineNearWorkingDays))) continue;
        const metadata = (step: string): CommandMetadata => ({
          commandId: `scheduler:${step}:${suggestion.id}:${no}`,
          actorId: 'scheduler',
          role: 'system',
          jurisdictionId: null,
          now: now.toISOString(),
          correlationId: `scheduler:${suggestion.id}:${no}`,
          causationId: null,
        });
        const raised = async (step: string, command: Parameters<SuggestionService['act']>[2]) => {
          const outcome = await this.suggestions.act(null, suggestion.id, command, metadata(step));
          return outcome.ok && outcome.eventCount > 0 && !outcome.duplicate;
        };
        if (
          !suggestion.deadlineNear &&
          (await raised('near', { type: 'MarkDeadlineNear', data: { assignmentNo: no } }))
        )
          report.deadlineNear += 1;
        if (deadline < today) {
          if (
            !suggestion.overdue &&
            (await raised('overdue', { type: 'MarkOverdue', data: { assignmentNo: no } }))
          )
            report.overdue += 1;
          const late = await calendar.workingDaysBetween(deadline, today);
          if (!suggestion.escalatedTo && late >= settings.escalateAfterWorkingDays) {
            const supervisingJurisdictionId = SuggestionService.supervisingJurisdiction(
              suggestion.jurisdictionPath,
            );
            if (
              await raised('escalate', {
                type: 'EscalateOverdue',
                data: { assignmentNo: no, supervisingJurisdictionId },
              })
            )
              report.escalated += 1;
          }
        }
      }
      after = page.hasNextPage ? page.endCursor : null;
    } while (after);
    report.feedbackOverdue = await this.feedbackPass(now, today);
    return report;
  }

  /** Flags replies whose consenting voters were not all told by the feedback due date; once per reply. */
  private async feedbackPass(now: Date, today: string): Promise<number> {
    let raised = 0;
    let after: string | null = null;
    do {
      const page: Page<SuggestionDocument> = await this.deps.readStore.find<SuggestionDocument>(
        'suggestions',
        {
          filter: { status: 'replied', feedbackOverdue: false, feedbackDueOn: { lt: today } },
          sort: [['feedbackDueOn', 'asc']],
          first: 200,
          after,
        },
      );
      for (const suggestion of page.items) {
        const replyNo = suggestion.replies.at(-1)?.replyNo;
        if (replyNo === undefined || suggestion.feedbackDueOn === null) continue;
        const outcome = await this.suggestions.act(
          null,
          suggestion.id,
          { type: 'MarkFeedbackOverdue', data: { replyNo, dueOn: suggestion.feedbackDueOn } },
          {
            commandId: `scheduler:feedback:${suggestion.id}:${replyNo}`,
            actorId: 'scheduler',
            role: 'system',
            jurisdictionId: null,
            now: now.toISOString(),
            correlationId: `scheduler:${suggestion.id}:feedback`,
            causationId: null,
          },
        );
        if (outcome.ok && outcome.eventCount > 0 && !outcome.duplicate) raised += 1;
      }
      after = page.hasNextPage ? page.endCursor : null;
    } while (after);
    return raised;
  }

  /** Ticks every `intervalMs` until `stop`; a failing tick is reported and the next one tries again. */
  start(options: DeadlineSchedulerOptions = {}): void {
    if (this.timer) return;
    const interval = options.intervalMs ?? 60_000;
    const run = () => {
      this.running = this.tick().catch((error: unknown) => options.onError?.(error));
    };
    this.timer = setInterval(run, interval);
    this.timer.unref();
    run();
  }

  /** Stops ticking and waits for a tick under way. */
  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}

function addCalendarDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
