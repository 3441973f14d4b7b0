// GraphQL for staff: a deputy's performance record and a jurisdiction's attendance report, within their subtree.
import { isDomainError } from '@liaison/decider';
import {
  ConnectionArgs,
  requireRole,
  toConnection,
  toGlobalId,
  type RequestContext,
} from '@liaison/graphql-kit';
import { GraphQLError } from 'graphql';
import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { readableActivity } from '../activities/activity.resolver.js';
import { Activity } from '../activities/activity.type.js';
import { canReadDeputy } from '../deputies/deputy-access.js';
import { deputyLoader } from '../deputies/deputy.resolver.js';
import { Deputy } from '../deputies/deputy.type.js';
import { jurisdictionLoader } from '../jurisdictions/jurisdiction.resolver.js';
import { visibleDeputy } from '../shared/visible-deputy.js';
import { Jurisdiction } from '../jurisdictions/jurisdiction.type.js';
import { stationLoader } from '../stations/station.resolver.js';
import { Station } from '../stations/station.type.js';
import type { LiaisonDeps } from '../shared/module-deps.js';
import { forbidden } from '../shared/forbidden.js';
import { decodeId } from '../shared/mutation.js';
import { offsetCursor, offsetPage } from '../shared/offset-page.js';
import { coversPath, STAFF_READERS } from '../shared/access.js';
import { scopedJurisdiction } from '../shared/read-scope.js';
import { validateRange, type MonthRange } from './periods.js';
import {
  AttendanceReport,
  DeputyFigures,
  DeputyFiguresConnection,
  DeputyRecord,
  PerformanceFigures,
  RecordedActivity,
  UnitFigures,
  UnitFiguresConnection,
} from './record.type.js';
import { readAttendanceReport, readDeputyRecord } from './report.js';

function rangeOf(from: string, to: string): MonthRange {
  const range = validateRange({ from, to });
  if (isDomainError(range)) throw new GraphQLError(range.message, { extensions: { code: 'BAD_USER_INPUT' } });
  return range;
}

@Resolver(() => DeputyRecord)
export class DeputyRecordResolver {
  constructor(private readonly deps: LiaisonDeps) {}

  @Query(() => DeputyRecord, {
    description:
      'A deputy’s performance record over a range of months (YYYY-MM to YYYY-MM): staff whose subtree the record comes from, or the deputy.',
  })
  async deputyRecord(
    @Arg('deputyId', () => ID) deputyId: string,
    @Arg('from', () => String) from: string,
    @Arg('to', () => String) to: string,
    @Ctx() context: RequestContext,
  ): Promise<DeputyRecord> {
    const reader = requireRole(context, ...STAFF_READERS, 'deputy');
    const range = rangeOf(from, to);
    const rawId = decodeId(deputyId, 'Deputy', 'deputyId');
    if (isDomainError(rawId))
      throw new GraphQLError(rawId.message, { extensions: { code: 'BAD_USER_INPUT' } });
    const record = await readDeputyRecord(this.deps.readStore, rawId, range);
    if (reader.userId === rawId || reader.roles.includes('admin') || reader.roles.includes('auditor'))
      return DeputyRecord.from(record);
    const staff = reader.roles.some((role) => (STAFF_READERS as readonly string[]).includes(role));
    if (!staff) throw forbidden('a deputy may read only their own record');
    // Staff who may read the deputy (their jurisdiction or a station they serve) see the whole record, and so do
    // staff of any jurisdiction the record's figures come from.
    const [deputy, stations] = await Promise.all([
      deputyLoader(context, this.deps).load(rawId),
      stationLoader(context, this.deps).loadMany(record.stationIds),
    ]);
    const paths = [
      ...record.jurisdictionPaths,
      ...stations.flatMap((s) => (s && !(s instanceof Error) ? [s.jurisdictionPath] : [])),
    ];
    const reaches =
      paths.some((path) => coversPath(reader, path)) ||
      (deputy !== null && (await canReadDeputy(context, this.deps, reader, deputy)));
    if (!reaches)
      throw forbidden(
        `deputy ${rawId} and their record are outside your jurisdiction (${reader.jurisdictionId ?? 'none'})`,
      );
    return DeputyRecord.from(record);
  }

  @FieldResolver(() => Deputy, { nullable: true })
  deputy(@Root() record: DeputyRecord, @Ctx() context: RequestContext): Promise<Deputy | null> {
    return visibleDeputy(context, this.deps, record.rawDeputyId);
  }
}

@Resolver(() => RecordedActivity)
export class RecordedActivityResolver {
  constructor(private readonly deps: LiaisonDeps) {}

  @FieldResolver(() => Activity, {
    nullable: true,
    description: 'Null when the activity is out of your reach.',
  })
  activity(@Root() recorded: RecordedActivity, @Ctx() context: RequestContext): Promise<Activity | null> {
    return readableActivity(context, this.deps, recorded.activityId);
  }
}

@Resolver(() => DeputyFigures)
export class DeputyFiguresResolver {
  constructor(private readonly deps: LiaisonDeps) {}

  @FieldResolver(() => Deputy, { nullable: true, description: 'Null when the deputy is out of your reach.' })
  deputy(@Root() row: DeputyFigures, @Ctx() context: RequestContext): Promise<Deputy | null> {
    return visibleDeputy(context, this.deps, row.rawDeputyId);
  }
}

@Resolver(() => AttendanceReport)
export class AttendanceReportResolver {
  constructor(private readonly deps: LiaisonDeps) {}

  @Query(() => AttendanceReport, {
    nullable: true,
    description:
      'Attendance and performance figures of a jurisdiction subtree (yours when omitted) over a range of months: one read however many deputies.',
  })
  async attendanceReport(
    @Arg('from', () => String) from: string,
    @Arg('to', () => String) to: string,
    @Arg('jurisdictionId', () => ID, { nullable: true }) jurisdictionId: string | null,
    @Ctx() context: RequestContext,
  ): Promise<AttendanceReport | null> {
    const range = rangeOf(from, to);
    const { jurisdiction } = await scopedJurisdiction(context, this.deps, jurisdictionId);
    if (!jurisdiction) return null;
    return AttendanceReport.from(
      jurisdiction.id,
      await readAttendanceReport(this.deps.readStore, jurisdiction.path, range),
    );
  }

  @FieldResolver(() => Jurisdiction, { nullable: true })
  async jurisdiction(
    @Root() report: AttendanceReport,
    @Ctx() context: RequestContext,
  ): Promise<Jurisdiction | null> {
    const document = await jurisdictionLoader(context, this.deps).load(report.jurisdictionId);
    return document && Jurisdiction.from(document);
  }

  @FieldResolver(() => UnitFiguresConnection, { description: 'Per station (and office), by id.' })
  stations(@Root() report: AttendanceReport, @Args(() => ConnectionArgs) args: ConnectionArgs) {
    const units = report.data.units;
    return {
      ...toConnection(
        offsetPage(units, args.first, args.after),
        ({ item }) =>
          Object.assign(new UnitFigures(), {
            stationId: item.stationId,
            jurisdictionId: item.jurisdictionId,
            figures: PerformanceFigures.from(item.figures),
          }),
        { after: args.after, cursorOf: ({ offset }) => offsetCursor(offset) },
      ),
      totalCount: units.length,
    };
  }

  @FieldResolver(() => DeputyFiguresConnection, {
    description: 'Per deputy over the whole subtree, by deputy id.',
  })
  deputies(@Root() report: AttendanceReport, @Args(() => ConnectionArgs) args: ConnectionArgs) {
    const deputies = report.data.deputies;
    return {
      ...toConnection(
        offsetPage(deputies, args.first, args.after),
        ({ item }) =>
          Object.assign(new DeputyFigures(), {
            rawDeputyId: item.deputyId,
            deputyId: toGlobalId('Deputy', item.deputyId),
            figures: PerformanceFigures.from(item.figures),
          }),
        { after: args.after, cursorOf: ({ offset }) => offsetCursor(offset) },
      ),
      totalCount: deputies.length,
    };
  }
}

@Resolver(() => UnitFigures)
export class UnitFiguresResolver {
  constructor(private readonly deps: LiaisonDeps) {}

  @FieldResolver(() => Station, { nullable: true, description: 'Null for an office’s own activities.' })
  async station(@Root() unit: UnitFigures, @Ctx() context: RequestContext): Promise<Station | null> {
    if (!unit.stationId) return null;
    const document = await stationLoader(context, this.deps).load(unit.stationId);
    return document && Station.from(document);
  }

  @FieldResolver(() => Jurisdiction, { nullable: true })
  async jurisdiction(
    @Root() unit: UnitFigures,
    @Ctx() context: RequestContext,
  ): Promise<Jurisdiction | null> {
    if (!unit.jurisdictionId) return null;
    const document = await jurisdictionLoader(context, this.deps).load(unit.jurisdictionId);
    return document && Jurisdiction.from(document);
  }
}
