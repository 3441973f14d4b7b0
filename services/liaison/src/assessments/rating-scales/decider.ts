// The rating scale decider: a jurisdiction sets the thresholds its subtree's stations are rated by.
import {
  domainError,
  isDomainError,
  UnreachableCaseError,
  type Command,
  type Decider,
  type DomainError,
} from '@liaison/decider';
import type { RatingScaleEvent, StarThreshold } from './events.js';

export type SetStarRatingScale = Command<
  'SetStarRatingScale',
  {
    thresholds: StarThreshold[];
    /** The jurisdiction, read just before deciding; null when it does not exist. */
    jurisdiction: { jurisdictionId: string; jurisdictionPath: string } | null;
  }
>;

export type RatingScaleState = { thresholds: StarThreshold[] | null };

/** Validates thresholds: distinct stars 1–5, percentages 0–100 that rise with the stars; sorted best first. */
export function validateThresholds(thresholds: readonly StarThreshold[]): StarThreshold[] | DomainError {
  const sorted = [...thresholds].sort((a, b) => b.stars - a.stars);
  if (sorted.length === 0 || sorted.length > 5)
    return domainError('INVALID_THRESHOLDS', `expected 1 to 5 thresholds, received ${sorted.length}`, [
      'thresholds',
    ]);
  for (const [index, threshold] of sorted.entries()) {
    if (!Number.isInteger(threshold.stars) || threshold.stars < 1 || threshold.stars > 5)
      return domainError('INVALID_THRESHOLDS', `expected stars from 1 to 5, received ${threshold.stars}`, [
        'thresholds',
      ]);
    if (!(threshold.minPercentage >= 0 && threshold.minPercentage <= 100))
      return domainError(
        'INVALID_THRESHOLDS',
        `expected a minimum percentage from 0 to 100, received ${threshold.minPercentage}`,
        ['thresholds'],
      );
    const better = sorted[index - 1];
    if (better && (better.stars === threshold.stars || better.minPercentage <= threshold.minPercentage)) {
      return domainError(
        'INVALID_THRESHOLDS',
        `expected more stars to need a higher percentage: ${better.stars} stars at ${better.minPercentage}%, ${threshold.stars} at ${threshold.minPercentage}%`,
        ['thresholds'],
      );
    }
  }
  return sorted.map(({ stars, minPercentage }) => ({ stars, minPercentage }));
}

export const ratingScaleDecider: Decider<RatingScaleState, SetStarRatingScale, RatingScaleEvent> = {
  initialState: () => ({ thresholds: null }),

  decide(command, state) {
    switch (command.type) {
      case 'SetStarRatingScale': {
        const { jurisdiction } = command.data;
        if (jurisdiction === null)
          return domainError('JURISDICTION_NOT_FOUND', 'expected a registered jurisdiction', [
            'jurisdictionId',
          ]);
        const thresholds = validateThresholds(command.data.thresholds);
        if (isDomainError(thresholds)) return thresholds;
        if (JSON.stringify(thresholds) === JSON.stringify(state.thresholds)) return [];
        return [{ type: 'StarRatingScaleSet', data: { ...jurisdiction, thresholds } }];
      }
      default:
        throw new UnreachableCaseError(command.type);
    }
  },

  evolve(state, event) {
    switch (event.type) {
      case 'StarRatingScaleSet':
        return { thresholds: event.data.thresholds };
      default:
        throw new UnreachableCaseError(event.type);
    }
  },
};
