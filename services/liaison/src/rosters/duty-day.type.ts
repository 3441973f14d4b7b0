// GraphQL shapes of a duty day: the staff view (who, leave, attendance, reminders) and the public view.
import { createConnectionTypes, LocalDateScalar, Node, toGlobalId } from '@liaison/graphql-kit';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { DutyDayDocument } from './projection.js';
import type { DutyStatus } from './state.js';

export const DutyStatusEnum = {
  ON_DUTY: 'on-duty',
  ON_LEAVE: 'on-leave',
  CHECKED_IN: 'checked-in',
  CHECKED_OUT: 'checked-out',
  NO_SHOW: 'no-show',
} as const satisfies Record<string, DutyStatus>;
registerEnumType(DutyStatusEnum, {
  name: 'DutyStatus',
  description:
    'Where a deputy stands on a duty day: expected, on approved leave, signed in, signed out, or absent.',
});

export const DutyDayStatusEnum = {
  SCHEDULED: 'scheduled',
  CANCELLED: 'cancelled',
  MOVED: 'moved',
} as const;
registerEnumType(DutyDayStatusEnum, { name: 'DutyDayStatus' });

export const LeaveStatusEnum = {
  REQUESTED: 'requested',
  APPROVED: 'approved',
  REJECTED: 'rejected',
} as const;
registerEnumType(LeaveStatusEnum, { name: 'LeaveStatus' });

export const ReminderKindEnum = { THREE_DAYS: 'three-days', ONE_DAY: 'one-day' } as const;
registerEnumType(ReminderKindEnum, {
  name: 'ReminderKind',
  description: 'Three days before, or the day before.',
});

export const ReminderStatusEnum = { CLAIMED: 'claimed', SENT: 'sent', FAILED: 'failed' } as const;
registerEnumType(ReminderStatusEnum, {
  name: 'ReminderStatus',
  description: 'Claimed by a scheduler and being sent, sent, or the last attempt failed (it is retried).',
});

@ObjectType({ description: 'A deputy on duty and their attendance.' })
export class DutyDeputy {
  @Field(() => ID, { description: 'The deputy (a Deputy global id).' })
  deputyId!: string;

  @Field(() => DutyStatusEnum)
  status!: DutyStatus;

  @Field(() => Date, { nullable: true })
  checkedInAt!: Date | null;

  @Field(() => Date, { nullable: true })
  checkedOutAt!: Date | null;

  @Field(() => Int, { nullable: true, description: 'Minutes after the window opened; 0 when on time.' })
  lateMinutes!: number | null;

  @Field(() => Int, { nullable: true, description: 'Minutes before the window closed; 0 when not early.' })
  earlyMinutes!: number | null;
}

@ObjectType({ description: 'A request for leave from a duty day.' })
export class DutyLeave {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  deputyId!: string;

  @Field(() => LeaveStatusEnum)
  status!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => String, { nullable: true })
  rejectionReason!: string | null;

  @Field(() => Date)
  requestedAt!: Date;
}

@ObjectType({ description: 'A reminder to a deputy about a duty day.' })
export class DutyReminder {
  @Field(() => ID)
  deputyId!: string;

  @Field(() => ReminderKindEnum)
  kind!: string;

  @Field(() => ReminderStatusEnum)
  status!: string;

  @Field(() => Date)
  at!: Date;
}

@ObjectType('DutyDay', {
  implements: Node,
  description: 'A reception day (活动日) of a station, as staff see it.',
})
export class DutyDay extends Node {
  @Field(() => ID)
  declare id: string;

  stationId!: string;

  @Field(() => LocalDateScalar)
  date!: string;

  @Field(() => String, { description: 'Window start, HH:mm Beijing time.' })
  start!: string;

  @Field(() => String, { description: 'Window end, HH:mm Beijing time.' })
  end!: string;

  @Field(() => Date)
  startsAt!: Date;

  @Field(() => Date)
  endsAt!: Date;

  @Field(() => DutyDayStatusEnum)
  status!: string;

  @Field(() => LocalDateScalar, { nullable: true, description: 'The public holiday the day was moved from.' })
  movedFrom!: string | null;

  @Field(() => LocalDateScalar, {
    nullable: true,
    description: 'Status MOVED: the day it moved to when an office calendar change made this date a holiday.',
  })
  movedTo!: string | null;

  @Field(() => String, { nullable: true, description: 'Why the day was added, cancelled or moved.' })
  note!: string | null;

  @Field(() => [DutyDeputy])
  deputies!: DutyDeputy[];

  @Field(() => [DutyLeave])
  leaves!: DutyLeave[];

  @Field(() => [DutyReminder])
  reminders!: DutyReminder[];

  /** Builds the GraphQL object from its read model document. */
  static from(this: void, document: DutyDayDocument): DutyDay {
    return Object.assign(new DutyDay(), {
      id: toGlobalId('DutyDay', document.id),
      stationId: document.stationId,
      date: document.date,
      start: document.window.start,
      end: document.window.end,
      startsAt: new Date(document.startsAt),
      endsAt: new Date(document.endsAt),
      status: document.status,
      movedFrom: document.movedFrom,
      movedTo: document.movedTo ?? null,
      note: document.note,
      deputies: document.deputies.map((entry) => ({
        ...entry,
        deputyId: toGlobalId('Deputy', entry.deputyId),
        checkedInAt: entry.checkedInAt ? new Date(entry.checkedInAt) : null,
        checkedOutAt: entry.checkedOutAt ? new Date(entry.checkedOutAt) : null,
      })),
      leaves: document.leaves.map((leave) => ({
        id: toGlobalId('DutyLeave', `${document.stationId}:${document.date}:${leave.leaveId}`),
        deputyId: toGlobalId('Deputy', leave.deputyId),
        status: leave.status,
        reason: leave.reason,
        rejectionReason: leave.rejectionReason,
        requestedAt: new Date(leave.requestedAt),
      })),
      reminders: document.reminders.map((reminder) => ({
        ...reminder,
        deputyId: toGlobalId('Deputy', reminder.deputyId),
        at: new Date(reminder.at),
      })),
    });
  }
}

@ObjectType({
  description: 'A reception day as the public sees it: when, where, and which deputies receive voters.',
})
export class PublicDutyDay {
  stationId!: string;

  @Field(() => LocalDateScalar)
  date!: string;

  @Field(() => String)
  start!: string;

  @Field(() => String)
  end!: string;

  @Field(() => [ID], { description: 'Deputies expected (not on leave), as Deputy global ids.' })
  deputyIds!: string[];

  /** Builds the public view: cancelled days are not shown, deputies on leave are left out. */
  static from(this: void, document: DutyDayDocument): PublicDutyDay {
    return Object.assign(new PublicDutyDay(), {
      stationId: document.stationId,
      date: document.date,
      start: document.window.start,
      end: document.window.end,
      deputyIds: document.deputies
        .filter((entry) => entry.status !== 'on-leave')
        .map((entry) => toGlobalId('Deputy', entry.deputyId)),
    });
  }
}

export const { Connection: DutyDayConnection } = createConnectionTypes(DutyDay, 'DutyDay');
export const { Connection: PublicDutyDayConnection } = createConnectionTypes(PublicDutyDay, 'PublicDutyDay');
