// Office calendar use cases: scope checks, and the calendar that applies to a jurisdiction.
import type { Principal } from '@liaison/auth';
import {
  buildCalendar,
  type OfficeCalendar,
  type OfficeDayKind,
  type WorkingDayCalendar,
} from '@liaison/calendar';
import {
  domainError,
  type CommandHandler,
  type CommandMetadata,
  type CommandOutcome,
} from '@liaison/decider';
import type { JurisdictionService } from '../jurisdictions/service.js';
import { assertCovers } from '../shared/access.js';
import type { OfficeCalendarCommand } from './commands.js';
import type { OfficeCalendarState } from './decider.js';
import { officeCalendarStream, type OfficeCalendarEvent } from './events.js';

export type OfficeCalendarHandler = CommandHandler<
  OfficeCalendarState,
  OfficeCalendarCommand,
  OfficeCalendarEvent
>;

export class OfficeCalendarService {
  constructor(
    private readonly handler: OfficeCalendarHandler,
    private readonly jurisdictions: JurisdictionService,
  ) {}

  /** Declares a day off or a working day for a jurisdiction the actor covers (and every area below it). */
  async declare(
    actor: Principal,
    input: { jurisdictionId: string; date: string; kind: OfficeDayKind; name: string },
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    const missing = await this.assertActorCovers(actor, input.jurisdictionId);
    if (missing) return missing;
    return this.handler.handle(officeCalendarStream(input.jurisdictionId), {
      type: 'DeclareOfficeCalendarDay',
      data: input,
      metadata,
    });
  }

  /** Withdraws an office's declaration for a date. */
  async clear(
    actor: Principal,
    input: { jurisdictionId: string; date: string },
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    const missing = await this.assertActorCovers(actor, input.jurisdictionId);
    if (missing) return missing;
    return this.handler.handle(officeCalendarStream(input.jurisdictionId), {
      type: 'ClearOfficeCalendarDay',
      data: input,
      metadata,
    });
  }

  /** One office's adjustments with the stream version they were read at. */
  async officeCalendar(jurisdictionId: string): Promise<OfficeCalendar> {
    const { state, version } = await this.handler.state(officeCalendarStream(jurisdictionId));
    return { officeId: jurisdictionId, version, days: Object.values(state.days) };
  }

  /** The calendar in force for a jurisdiction: national data, then each office from the root down to it. */
  async calendarFor(ancestry: readonly string[]): Promise<WorkingDayCalendar> {
    const offices = await Promise.all(ancestry.map((id) => this.officeCalendar(id)));
    return buildCalendar({ offices: offices.filter((office) => office.version > 0) });
  }

  private async assertActorCovers(actor: Principal, jurisdictionId: string): Promise<CommandOutcome | null> {
    const jurisdiction = await this.jurisdictions.find(jurisdictionId);
    if (jurisdiction.status !== 'registered') {
      return {
        ok: false,
        error: domainError('JURISDICTION_NOT_FOUND', `no jurisdiction ${jurisdictionId}`, ['jurisdictionId']),
      };
    }
    assertCovers(actor, [...jurisdiction.ancestorIds, jurisdictionId], `jurisdiction ${jurisdictionId}`);
    return null;
  }
}
