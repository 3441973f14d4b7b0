// GraphQL of star rating scales: set a jurisdiction's thresholds; read the scale that applies in a jurisdiction.
import { isDomainError } from '@liaison/decider';
import {
  MutationPayload,
  requireRole,
  toGlobalId,
  userErrorsOf,
  type RequestContext,
} from '@liaison/graphql-kit';
import {
  Arg,
  Ctx,
  Field,
  Float,
  ID,
  InputType,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
} from 'type-graphql';
import type { LiaisonDeps } from '../../shared/module-deps.js';
import { commandMetadata, decodeId, execute } from '../../shared/mutation.js';
import { scopedJurisdiction } from '../../shared/read-scope.js';
import type { StarThreshold as StarThresholdData } from './events.js';
import type { RatingScaleService } from './service.js';
import { DEFAULT_THRESHOLDS } from './stars.js';

@ObjectType('StarThreshold')
export class StarThreshold {
  @Field(() => Int)
  stars!: number;

  @Field(() => Float, { description: 'The lowest percentage of the maximum score that earns these stars.' })
  minPercentage!: number;
}

@InputType()
export class StarThresholdInput {
  @Field(() => Int)
  stars!: number;

  @Field(() => Float)
  minPercentage!: number;
}

@InputType()
export class SetStarRatingScaleInput {
  @Field(() => ID)
  jurisdictionId!: string;

  @Field(() => [StarThresholdInput])
  thresholds!: StarThresholdInput[];

  @Field(() => String, { nullable: true })
  commandId?: string | null;
}

@ObjectType('StarRatingScale', {
  description: 'The thresholds stars are derived by, and where they were set.',
})
export class StarRatingScale {
  @Field(() => [StarThreshold], { description: 'Best first.' })
  thresholds!: StarThreshold[];

  @Field(() => ID, {
    nullable: true,
    description: 'The jurisdiction that set them; null for the platform default.',
  })
  setBy!: string | null;
}

@ObjectType()
export class StarRatingScalePayload extends MutationPayload {
  @Field(() => StarRatingScale, { nullable: true })
  scale!: StarRatingScale | null;
}

function scaleOf(thresholds: readonly StarThresholdData[], setBy: string | null): StarRatingScale {
  return Object.assign(new StarRatingScale(), {
    thresholds: thresholds.map((t) => Object.assign(new StarThreshold(), t)),
    setBy: setBy && toGlobalId('Jurisdiction', setBy),
  });
}

@Resolver()
export class RatingScaleResolver {
  constructor(
    private readonly deps: LiaisonDeps,
    private readonly service: RatingScaleService,
  ) {}

  @Query(() => StarRatingScale, {
    nullable: true,
    description:
      'The scale that applies in a jurisdiction (yours when omitted): its own, else the nearest above.',
  })
  async starRatingScale(
    @Arg('jurisdictionId', () => ID, { nullable: true }) jurisdictionId: string | null,
    @Ctx() context: RequestContext,
  ): Promise<StarRatingScale | null> {
    const { jurisdiction } = await scopedJurisdiction(context, this.deps, jurisdictionId);
    if (!jurisdiction) return null;
    const scale = await this.service.nearest(jurisdiction.path);
    return scale ? scaleOf(scale.thresholds, scale.jurisdictionId) : scaleOf(DEFAULT_THRESHOLDS, null);
  }

  @Mutation(() => StarRatingScalePayload, {
    description: "Sets the star thresholds for a jurisdiction's subtree.",
  })
  async setStarRatingScale(
    @Arg('input', () => SetStarRatingScaleInput) input: SetStarRatingScaleInput,
    @Ctx() context: RequestContext,
  ): Promise<StarRatingScalePayload> {
    const actor = requireRole(context, 'admin', 'congress-office');
    const jurisdictionId = decodeId(input.jurisdictionId, 'Jurisdiction', 'jurisdictionId');
    if (isDomainError(jurisdictionId))
      return { userErrors: userErrorsOf(jurisdictionId), position: null, scale: null };
    const thresholds = input.thresholds.map(({ stars, minPercentage }) => ({ stars, minPercentage }));
    const outcome = await execute(context, this.deps, () =>
      this.service.set(
        actor,
        jurisdictionId,
        thresholds,
        commandMetadata(context, actor, this.deps.now(), input.commandId),
      ),
    );
    if (!outcome.ok) return { userErrors: userErrorsOf(outcome.error), position: null, scale: null };
    const scale = await this.service.nearest(`/${jurisdictionId}/`);
    return {
      userErrors: [],
      position: outcome.globalPosition,
      scale: scale && scaleOf(scale.thresholds, scale.jurisdictionId),
    };
  }
}
