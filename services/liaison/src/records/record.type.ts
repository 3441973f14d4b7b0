// GraphQL shapes of performance records: figures, a deputy's record, and a jurisdiction's attendance report.
import { createConnectionTypes, toGlobalId } from '@liaison/graphql-kit';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { attendanceRate, type Figures } from './figures.js';
import type { AttendanceReportData, DeputyRecordData } from './report.js';

@ObjectType('PerformanceFigures', {
  description: 'Counts over a period (履职数据) and the attendance rate (出勤率).',
})
export class PerformanceFigures {
  @Field(() => Int, { description: 'Duty days assigned.' })
  dutyDays!: number;

  @Field(() => Int, { description: 'Duty days checked in.' })
  attended!: number;

  @Field(() => Int, { description: 'Check-ins after the window opened.' })
  late!: number;

  @Field(() => Int, { description: 'Check-outs before the window closed.' })
  earlyDepartures!: number;

  @Field(() => Int, { description: 'Duty days with neither check-in nor approved leave.' })
  noShows!: number;

  @Field(() => Int, { description: 'Duty days on approved leave.' })
  leave!: number;

  @Field(() => Int)
  votersReceived!: number;

  @Field(() => Int)
  opinionsRecorded!: number;

  @Field(() => Int)
  suggestions!: number;

  @Field(() => Int, { description: 'Activities signed in to.' })
  activities!: number;

  @Field(() => Float, {
    nullable: true,
    description:
      'attended / (attended + noShows), four decimals: approved leave excuses a day. Null when none was due.',
  })
  attendanceRate!: number | null;

  static from(this: void, figures: Figures): PerformanceFigures {
    return Object.assign(new PerformanceFigures(), figures, { attendanceRate: attendanceRate(figures) });
  }
}

@ObjectType('MonthFigures')
export class MonthFigures {
  @Field(() => String, { description: 'YYYY-MM.' })
  month!: string;

  @Field(() => PerformanceFigures)
  figures!: PerformanceFigures;
}

@ObjectType('RecordedActivity', { description: 'An activity a deputy signed in to.' })
export class RecordedActivity {
  activityId!: string;

  @Field(() => ID, { description: 'The global id of the Activity.' })
  id!: string;

  @Field(() => String, { description: 'The Beijing date, YYYY-MM-DD.' })
  date!: string;
}

@ObjectType('DeputyRecord', {
  description: 'A deputy’s performance record (履职档案) over a range of months.',
})
export class DeputyRecord {
  rawDeputyId!: string;

  @Field(() => ID, { description: 'The global id of the deputy.' })
  deputyId!: string;

  @Field(() => String)
  from!: string;

  @Field(() => String)
  to!: string;

  @Field(() => PerformanceFigures)
  figures!: PerformanceFigures;

  @Field(() => [MonthFigures], { description: 'Every month of the range, in order.' })
  months!: MonthFigures[];

  @Field(() => [RecordedActivity], { description: 'Activities signed in to, in order of recording.' })
  activities!: RecordedActivity[];

  static from(this: void, data: DeputyRecordData): DeputyRecord {
    return Object.assign(new DeputyRecord(), {
      rawDeputyId: data.deputyId,
      deputyId: toGlobalId('Deputy', data.deputyId),
      from: data.range.from,
      to: data.range.to,
      figures: PerformanceFigures.from(data.figures),
      months: data.months.map(({ month, figures }) =>
        Object.assign(new MonthFigures(), { month, figures: PerformanceFigures.from(figures) }),
      ),
      activities: data.activities.map(({ activityId, date }) =>
        Object.assign(new RecordedActivity(), { activityId, id: toGlobalId('Activity', activityId), date }),
      ),
    });
  }
}

@ObjectType('UnitFigures', {
  description: 'A station’s figures, or an office’s for activities no station hosted.',
})
export class UnitFigures {
  stationId!: string | null;
  jurisdictionId!: string | null;

  @Field(() => PerformanceFigures)
  figures!: PerformanceFigures;
}

@ObjectType('DeputyFigures')
export class DeputyFigures {
  rawDeputyId!: string;

  @Field(() => ID, { description: 'The global id of the deputy.' })
  deputyId!: string;

  @Field(() => PerformanceFigures)
  figures!: PerformanceFigures;
}

export const { Connection: UnitFiguresConnection } = createConnectionTypes(UnitFigures, 'UnitFigures');
export const { Connection: DeputyFiguresConnection } = createConnectionTypes(DeputyFigures, 'DeputyFigures');

@ObjectType('AttendanceReport', {
  description: 'Figures of a jurisdiction subtree over a range of months: in total, per station, per deputy.',
})
export class AttendanceReport {
  data!: AttendanceReportData;
  jurisdictionId!: string;

  @Field(() => String)
  from!: string;

  @Field(() => String)
  to!: string;

  @Field(() => PerformanceFigures)
  totals!: PerformanceFigures;

  static from(this: void, jurisdictionId: string, data: AttendanceReportData): AttendanceReport {
    return Object.assign(new AttendanceReport(), {
      data,
      jurisdictionId,
      from: data.range.from,
      to: data.range.to,
      totals: PerformanceFigures.from(data.totals),
    });
  }
}
