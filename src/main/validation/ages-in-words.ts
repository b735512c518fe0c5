import { AGE_MAX, AGE_MIN } from '../../shared/brief';

/** An age range as a reason says it: "35–55", "70 and over", "under 30". */
export function agesInWords([lo, hi]: readonly [number, number]): string {
  if (hi >= AGE_MAX) return `${lo} and over`;
  if (lo <= AGE_MIN) return `under ${hi + 1}`;
  return `${lo}–${hi}`;
}
