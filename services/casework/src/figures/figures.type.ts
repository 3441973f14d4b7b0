// GraphQL shape of case figures: pre-aggregated counters and the rates defined in docs/case-figures.md.
import { Field, Float, Int, ObjectType } from 'type-graphql';
import { FigureScopeEnum } from '../shared/enums.type.js';
import type { FiguresDocument } from './projection.js';

const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : Math.round((numerator / denominator) * 10_000) / 10_000;

@ObjectType('CaseFigures', {
  description: 'Case figures of one station, jurisdiction subtree or unit in one period.',
})
export class CaseFigures {
  @Field(() => FigureScopeEnum) scope!: string;
  @Field(() => String) scopeId!: string;
  @Field(() => String, { description: "'YYYY' or 'YYYY-MM', Beijing time." }) period!: string;
  @Field(() => Int, { description: 'Voters met in person (reception, deputy visit).' })
  votersReceived!: number;
  @Field(() => Int) opinions!: number;
  @Field(() => Int) answeredOnTheSpot!: number;
  @Field(() => Int) suggestionsDrafted!: number;
  @Field(() => Int) assigned!: number;
  @Field(() => Int) replied!: number;
  @Field(() => Int, { description: 'Cases closed (办结).' }) closed!: number;
  @Field(() => Int, { description: 'Cases closed on an A reply (solved or adopted).' }) resolved!: number;
  @Field(() => Int, { description: 'Cases whose three meetings with the deputy all took place.' })
  meetingsComplete!: number;
  @Field(() => Int) ratings!: number;
  @Field(() => Int, { description: 'Ratings satisfied or basically satisfied.' }) satisfiedRatings!: number;
  @Field(() => Int, { description: 'Assignments that passed their deadline unreplied.' }) overdue!: number;
  @Field(() => Float, { nullable: true, description: 'replied / assigned (办复率).' }) replyRate!:
    number | null;
  @Field(() => Float, { nullable: true, description: 'closed / assigned (办结率).' }) completionRate!:
    number | null;
  @Field(() => Float, { nullable: true, description: 'meetingsComplete / assigned (见面率).' }) meetingRate!:
    number | null;
  @Field(() => Float, { nullable: true, description: 'satisfiedRatings / ratings (满意率).' })
  satisfactionRate!: number | null;
  @Field(() => Float, {
    nullable: true,
    description: 'Working days from first assignment to closure, per closed case.',
  })
  averageHandlingWorkingDays!: number | null;
  @Field(() => Int, { description: 'Working days replies came after their deadlines, summed.' })
  overdueWorkingDays!: number;

  static from(this: void, d: FiguresDocument): CaseFigures {
    return Object.assign(new CaseFigures(), {
      ...d,
      replyRate: ratio(d.replied, d.assigned),
      completionRate: ratio(d.closed, d.assigned),
      meetingRate: ratio(d.meetingsComplete, d.assigned),
      satisfactionRate: ratio(d.satisfiedRatings, d.ratings),
      averageHandlingWorkingDays: ratio(d.handlingWorkingDays, d.closed),
    });
  }
}
