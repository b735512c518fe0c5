/**
 * A concept test's results across the set: how many gave each likelihood, the mean, the reasons and
 * objections most often given (equal or nearly equal texts of the same field counted together) and
 * the segments whose mean differs. A segment (an age band, a place, an income bracket) is reported
 * when it holds at least two personas (one person is an anecdote, not a segment) and its mean is at
 * least 0.5 from the set's mean; places are countries when the set spans several, else cities.
 * Labels read on their own: "Aged 25–34", "People in Porto", "Upper-middle income".
 */
import type { ConceptTest, ConceptVerdict } from '../../../shared/conversations';
import { AGE_BANDS, ageBandIndex, ageBandLabel } from '../../../shared/coverage';
import type { Persona } from '../../../shared/persona';
import { contentStems } from './words';

export const SEGMENT_DIFFERENCE = 0.5;
export const SEGMENT_MIN_PERSONAS = 2;
const TOP = 5;
/** Two texts of a field whose content words overlap this much (Jaccard) count as the same reason, when they name the same figures and brackets. */
const NEAR_EQUAL = 0.7;
/** What must match exactly for two texts to be the same reason: "€55" is not "€5", a "lower-middle" income not a "middle" one. */
const signature = (text: string) => (text.toLowerCase().match(/\d+(?:[.,]\d+)?|\b(?:low|lower-middle|middle|upper-middle|high)\b(?= income)/g) ?? []).join('|');

type Summary = ConceptTest['summary'];

const round2 = (n: number) => Math.round(n * 100) / 100;

export function summarizeConcept(verdicts: ReadonlyArray<ConceptVerdict>, personas: readonly Persona[]): Summary {
  const distribution = [0, 0, 0, 0, 0];
  for (const v of verdicts) distribution[Math.min(5, Math.max(1, Math.round(v.likelihood))) - 1]!++;
  const mean = verdicts.length === 0 ? 0 : verdicts.reduce((sum, v) => sum + v.likelihood, 0) / verdicts.length;
  return {
    distribution,
    mean: round2(mean),
    topReasons: tallyReasons(verdicts.map((v) => v.reasons)),
    topObjections: tallyReasons(verdicts.map((v) => v.objections)),
    segments: segmentsOf(verdicts, personas, mean),
  };
}

interface Bucket {
  field: string;
  stems: Set<string>;
  /** Each exact text (lowercased) with how often it came, and as first written. */
  texts: Map<string, { count: number; shown: string }>;
  verdicts: Set<number>;
  signature: string;
}

function tallyReasons(lists: ReadonlyArray<ReadonlyArray<{ text: string; field: string }>>): Array<{ text: string; count: number }> {
  const buckets: Bucket[] = [];
  lists.forEach((reasons, verdict) => {
    for (const reason of reasons) {
      const shown = reason.text.trim();
      const key = shown.toLowerCase();
      const stems = new Set(contentStems(shown));
      const sig = signature(shown);
      let bucket = buckets.find((b) => b.field === reason.field && (b.texts.has(key) || (b.signature === sig && jaccard(b.stems, stems) >= NEAR_EQUAL)));
      if (!bucket) {
        bucket = { field: reason.field, stems, texts: new Map(), verdicts: new Set(), signature: sig };
        buckets.push(bucket);
      }
      const seen = bucket.texts.get(key);
      bucket.texts.set(key, { count: (seen?.count ?? 0) + 1, shown: seen?.shown ?? shown });
      bucket.verdicts.add(verdict);
    }
  });
  return buckets
    .map((b) => {
      const commonest = [...b.texts.values()].sort((x, y) => y.count - x.count || x.shown.localeCompare(y.shown))[0]!;
      return { text: commonest.shown, count: b.verdicts.size };
    })
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text))
    .slice(0, TOP);
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  if (a.size === 0 && b.size === 0) return 1;
  let shared = 0;
  for (const s of a) if (b.has(s)) shared++;
  return shared / (a.size + b.size - shared);
}

function segmentsOf(verdicts: ReadonlyArray<ConceptVerdict>, personas: readonly Persona[], mean: number): Summary['segments'] {
  const byId = new Map(personas.map((p) => [p.id ?? p.name, p]));
  const scored = verdicts.flatMap((v) => {
    const persona = byId.get(v.personaId) ?? personas.find((p) => p.name === v.personaName);
    return persona ? [{ persona, likelihood: v.likelihood }] : [];
  });
  const countries = new Set(scored.map((s) => s.persona.location.country));
  const groupings: Array<{ by: 'age' | 'location' | 'income'; label: (p: Persona) => string | undefined }> = [
    { by: 'age', label: (p) => `Aged ${ageBandLabel(AGE_BANDS[ageBandIndex(p.age)]!)}` },
    { by: 'location', label: (p) => `People in ${countries.size > 1 ? p.location.country : p.location.city}` },
    { by: 'income', label: (p) => (p.incomeBracket ? `${p.incomeBracket.charAt(0).toUpperCase()}${p.incomeBracket.slice(1)} income` : undefined) },
  ];
  const segments: Summary['segments'] = [];
  for (const { by, label } of groupings) {
    const groups = new Map<string, number[]>();
    for (const { persona, likelihood } of scored) {
      const name = label(persona);
      if (name !== undefined) groups.set(name, [...(groups.get(name) ?? []), likelihood]);
    }
    for (const [name, scores] of groups) {
      if (scores.length < SEGMENT_MIN_PERSONAS) continue;
      const segmentMean = scores.reduce((a, b) => a + b, 0) / scores.length;
      if (Math.abs(segmentMean - mean) >= SEGMENT_DIFFERENCE - 1e-9) segments.push({ by, label: name, mean: round2(segmentMean), personas: scores.length });
    }
  }
  return segments.sort((a, b) => Math.abs(b.mean - mean) - Math.abs(a.mean - mean) || a.label.localeCompare(b.label));
}
