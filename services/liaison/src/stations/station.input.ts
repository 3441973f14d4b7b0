// GraphQL inputs, filters and payloads of stations.
import { MutationPayload } from '@liaison/graphql-kit';
import { Field, ID, InputType, ObjectType } from 'type-graphql';
import type { StationKind, StationSpecialisation } from './events.js';
import { OpeningRulesInput, StationSpecialisationEnum } from './station-details.type.js';
import { Station, StationKindEnum, StationStatusEnum } from './station.type.js';

@InputType()
export class RegisterStationInput {
  @Field(() => ID)
  jurisdictionId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => StationKindEnum)
  kind!: StationKind;

  @Field(() => String, { defaultValue: '' })
  address!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The centre station or sub-station above; omitted for a centre or online station.',
  })
  parentStationId?: string | null;

  @Field(() => StationSpecialisationEnum, { nullable: true, description: 'Points only.' })
  specialisation?: StationSpecialisation | null;

  @Field(() => OpeningRulesInput, { nullable: true })
  openingRules?: OpeningRulesInput | null;

  @Field(() => [String], { nullable: true })
  facilities?: string[] | null;

  @Field(() => String, {
    nullable: true,
    description: 'Idempotency key: re-sending the same commandId changes nothing.',
  })
  commandId?: string | null;
}

@InputType()
export class RenameStationInput {
  @Field(() => ID)
  stationId!: string;

  @Field(() => String)
  name!: string;

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@InputType()
export class CloseStationInput {
  @Field(() => ID)
  stationId!: string;

  @Field(() => String)
  reason!: string;

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@InputType({ description: 'Every given condition must hold.' })
export class StationFilter {
  @Field(() => ID, {
    nullable: true,
    description: 'Stations in this jurisdiction and, by default, everywhere below it.',
  })
  jurisdictionId?: string | null;

  @Field(() => Boolean, { defaultValue: true })
  includeSubJurisdictions!: boolean;

  @Field(() => StationKindEnum, { nullable: true })
  kind?: StationKind | null;

  @Field(() => StationStatusEnum, { nullable: true })
  status?: 'open' | 'closed' | null;

  @Field(() => String, { nullable: true })
  nameStartsWith?: string | null;
}

@ObjectType()
export class StationPayload extends MutationPayload {
  @Field(() => Station, { nullable: true })
  station!: Station | null;
}
