/** `persona-studio generate "<brief>"`: personas from the offline engine or an LLM, saved in the data folder. */
import fs from 'node:fs';
import path from 'node:path';
import { briefInputSchema, type BriefInput, type ParsedBrief } from '../shared/brief';
import { LEVELS, MAX_PERSONAS } from '../shared/persona';
import { openCoreForCli } from './open-core';
import { defaultDataDir } from '../main/platform';
import type { ProviderId } from '../shared/vocabulary';
import { PROVIDER_IDS } from '../shared/ipc/contract';
import { ageRange, formatValue, parseFlags, UsageError, wholeNumber, type CliIo } from './args';
import { understandingLine } from '../main/world';
import { findWorkshop } from './work-helpers';
import { EtaLine } from './eta-line';

export const GENERATE_USAGE = `persona-studio generate "<brief>" [options]

  Generates personas for a brief and saves them in the data folder. The built-in offline engine is
  the default; an LLM provider uses the address and model saved in the app's settings (keys may
  also come from GEMINI_API_KEY / OPENAI_API_KEY, Ollama's address from OLLAMA_HOST).

  --count N          number of personas, 1-${MAX_PERSONAS} (default 5)
  --level LEVEL      ${LEVELS.join(' | ')} (default standard)
  --location TEXT    where the personas live, e.g. "Lyon, France" (default: read from the brief)
  --age MIN-MAX      age range, e.g. 25-40 (default: read from the brief)
  --seed N           seed for a reproducible result, 0-4294967295
  --provider NAME    ${PROVIDER_IDS.join(' | ')} (default: the one chosen in settings, else offline)
  --workshop ID|NAME the workshop to save the run in (default: the current one, as in the app)
  --json             print the persona document as JSON instead of a summary
  --out FILE         also write the persona document to FILE
  --pdf FILE         also write the workshop report as a PDF (Chromium at /usr/bin/chromium or CHROMIUM_PATH)
  --data DIR         data folder (default ${defaultDataDir()})`;

const FLAG_FOR_FIELD: Record<string, string> = {
  description: 'the brief',
  count: '--count',
  level: '--level',
  location: '--location',
  ageRange: '--age',
  seed: '--seed',
};

interface GenerateArgs {
  brief: ParsedBrief;
  json: boolean;
  out: string | undefined;
  dataDir: string;
  provider: ProviderId | undefined;
  pdf: string | undefined;
  workshop: string | undefined;
}

export async function runGenerate(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseGenerateArgs(argv);
  const core = openCoreForCli({ dataDir: args.dataDir }, io);
  if (!core) return 1;
  try {
    if (core.settings.problem) io.err(`warning: ${core.settings.problem}`);
    const workshop = args.workshop ? findWorkshop(core, args.workshop, '--workshop') : core.store.getWorkshop(core.workshops.currentWorkshopId())!;
    if (workshop.archivedAt) throw new UsageError(`--workshop "${workshop.name}" is archived; restore it first: persona-studio workshops restore ${workshop.id}`);
    const etaLine = new EtaLine({ line: io.err, ...(io.errInPlace ? { inPlace: io.errInPlace } : {}) });
    const { run, document, fallback } = await core
      .generate(args.brief, { workshopId: workshop.id, ...(args.provider ? { providerId: args.provider } : {}), onProgress: (_phase, _done, _total, etaMs) => etaLine.update(etaMs) })
      .finally(() => etaLine.end());
    if (fallback) io.err(`warning: ${fallback.personas} of the ${document.personas.length} personas were written by the ${fallback.provider} engine because ${run.provider} failed: ${fallback.reason}`);
    const json = JSON.stringify(document, null, 2);
    if (args.out) {
      fs.mkdirSync(path.dirname(path.resolve(args.out)), { recursive: true });
      fs.writeFileSync(args.out, `${json}\n`);
    }
    if (args.pdf) {
      await core.reports.exportToFile(run.id, 'pdf', args.pdf);
      if (!args.json) io.err(`Report written to ${args.pdf}`);
    }
    if (args.json) {
      io.out(json);
    } else {
      io.out(understandingLine(core.understand(args.brief)));
      io.out(`${document.personas.length} ${document.level} personas from the ${run.provider} engine in ${run.durationMs.toFixed(1)} ms (seed ${run.seed}, score ${run.qualityScore})`);
      document.personas.forEach((p, i) => {
        const where = [p.location.city, p.location.country].join(', ');
        io.out(`${String(i + 1).padStart(3)}. ${p.name}, ${p.age}, ${p.occupation} (${where}) quality ${p.meta?.qualityScore ?? '-'}`);
      });
      io.out(`Saved as run ${run.id} in the workshop "${workshop.name}" (${core.store.file})${args.out ? `; document written to ${args.out}` : ''}`);
    }
    return 0;
  } catch (error) {
    if (error instanceof UsageError) throw error;
    io.err(`error: ${error instanceof Error ? error.message : String(error)}`);
    return 1;
  } finally {
    await core.reports.close();
    core.close();
  }
}

function parseGenerateArgs(argv: readonly string[]): GenerateArgs {
  const { values, positionals } = parseFlags(argv, {
    count: { type: 'string' },
    level: { type: 'string' },
    location: { type: 'string' },
    age: { type: 'string' },
    seed: { type: 'string' },
    provider: { type: 'string' },
    json: { type: 'boolean' },
    out: { type: 'string' },
    pdf: { type: 'string' },
    workshop: { type: 'string' },
    data: { type: 'string' },
  });
  const [description, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`unexpected argument "${extra[0]}"; put the whole brief in one pair of quotes`);

  const input: BriefInput = {
    description: description ?? '',
    count: values.count === undefined ? 5 : wholeNumber(values.count, '--count', `a whole number from 1 to ${MAX_PERSONAS}`),
    level: (values.level ?? 'standard') as BriefInput['level'],
    ...(values.location !== undefined ? { location: values.location } : {}),
    ...(values.age !== undefined ? { ageRange: ageRange(values.age) } : {}),
    ...(values.seed !== undefined ? { seed: wholeNumber(values.seed, '--seed', 'a whole number from 0 to 4294967295') } : {}),
  };
  const brief = briefInputSchema.safeParse(input);
  if (!brief.success) {
    const issue = brief.error.issues[0]!;
    const field = String(issue.path[0] ?? 'description');
    const flag = FLAG_FOR_FIELD[field]?.replace(/^--/, '') ?? field;
    const got = field === 'description' ? (input.description.trim() === '' ? ' (it is empty)' : '') : ` (got ${formatValue((values as Record<string, unknown>)[flag])})`;
    throw new UsageError(`${FLAG_FOR_FIELD[field] ?? field} ${issue.message}${got}`);
  }
  if (values.provider !== undefined && !(PROVIDER_IDS as readonly string[]).includes(values.provider)) {
    throw new UsageError(`--provider must be one of ${PROVIDER_IDS.join(', ')} (got ${JSON.stringify(values.provider)})`);
  }
  return { brief: brief.data, json: values.json === true, out: values.out, dataDir: values.data ?? defaultDataDir(), provider: values.provider as ProviderId | undefined, pdf: values.pdf, workshop: values.workshop };
}

