// Stars from a percentage: the highest threshold reached; pure, used when an assessment completes.
import type { StarThreshold } from './events.js';

/** The scale that applies where no jurisdiction on the way to the root has set one. */
export const DEFAULT_THRESHOLDS: readonly StarThreshold[] = [
  { stars: 5, minPercentage: 90 },
  { stars: 4, minPercentage: 80 },
  { stars: 3, minPercentage: 70 },
  { stars: 2, minPercentage: 60 },
  { stars: 1, minPercentage: 50 },
];

/** How many stars a percentage earns (0 below the lowest threshold). */
export function starsFor(percentage: number, thresholds: readonly StarThreshold[]): number {
  let stars = 0;
  for (const threshold of thresholds) {
    if (percentage >= threshold.minPercentage && threshold.stars > stars) stars = threshold.stars;
  }
  return stars;
}

/** A score as a percentage of the maximum, to two decimals. */
export function percentageOf(score: number, maxScore: number): number {
  return maxScore === 0 ? 0 : Math.round((score / maxScore) * 10_000) / 100;
}
