// GraphQL inputs, filters and payloads of assessments.
import { MutationPayload } from '@liaison/graphql-kit';
import { Field, Float, ID, InputType, ObjectType } from 'type-graphql';
import { AttachmentInput } from '../shared/attachment.type.js';
import { Assessment, AssessmentStatusEnum } from './assessment.type.js';

@InputType()
export class OpenAssessmentInput {
  @Field(() => ID)
  stationId!: string;

  @Field(() => ID)
  checklistId!: string;

  @Field(() => String, { description: 'YYYY for a yearly assessment, YYYY-MM for a monthly one.' })
  period!: string;

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@InputType()
export class ScoreAssessmentItemInput {
  @Field(() => ID)
  assessmentId!: string;

  @Field(() => String)
  itemCode!: string;

  @Field(() => Float, { description: 'From 0 to the item’s maximum, in half points.' })
  score!: number;

  @Field(() => String, { defaultValue: '' })
  note!: string;

  @Field(() => [AttachmentInput], { defaultValue: [] })
  evidence!: AttachmentInput[];

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@InputType()
export class CompleteAssessmentInput {
  @Field(() => ID)
  assessmentId!: string;

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@InputType()
export class ReopenAssessmentInput {
  @Field(() => ID)
  assessmentId!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@InputType({ description: 'Every given condition must hold.' })
export class AssessmentFilter {
  @Field(() => ID, {
    nullable: true,
    description: 'Stations in this jurisdiction’s subtree; yours when omitted.',
  })
  jurisdictionId?: string | null;

  @Field(() => ID, { nullable: true })
  stationId?: string | null;

  @Field(() => ID, { nullable: true })
  checklistId?: string | null;

  @Field(() => String, { nullable: true })
  period?: string | null;

  @Field(() => AssessmentStatusEnum, { nullable: true })
  status?: 'open' | 'completed' | null;
}

@ObjectType()
export class AssessmentPayload extends MutationPayload {
  @Field(() => Assessment, { nullable: true })
  assessment!: Assessment | null;
}
