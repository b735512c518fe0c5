/**
 * `persona-studio check "<brief>" < document.json`: scores every persona of any document that
 * follows the contract for its fit to the brief, with the reasons, and the set's repetitions.
 * Exit 0, or 1 when a persona scores under --min (or the document cannot be read).
 */
import { briefInputSchema, type BriefInput } from '../shared/brief';
import { LEVELS, personaDocumentSchema, type Level, type Persona } from '../shared/persona';
import { DATASET_DIR } from '../main/platform';
import { analyzeBrief } from '../main/world';
import { loadDataset } from '../main/world';
import { fidelityContextFor } from '../main/generation';
import { understandingLine, understandingOf } from '../main/world';
import { scoreSet } from '../main/validation';
import { ageRange, parseFlags, UsageError, wholeNumber, type CliIo } from './args';

export const CHECK_USAGE = `persona-studio check "<brief>" [--level LEVEL] [--location TEXT] [--segment TEXT] [--age MIN-MAX] [--min N] [--json] < document.json

  Scores each persona of a persona document (JSON, as generate --json or export writes it) for how
  well it fits the brief: place, age, audience, product, consistency, repetition, repairs; prints the
  score and the reasons per persona and what the set repeats. Exit 0, or 1 when a persona scores
  under --min or the document cannot be read.

  --level LEVEL   ${LEVELS.join(' | ')} (default: the document's level)
  --min N         the lowest score accepted, 0-100
  --json          the same as data: per persona its id, name, score and reasons`;

export async function runCheck(argv: readonly string[], io: CliIo): Promise<number> {
  const { values, positionals } = parseFlags(argv, {
    level: { type: 'string' },
    location: { type: 'string' },
    segment: { type: 'string' },
    age: { type: 'string' },
    min: { type: 'string' },
    json: { type: 'boolean' },
  });
  const [description, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"; put the whole brief in one pair of quotes`);
  if (values.level !== undefined && !(LEVELS as readonly string[]).includes(values.level)) throw new UsageError(`--level must be one of ${LEVELS.join(', ')} (got ${JSON.stringify(values.level)})`);
  const min = values.min === undefined ? undefined : wholeNumber(values.min, '--min', 'a whole number from 0 to 100');
  if (min !== undefined && min > 100) throw new UsageError(`--min must be a whole number from 0 to 100 (got ${min})`);
  const raw = await io.readStdin?.();
  if (raw === undefined || raw.trim() === '') throw new UsageError('pipe the persona document on standard input, e.g. persona-studio check "<brief>" < personas.json');

  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    io.err(`error: standard input is not JSON (${(error as Error).message}); check reads a persona document such as generate --json writes. For an LLM's raw answer, run persona-studio repair first.`);
    return 1;
  }
  const parsed = personaDocumentSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    io.err(`error: the document does not follow the persona contract at /${issue.path.join('/')}: ${issue.message}. persona-studio repair turns a loose answer into a valid document.`);
    return 1;
  }
  const document = parsed.data;
  const level = (values.level as Level | undefined) ?? document.level ?? 'standard';
  const input: BriefInput = {
    description: description ?? '',
    count: Math.max(1, document.personas.length),
    level,
    ...(values.location !== undefined ? { location: values.location } : {}),
    ...(values.segment !== undefined ? { segment: values.segment } : {}),
    ...(values.age !== undefined ? { ageRange: ageRange(values.age) } : {}),
  };
  const brief = briefInputSchema.safeParse(input);
  if (!brief.success) throw new UsageError(`the brief ${brief.error.issues[0]!.message}`);

  const dataset = loadDataset(DATASET_DIR);
  const resolved = { ...brief.data, seed: 0, language: 'en' };
  const analysis = analyzeBrief(resolved, dataset);
  const context = fidelityContextFor(analysis, resolved, dataset);
  const personas = document.personas;
  const scores = scoreSet(personas, context, personas.map((p) => ({ repaired: p.meta?.repaired?.length ?? 0, filled: p.meta?.filled?.length ?? 0 })));
  const repeats = repetitions(personas);
  const understood = understandingOf(analysis, level);

  if (values.json) {
    io.out(
      JSON.stringify(
        {
          understood,
          personas: personas.map((p, i) => ({ id: p.id ?? null, name: p.name, score: scores[i]!.score, reasons: scores[i]!.reasons })),
          set: { meanScore: Math.round((10 * scores.reduce((sum, s) => sum + s.score, 0)) / Math.max(1, scores.length)) / 10, ...repeats },
        },
        null,
        2,
      ),
    );
  } else {
    io.out(understandingLine(understood));
    personas.forEach((p, i) => {
      const { score, reasons } = scores[i]!;
      io.out(`${String(i + 1).padStart(3)}. ${p.name}, ${p.age}, ${p.location.city}: ${score}/100`);
      for (const reason of reasons.length > 0 ? reasons : ['Fits the brief on every check.']) io.out(`       ${reason}`);
    });
    io.out(`Repeated quotes: ${repeats.repeatedQuotes.length === 0 ? 'none' : repeats.repeatedQuotes.map((q) => `"${q}"`).join('; ')}`);
    io.out(`Repeated goal and pain-point lines: ${repeats.repeatedLines.length} of ${repeats.lines}${repeats.repeatedLines.length ? ` (${repeats.repeatedLines.slice(0, 5).map((l) => `"${l}"`).join('; ')})` : ''}`);
  }
  return min !== undefined && scores.some((s) => s.score < min) ? 1 : 0;
}

/** Quotes and goal or pain-point lines that more than one persona of the set has. */
function repetitions(personas: readonly Persona[]): { repeatedQuotes: string[]; repeatedLines: string[]; lines: number } {
  const count = (items: readonly string[]) => {
    const seen = new Map<string, number>();
    for (const item of items) seen.set(item, (seen.get(item) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([item]) => item);
  };
  const lines = personas.flatMap((p) => [...new Set([...p.goals, ...p.painPoints].map((l) => l.trim()))]);
  return { repeatedQuotes: count(personas.flatMap((p) => (p.quote ? [p.quote.trim()] : []))), repeatedLines: count(lines), lines: lines.length };
}
