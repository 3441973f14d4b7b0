// GraphQL shape of an assessment, its items and result, and of a ranking.
import { createConnectionTypes, Node, toGlobalId } from '@liaison/graphql-kit';
import { Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Attachment } from '../shared/attachment.type.js';
import type { AssessmentDocument } from './projection.js';
import type { RankingEntry } from './ranking-projection.js';

export const AssessmentStatusEnum = { OPEN: 'open', COMPLETED: 'completed' } as const;
registerEnumType(AssessmentStatusEnum, { name: 'AssessmentStatus' });

@ObjectType('AssessmentItem')
export class AssessmentItem {
  @Field(() => String)
  code!: string;

  @Field(() => Int)
  maxScore!: number;

  @Field(() => Float, { nullable: true, description: 'Null until scored.' })
  score!: number | null;

  @Field(() => String)
  note!: string;

  @Field(() => [Attachment])
  evidence!: Attachment[];
}

@ObjectType('AssessmentResult')
export class AssessmentResult {
  @Field(() => Float)
  totalScore!: number;

  @Field(() => Int)
  maxScore!: number;

  @Field(() => Float, { description: 'totalScore / maxScore × 100, two decimals.' })
  percentage!: number;

  @Field(() => Int, { description: '0 to 5 stars (星级), by the rating scale that applied when completed.' })
  stars!: number;

  @Field(() => Date)
  completedAt!: Date;
}

@ObjectType('Assessment', {
  implements: Node,
  description: 'A station assessed against one checklist version for one period (a year or a month).',
})
export class Assessment extends Node {
  @Field(() => ID)
  declare id: string;

  assessmentId!: string;
  stationId!: string;
  checklistId!: string;

  @Field(() => String, { description: 'YYYY or YYYY-MM.' })
  period!: string;

  @Field(() => Int)
  checklistVersion!: number;

  @Field(() => AssessmentStatusEnum)
  status!: 'open' | 'completed';

  @Field(() => [AssessmentItem])
  items!: AssessmentItem[];

  @Field(() => AssessmentResult, { nullable: true, description: 'Null while open.' })
  result!: AssessmentResult | null;

  static from(this: void, document: AssessmentDocument): Assessment {
    return Object.assign(new Assessment(), {
      id: toGlobalId('Assessment', document.id),
      assessmentId: document.id,
      stationId: document.stationId,
      checklistId: document.checklistId,
      period: document.period,
      checklistVersion: document.checklistVersion,
      status: document.status,
      items: document.items.map((item) =>
        Object.assign(new AssessmentItem(), { ...item, evidence: item.evidence.map(Attachment.from) }),
      ),
      result: document.result
        ? Object.assign(new AssessmentResult(), {
            ...document.result,
            completedAt: new Date(document.result.completedAt),
          })
        : null,
    });
  }
}

export const { Connection: AssessmentConnection } = createConnectionTypes(Assessment, 'Assessment');

@ObjectType('RankedStation', {
  description: 'A station’s place in a ranking; equal percentages share a rank.',
})
export class RankedStation {
  @Field(() => Int)
  rank!: number;

  stationId!: string;
  assessmentId!: string;

  @Field(() => Float)
  totalScore!: number;

  @Field(() => Int)
  maxScore!: number;

  @Field(() => Float)
  percentage!: number;

  @Field(() => Int)
  stars!: number;

  static from(this: void, entry: RankingEntry & { rank: number }): RankedStation {
    return Object.assign(new RankedStation(), entry);
  }
}

export const { Connection: RankedStationConnection } = createConnectionTypes(RankedStation, 'RankedStation');
