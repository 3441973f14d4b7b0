import { deciderSpec } from '@liaison/decider';
import { metadataFor } from '../../shared/command-metadata.js';
import { ratingScaleDecider, type SetStarRatingScale } from './decider.js';
import type { StarThreshold } from './events.js';
import { DEFAULT_THRESHOLDS, percentageOf, starsFor } from './stars.js';

const spec = deciderSpec(ratingScaleDecider);
const jurisdiction = { jurisdictionId: 'c1', jurisdictionPath: '/p1/c1/' };
const set = (
  thresholds: StarThreshold[],
  where: typeof jurisdiction | null = jurisdiction,
): SetStarRatingScale => ({
  type: 'SetStarRatingScale',
  data: { thresholds, jurisdiction: where },
  metadata: metadataFor(),
});
const three = [
  { stars: 1, minPercentage: 60 },
  { stars: 3, minPercentage: 85 },
  { stars: 2, minPercentage: 75 },
];

describe('star rating scale', () => {
  it('sets thresholds, best first; setting the same again decides nothing', () => {
    const event = {
      type: 'StarRatingScaleSet' as const,
      data: {
        ...jurisdiction,
        thresholds: [
          { stars: 3, minPercentage: 85 },
          { stars: 2, minPercentage: 75 },
          { stars: 1, minPercentage: 60 },
        ],
      },
    };
    spec.given([]).when(set(three)).then([event]);
    spec.given([event]).when(set(three)).then([]);
  });

  it('refuses no jurisdiction, no thresholds, bad stars, bad percentages, and more stars for less', () => {
    spec.given([]).when(set(three, null)).thenFails('JURISDICTION_NOT_FOUND');
    spec.given([]).when(set([])).thenFails('INVALID_THRESHOLDS');
    spec
      .given([])
      .when(set([{ stars: 6, minPercentage: 99 }]))
      .thenFails('INVALID_THRESHOLDS');
    spec
      .given([])
      .when(set([{ stars: 5, minPercentage: 101 }]))
      .thenFails('INVALID_THRESHOLDS');
    spec
      .given([])
      .when(
        set([
          { stars: 5, minPercentage: 80 },
          { stars: 4, minPercentage: 90 },
        ]),
      )
      .thenFails('INVALID_THRESHOLDS');
    spec
      .given([])
      .when(
        set([
          { stars: 4, minPercentage: 90 },
          { stars: 4, minPercentage: 80 },
        ]),
      )
      .thenFails('INVALID_THRESHOLDS');
  });

  it('derives stars from the highest threshold reached, and percentages to two decimals', () => {
    expect(starsFor(90, DEFAULT_THRESHOLDS)).toBe(5);
    expect(starsFor(89.99, DEFAULT_THRESHOLDS)).toBe(4);
    expect(starsFor(49.5, DEFAULT_THRESHOLDS)).toBe(0);
    expect(starsFor(80, three)).toBe(2);
    expect(percentageOf(87.5, 120)).toBe(72.92);
    expect(percentageOf(0, 0)).toBe(0);
  });
});
