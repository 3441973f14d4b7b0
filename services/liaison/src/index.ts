// The liaison module's manifest: what the composition root needs to run every liaison slice.
import { CommandHandler } from '@liaison/decider';
import {
  ActivityParticipantResolver,
  ActivityResolver,
  readableActivity,
} from './activities/activity.resolver.js';
import { activityDecider } from './activities/decider.js';
import { activitiesProjection } from './activities/projection.js';
import { ActivityService } from './activities/service.js';
import {
  AssessmentResolver,
  RankedStationResolver,
  readableAssessment,
} from './assessments/assessment.resolver.js';
import { ChecklistResolver, readableChecklist } from './assessments/checklists/checklist.resolver.js';
import { checklistDecider } from './assessments/checklists/decider.js';
import { checklistsProjection } from './assessments/checklists/projection.js';
import { ChecklistService } from './assessments/checklists/service.js';
import { assessmentDecider } from './assessments/decider.js';
import { assessmentsProjection } from './assessments/projection.js';
import { assessmentRankingsProjection } from './assessments/ranking-projection.js';
import { ratingScaleDecider } from './assessments/rating-scales/decider.js';
import { RatingScaleResolver } from './assessments/rating-scales/rating-scale.resolver.js';
import { RatingScaleService } from './assessments/rating-scales/service.js';
import { AssessmentService } from './assessments/service.js';
import { recordsProjection } from './records/projection.js';
import {
  AttendanceReportResolver,
  DeputyFiguresResolver,
  DeputyRecordResolver,
  RecordedActivityResolver,
  UnitFiguresResolver,
} from './records/record.resolver.js';
import { stationFactsFrom } from './shared/station-facts.js';
import type { EventStore } from '@liaison/eventstore';
import type { GatewayModule, NodeFetcher } from '@liaison/graphql-kit';
import type { Projection } from '@liaison/projector';
import { jurisdictionDecider } from './jurisdictions/decider.js';
import { jurisdictionLoader, JurisdictionResolver } from './jurisdictions/jurisdiction.resolver.js';
import { Jurisdiction } from './jurisdictions/jurisdiction.type.js';
import { jurisdictionsProjection } from './jurisdictions/projection.js';
import { JurisdictionService } from './jurisdictions/service.js';
import { deputyAssignmentsProjection } from './deputies/assignments-projection.js';
import { canReadDeputy } from './deputies/deputy-access.js';
import { deputyDecider } from './deputies/decider.js';
import {
  DeputyAssignmentResolver,
  deputyLoader,
  DeputyResolver,
  StationDeputiesResolver,
} from './deputies/deputy.resolver.js';
import { Deputy } from './deputies/deputy.type.js';
import { deputiesProjection } from './deputies/projection.js';
import { DeputyService } from './deputies/service.js';
import { deputyGroupDecider } from './deputy-groups/decider.js';
import {
  deputyGroupLoader,
  DeputyGroupMembershipResolver,
  DeputyGroupResolver,
  DeputyGroupsOfDeputyResolver,
} from './deputy-groups/deputy-group.resolver.js';
import { DeputyGroup } from './deputy-groups/deputy-group.type.js';
import { deputyGroupsProjection } from './deputy-groups/projection.js';
import { DeputyGroupService } from './deputy-groups/service.js';
import { ReorganisationProcess } from './reorganisation/process.js';
import { coversPath, STAFF_READERS } from './shared/access.js';
import type { LiaisonDeps } from './shared/module-deps.js';
import type { NotificationProvider } from './notifications/notification-provider.js';
import { outboxProjection } from './notifications/outbox.js';
import { OutboxResolver } from './notifications/outbox.resolver.js';
import { officeCalendarDecider } from './office-calendars/decider.js';
import { OfficeCalendarResolver } from './office-calendars/office-calendar.resolver.js';
import { OfficeCalendarService } from './office-calendars/service.js';
import { DutyReminders, type DutyRemindersOptions } from './reminders/duty-reminders.js';
import { AttendanceResolver } from './rosters/attendance.resolver.js';
import { rosterDecider } from './rosters/decider.js';
import { DeputyServiceDirectory } from './rosters/deputy-directory.js';
import { dutyDayLoader, mayReadDutyDay } from './rosters/duty-day.mutation.js';
import { DutyDay } from './rosters/duty-day.type.js';
import { dutyDaysProjection } from './rosters/projection.js';
import { PublicDutyDayResolver, RosterResolver } from './rosters/roster.resolver.js';
import { RosterCalendarProcess } from './rosters/calendar-process.js';
import { RosterService } from './rosters/service.js';
import { DutyScheduler, type DutySchedulerOptions } from './scheduler/duty-scheduler.js';
import { deputyPlacementsProjection, stationPlacementsProjection } from './shared/placements.js';
import { JurisdictionPlacementResolver } from './shared/placement.type.js';
import { stationDecider } from './stations/decider.js';
import { stationsProjection } from './stations/projection.js';
import { StationService } from './stations/service.js';
import { JurisdictionStationsResolver, stationLoader, StationResolver } from './stations/station.resolver.js';
import { Station } from './stations/station.type.js';
import { StationBoardResolver } from './stations/station-board.resolver.js';
import { StationDetailsResolver } from './stations/station-details.resolver.js';

export type { LiaisonDeps } from './shared/module-deps.js';
export {
  JURISDICTION_EVENT_TYPES,
  jurisdictionStream,
  type JurisdictionEvent,
} from './jurisdictions/events.js';
export { STATION_EVENT_TYPES, stationStream, type StationEvent } from './stations/events.js';
export { JurisdictionService } from './jurisdictions/service.js';
export { StationService } from './stations/service.js';
export { DEPUTY_EVENT_TYPES, deputyStream, type DeputyEvent } from './deputies/events.js';
export type { DeputyState } from './deputies/decider.js';
export { DeputyService } from './deputies/service.js';
export {
  DEPUTY_GROUP_EVENT_TYPES,
  deputyGroupStream,
  type DeputyGroupEvent,
} from './deputy-groups/events.js';
export { DeputyGroupService } from './deputy-groups/service.js';
export { ACTIVITY_EVENT_TYPES, activityStream, type ActivityEvent } from './activities/events.js';
export { ActivityService } from './activities/service.js';
export { ASSESSMENT_EVENT_TYPES, assessmentStream, type AssessmentEvent } from './assessments/events.js';
export {
  CHECKLIST_EVENT_TYPES,
  checklistStream,
  type ChecklistEvent,
} from './assessments/checklists/events.js';
export {
  RATING_SCALE_EVENT_TYPES,
  ratingScaleStream,
  type RatingScaleEvent,
} from './assessments/rating-scales/events.js';
export { AssessmentService } from './assessments/service.js';
export { ChecklistService } from './assessments/checklists/service.js';
export { NINE_HAVES_ITEMS } from './assessments/checklists/nine-haves.js';
export { RatingScaleService } from './assessments/rating-scales/service.js';
export { recordsProjection, recordsProjectionOf } from './records/projection.js';
export { readAttendanceReport, readDeputyRecord } from './records/report.js';
export type { RecordSource, Contribution } from './records/sources/contribution.js';

/**
 * Conflict retries for streams many people write at the same moment: a room of deputies signing in to one
 * activity, assessors scoring one station. Each retry re-reads only the new events; the bound stops a livelock.
 */
const HOT_STREAM_RETRIES = 50;
export { OfficeCalendarService } from './office-calendars/service.js';
export { OFFICE_CALENDAR_EVENT_TYPES, officeCalendarStream } from './office-calendars/events.js';
export { RosterService } from './rosters/service.js';
export { ROSTER_EVENT_TYPES, rosterStream, type RosterEvent } from './rosters/events.js';
export {
  DeputyServiceDirectory,
  InMemoryDeputyDirectory,
  type DeputyContactPoint,
  type DeputyDirectory,
} from './rosters/deputy-directory.js';
export type { DutyDayDocument } from './rosters/projection.js';
export {
  NotificationError,
  type Notification,
  type NotificationProvider,
} from './notifications/notification-provider.js';
export { HttpSmsProvider, type HttpSmsProviderOptions } from './notifications/http-sms-provider.js';
export { OutboxProvider, notificationStream } from './notifications/outbox.js';
export { REMINDER_EVENT_TYPES, reminderIdFor, reminderStream } from './reminders/events.js';
export { DutyReminders, dueKinds, type ReminderRunSummary } from './reminders/duty-reminders.js';
export { DutyScheduler, type TickSummary } from './scheduler/duty-scheduler.js';

/** The deciders of the liaison module by stream category, for rebuilding an aggregate as it stood ("as of"). */
export const liaisonDeciders = { jurisdiction: jurisdictionDecider, station: stationDecider } as const;
export { ReorganisationProcess, REORGANISATION_CHECKPOINT } from './reorganisation/process.js';
export { RosterCalendarProcess, ROSTER_CALENDAR_CHECKPOINT } from './rosters/calendar-process.js';

/** The read models the liaison module's queries need. */
export const liaisonProjections: Projection[] = [
  jurisdictionsProjection,
  stationsProjection,
  deputiesProjection,
  deputyAssignmentsProjection,
  deputyGroupsProjection,
  activitiesProjection,
  checklistsProjection,
  assessmentsProjection,
  assessmentRankingsProjection,
  recordsProjection,
  dutyDaysProjection,
  outboxProjection,
  stationPlacementsProjection,
  deputyPlacementsProjection,
];

export interface LiaisonModule {
  projections: Projection[];
  gateway: GatewayModule;
  jurisdictions: JurisdictionService;
  stations: StationService;
  deputies: DeputyService;
  deputyGroups: DeputyGroupService;
  activities: ActivityService;
  assessments: AssessmentService;
  checklists: ChecklistService;
  ratingScales: RatingScaleService;
  calendars: OfficeCalendarService;
  rosters: RosterService;
  /** A duty scheduler (reminders and no-shows) delivering through `provider`; the caller starts and stops it. */
  scheduler(
    provider: NotificationProvider,
    options: DutyRemindersOptions & Pick<DutySchedulerOptions, 'intervalMs' | 'onTick' | 'onError'>,
  ): DutyScheduler;
  /** Moves stations, deputies and areas after mergers and splits; run it where the projector runs. */
  reorganisation: ReorganisationProcess;
  /** Moves published duty days off dates an office calendar change made holidays; run it where the projector runs. */
  rosterCalendar: RosterCalendarProcess;
  /** Every process above, for the composition root to start and stop. */
  processes: Array<ReorganisationProcess | RosterCalendarProcess>;
}

/** Wires the liaison module from its dependencies. */
export function createLiaisonModule(eventStore: EventStore, deps: LiaisonDeps): LiaisonModule {
  const jurisdictions = new JurisdictionService(new CommandHandler(eventStore, jurisdictionDecider));
  const stationHandler = new CommandHandler(eventStore, stationDecider);
  const stations = new StationService(stationHandler, jurisdictions);
  const deputyGroups = new DeputyGroupService(
    new CommandHandler(eventStore, deputyGroupDecider),
    jurisdictions,
  );
  const deputies = new DeputyService(
    new CommandHandler(eventStore, deputyDecider),
    jurisdictions,
    stations,
    deputyGroups,
    deps.personalData,
  );
  const stationFacts = stationFactsFrom(stationHandler, jurisdictions);
  const activities = new ActivityService(
    new CommandHandler(eventStore, activityDecider, { maxRetries: HOT_STREAM_RETRIES }),
    jurisdictions,
    stationFacts,
    {
      async standing(deputyId) {
        const deputy = await deputies.find(deputyId);
        return deputy.status === 'unregistered' ? null : deputy.status === 'serving' ? 'serving' : 'ended';
      },
    },
  );
  const checklists = new ChecklistService(new CommandHandler(eventStore, checklistDecider), jurisdictions);
  const ratingScales = new RatingScaleService(
    new CommandHandler(eventStore, ratingScaleDecider),
    jurisdictions,
  );
  const assessments = new AssessmentService(
    new CommandHandler(eventStore, assessmentDecider, { maxRetries: HOT_STREAM_RETRIES }),
    stationFacts,
    checklists,
    ratingScales,
  );
  const calendars = new OfficeCalendarService(
    new CommandHandler(eventStore, officeCalendarDecider),
    jurisdictions,
  );
  const deputyDirectory = deps.deputies ?? new DeputyServiceDirectory(deputies, deps.personalData);
  const rosters = new RosterService({
    // deputies of one station check in at once on one stream: allow more conflict retries than the default
    handler: new CommandHandler(eventStore, rosterDecider, { maxRetries: 20 }),
    findStation: (stationId) => stations.find(stationId),
    jurisdictions,
    calendars,
    deputies: deputyDirectory,
  });
  const reorganisation = new ReorganisationProcess({
    eventStore,
    readStore: deps.readStore,
    jurisdictions,
    stations,
    deputies,
    deputyGroups,
    waitForPosition: (position, timeoutMs) => deps.waitForPosition(position, timeoutMs),
    now: () => deps.now(),
    onError: (error) => deps.onProcessError?.(error),
  });
  const rosterCalendar = new RosterCalendarProcess({
    eventStore,
    readStore: deps.readStore,
    jurisdictions,
    rosters,
    waitForPosition: (position, timeoutMs) => deps.waitForPosition(position, timeoutMs),
    now: () => deps.now(),
    onError: (error) => deps.onProcessError?.(error),
  });
  const staffOnly = (context: Parameters<NodeFetcher>[0]) => {
    const principal = context.principal;
    return principal && STAFF_READERS.some((role) => principal.roles.includes(role)) ? principal : null;
  };
  return {
    projections: liaisonProjections,
    jurisdictions,
    stations,
    deputies,
    deputyGroups,
    activities,
    assessments,
    checklists,
    ratingScales,
    calendars,
    rosters,
    scheduler(provider, options) {
      const reminders = new DutyReminders(eventStore, deps.readStore, provider, deputyDirectory, options);
      return new DutyScheduler({
        ...options,
        reminders,
        rosters,
        readStore: deps.readStore,
        now: () => deps.now(),
      });
    },
    reorganisation,
    rosterCalendar,
    processes: [reorganisation, rosterCalendar],
    gateway: {
      name: 'liaison',
      resolvers: [
        new JurisdictionResolver(deps, jurisdictions),
        new StationResolver(deps, stations),
        new JurisdictionStationsResolver(deps),
        new StationDetailsResolver(deps, stations),
        new StationBoardResolver(deps),
        new JurisdictionPlacementResolver(deps),
        new DeputyResolver(deps, deputies),
        new DeputyAssignmentResolver(deps),
        new StationDeputiesResolver(deps),
        new DeputyGroupResolver(deps, deputyGroups),
        new DeputyGroupMembershipResolver(deps),
        new DeputyGroupsOfDeputyResolver(),
        new ActivityResolver(deps, activities),
        new ActivityParticipantResolver(deps),
        new ChecklistResolver(deps, checklists),
        new RatingScaleResolver(deps, ratingScales),
        new AssessmentResolver(deps, assessments),
        new RankedStationResolver(deps),
        new DeputyRecordResolver(deps),
        new AttendanceReportResolver(deps),
        new UnitFiguresResolver(deps),
        new DeputyFiguresResolver(deps),
        new RecordedActivityResolver(deps),
        new OfficeCalendarResolver(deps, calendars, jurisdictions),
        new RosterResolver(deps, rosters),
        new AttendanceResolver(deps, rosters),
        new PublicDutyDayResolver(deps),
        new OutboxResolver(deps),
      ],
      nodes: {
        Jurisdiction: async (context, id) => {
          const document = await jurisdictionLoader(context, deps).load(id);
          return document && Jurisdiction.from(document);
        },
        Station: async (context, id) => {
          const document = await stationLoader(context, deps).load(id);
          return document && Station.from(document);
        },
        // Staff-only types answer null, as for a missing object, to callers who may not read them.
        Deputy: async (context, id) => {
          const principal = staffOnly(context);
          const document = principal && (await deputyLoader(context, deps).load(id));
          if (!principal || !document || !(await canReadDeputy(context, deps, principal, document)))
            return null;
          return Deputy.from(document);
        },
        DeputyGroup: async (context, id) => {
          const principal = staffOnly(context);
          const document = principal && (await deputyGroupLoader(context, deps).load(id));
          if (!principal || !document || !coversPath(principal, document.jurisdictionPath)) return null;
          return DeputyGroup.from(document);
        },
        Activity: (context, id) => readableActivity(context, deps, id),
        Checklist: (context, id) => readableChecklist(context, deps, id),
        Assessment: (context, id) => readableAssessment(context, deps, id),
        DutyDay: async (context, id) => {
          const document = await dutyDayLoader(context, deps).load(id);
          return document && mayReadDutyDay(context.principal, document) ? DutyDay.from(document) : null;
        },
      },
    },
  };
}
