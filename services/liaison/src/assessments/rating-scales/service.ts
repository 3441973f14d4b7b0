// Rating scale use cases: a jurisdiction sets its thresholds; an assessment finds the nearest scale above its station.
import type { Principal } from '@liaison/auth';
import type { CommandHandler, CommandMetadata, CommandOutcome } from '@liaison/decider';
import { pathOf } from '../../jurisdictions/projection.js';
import type { JurisdictionService } from '../../jurisdictions/service.js';
import { assertCovers } from '../../shared/access.js';
import { ancestryOf } from '../../shared/read-scope.js';
import type { RatingScaleState, SetStarRatingScale } from './decider.js';
import { ratingScaleStream, type RatingScaleEvent, type StarThreshold } from './events.js';

export type RatingScaleHandler = CommandHandler<RatingScaleState, SetStarRatingScale, RatingScaleEvent>;

export class RatingScaleService {
  constructor(
    private readonly handler: RatingScaleHandler,
    private readonly jurisdictions: JurisdictionService,
  ) {}

  /** Sets the star thresholds of a jurisdiction the actor covers. */
  async set(
    actor: Principal,
    jurisdictionId: string,
    thresholds: StarThreshold[],
    metadata: CommandMetadata,
  ): Promise<CommandOutcome> {
    const state = await this.jurisdictions.find(jurisdictionId);
    let jurisdiction = null;
    if (state.status === 'registered') {
      const jurisdictionPath = pathOf(state.ancestorIds, state.jurisdictionId);
      assertCovers(actor, ancestryOf(jurisdictionPath), `jurisdiction ${jurisdictionId}`);
      jurisdiction = { jurisdictionId, jurisdictionPath };
    }
    return this.handler.handle(ratingScaleStream(jurisdictionId), {
      type: 'SetStarRatingScale',
      data: { thresholds, jurisdiction },
      metadata,
    });
  }

  /** The scale of the nearest jurisdiction on `path` (itself first, then up) that set one; null for none. */
  async nearest(path: string): Promise<{ jurisdictionId: string; thresholds: StarThreshold[] } | null> {
    const ancestry = ancestryOf(path).reverse();
    const states = await Promise.all(ancestry.map((id) => this.handler.state(ratingScaleStream(id))));
    for (const [index, { state }] of states.entries()) {
      const jurisdictionId = ancestry[index];
      if (state.thresholds && jurisdictionId) return { jurisdictionId, thresholds: state.thresholds };
    }
    return null;
  }
}
