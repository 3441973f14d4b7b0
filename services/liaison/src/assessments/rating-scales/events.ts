// Events of a jurisdiction's star rating scale: which percentage earns how many stars, as data per jurisdiction.

export interface StarThreshold {
  /** 1 to 5. */
  stars: number;
  /** The lowest percentage of the checklist's maximum that earns these stars. */
  minPercentage: number;
}

export type RatingScaleEvent = {
  type: 'StarRatingScaleSet';
  data: { jurisdictionId: string; jurisdictionPath: string; thresholds: StarThreshold[] };
};

export const RATING_SCALE_EVENT_TYPES = [
  'StarRatingScaleSet',
] as const satisfies readonly RatingScaleEvent['type'][];

/** The stream holding one jurisdiction's rating scale. */
export function ratingScaleStream(jurisdictionId: string): string {
  return `ratingscale-${jurisdictionId}`;
}
