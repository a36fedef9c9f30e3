/** How much synthetic data a sample holds. */
export type SampleScale = 'tiny' | 'small' | 'default' | 'full';

/** Every scale, smallest first. */
export const SAMPLE_SCALES: readonly SampleScale[] = ['tiny', 'small', 'default', 'full'];

/** What a scale changes: the regions it covers and how many households each village gets. */
export interface ScaleProfile {
  /** Mean households per village; a village's own count varies around it. */
  householdsPerVillage: number;
  /** At least this many villages get only 1–4 households, so small-cell suppression has work to do. */
  minSmallVillages: number;
}

/**
 * The profiles: `tiny` is one township for unit tests, `small` one township in
 * each of two counties (for what is done per county), `default` the whole
 * city at light density for development, `full` the whole city at about the
 * real density of a Gannan village (~400 households).
 */
export const SCALE_PROFILES: Record<SampleScale, ScaleProfile> = {
  tiny: {householdsPerVillage: 30, minSmallVillages: 2},
  small: {householdsPerVillage: 30, minSmallVillages: 2},
  default: {householdsPerVillage: 20, minSmallVillages: 2},
  full: {householdsPerVillage: 400, minSmallVillages: 2}
};

/** Whether `value` names a scale. */
export function isSampleScale(value: unknown): value is SampleScale {
  return typeof value === 'string' && (SAMPLE_SCALES as readonly string[]).includes(value);
}
