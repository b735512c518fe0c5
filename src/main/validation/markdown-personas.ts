/**
 * Personas out of Markdown and prose answers: strip model noise, split the text into one block per
 * persona (headings, separators, numbered labels, paragraphs that open on a name), then read each
 * block's name and labelled fields into a raw record the alias table aligns like any other.
 */
import type { PersonaCandidate } from './find-personas';
import { resolveKey } from './field-aliases';
import { fromTable, isTableRule, personasFromTables, tableCells } from './markdown-tables';
import { readBlock } from './markdown-fields';
import { BOLD_CARD, cardName, headingDetails, headingName, headings, LABEL_PERSONA, SEPARATOR, SIGNED, type Heading } from './markdown-headings';
import { cleanPersonName, isNameLabel, looksLikePersonName, stripFootnotes } from './person-name';

export interface MarkdownPersonas {
  candidates: PersonaCandidate[];
  /** Names that are archetype titles, not people: reported as such. */
  archetypes: string[];
  /** The name of a last persona left out because the answer was cut off in the middle of it. */
  cut?: string;
}

const COUNT_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const ANNOUNCED = /\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[\p{L}-]+\s+){0,3}?(?:personas|profiles|portraits|archetypes|buyers|users)\b/iu;

/** Reasoning blocks, agent scaffolding, code fences: never part of a persona's text. */
export function stripNoise(text: string): string {
  let out = text.replace(/^\uFEFF/, '').replace(/<(think|thinking|reasoning)>[\s\S]*?<\/\1>/gi, '');
  // A closing tag with no opening one (the template put the opening in the prompt): the reasoning is all before it.
  const lone = /<\/(?:think|thinking|reasoning)>/i.exec(out);
  if (lone && !/<(?:think|thinking|reasoning)>/i.test(out.slice(0, lone.index)) && out.slice(lone.index + lone[0].length).trim() !== '') out = out.slice(lone.index + lone[0].length);
  // An unclosed reasoning block may hold the only draft of the personas: keep its text, drop the tag.
  out = out.replace(/<\/?(?:think|thinking|reasoning)>/gi, '');
  out = out.replace(/^[ \t]*(?:`{3,}|~{3,})[\s\S]*?^[ \t]*(?:`{3,}|~{3,})[ \t]*$/gm, '');
  out = out.replace(/^\s*(?:Thought|Action|Action Input|Observation)\s*:.*$/gim, '').replace(/^\s*\**Final Answer\**\s*:?\**\s*/gim, '');
  return stripFootnotes(out);
}

const NAME_IN_TEXT = "([\\p{Lu}][\\p{L}'’-]+(?:\\s+(?:de|da|dos|van|von|del|al|el|bin)?\\s*[\\p{Lu}][\\p{L}'’-]+){0,3})";
const FIRST_PERSON = new RegExp(`(?:I'm|I am|I’m|My name is|my name's|Meet|This is|Call me)\\s+(?:(?:Dr|Mrs|Mr|Ms|Prof)\\.?\\s+)?${NAME_IN_TEXT}`, 'u');
const THIRD_PERSON = new RegExp(`^\\s*(?:\\d+[.)]\\s*)?["“]?(?:[^,.:;"]{2,40},\\s+)?(?:(?:Dr|Mrs|Mr|Ms|Prof)\\.?\\s+)?${NAME_IN_TEXT}(?:\\s*\\([^)]*\\d{2}[^)]*\\)|,\\s*(?:a\\s+)?\\d{2}\\b|,\\s+(?:is|was|an?|the)\\b|\\s+(?!personas|profiles|users|customers|segments)(?:is|was|has|[a-z]{2,}(?:s|ed)|[a-z]+n[’']t)\\b)`, 'u');

const NAME_LABEL = /^\s*(?:[-*+•]\s+)?\**([\p{L} ]{2,20}?)\**\s*:\**\s*(.+)$/u;

/** A person's name in a block's lines: a Name label, the first sentence, or a signed last line. */
function nameInText(lines: string[]): string | undefined {
  for (const line of lines) {
    const cells = tableCells(line);
    const m = cells ? (cells.length >= 2 ? [line, cells[0]!, cells[1]!] : null) : NAME_LABEL.exec(line);
    if (m && isNameLabel(m[1]!) && m[2]!.trim() !== '') return cleanPersonName(m[2]!.split(/\s+[—–]\s+|,\s+/)[0]!);
  }
  const prose = lines.filter((l) => l.trim() !== '' && !/^\s*[-+>|#]/.test(l)).map((l) => l.replace(/\*\*|__/g, ''));
  for (const line of prose.slice(0, 2)) {
    // "2. Hugo Blanc — Electrician, 39 years old, Givors": a card header names its person first.
    const card = cardName(line);
    if (card) return card;
    const m = FIRST_PERSON.exec(line) ?? THIRD_PERSON.exec(line);
    if (m && looksLikePersonName(cleanPersonName(m[1]!))) {
      // "Call me Yaw. Yaw Boateng, 52": the fuller form of the same name later in the line wins.
      const full = new RegExp(`${m[1]!}\\s+[\\p{Lu}][\\p{L}'’-]+`, 'u').exec(line.slice(m.index + m[0].length));
      return cleanPersonName(full ? full[0] : m[1]!);
    }
  }
  for (const line of lines.slice().reverse()) {
    const m = SIGNED.exec(line);
    if (m) return cleanPersonName(m[1]!);
  }
  return undefined;
}

function opensOnName(raw: string): boolean {
  const line = raw.replace(/\*\*|__/g, '');
  if (cardName(line)) return true;
  const m = FIRST_PERSON.exec(line) ?? THIRD_PERSON.exec(line);
  return m !== null && looksLikePersonName(cleanPersonName(m[1]!));
}

function blocksFromHeadings(lines: string[]): Block[] | undefined {
  const all = headings(lines);
  let named = all.map((h) => ({ h, n: headingName(h.text) })).filter((x) => x.n);
  // Bold names opening list items are the personas only when no heading or label names any.
  if (named.some((x) => x.h.level < 9)) named = named.filter((x) => x.h.level < 9);
  if (named.length === 0) return undefined;
  const byLevel = new Map<number, number>();
  for (const x of named) byLevel.set(x.h.level, (byLevel.get(x.h.level) ?? 0) + 1);
  const level = [...byLevel.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  const chosen = withNumberedLabels(lines, named.filter((x) => x.h.level === level), all);
  return chosen.map((x, i) => {
    const next = chosen[i + 1]?.h.line ?? lines.length;
    // A shallower heading that names no persona ("## Summary") ends the block.
    const stop = all.find((h) => h.line > x.h.line && h.line < next && h.level < level && h.level <= 6 && !headingName(h.text));
    const body = lines.slice(x.h.line + (lines[x.h.line + 1] && /^\s*(?:={3,}|-{3,})\s*$/.test(lines[x.h.line + 1]!) ? 2 : 1), stop?.line ?? next);
    // "Persona 1: Bartosz, 33, …" carries its text on the label line itself.
    // A label that holds only the name adds nothing to the text.
    const onLabel = x.h.level === 8 ? x.h.text.replace(/^\s*(?:(?:persona|profile|user|customer)\s*#?\s*\d+\s*[:.)\-–—]|\d{1,2}[.)])\s*/i, '') : '';
    if (onLabel !== '' && cleanPersonName(onLabel) !== x.n!.name) body.unshift(onLabel);
    // "**Svenja Hoffmann**, 34, UX researcher, Berlin": the card is read as a card line, before the prose's guesses.
    else if (x.h.level === 7 && BOLD_CARD.test(lines[x.h.line]!)) body.unshift(lines[x.h.line]!);
    const inner = nameInText(body);
    // "Carlos Mendoza, 52 — Hotel Manager": the heading's own age and job fill what the body lacks.
    const details = headingDetails(x.h.text);
    // "The Night Owl (Priya Nair)": the person named after the archetype is the name, not a job or a city.
    for (const key of ['occupation', 'city'] as const) if (details[key] === x.n!.name) delete details[key];
    if (!x.n!.person && inner && looksLikePersonName(inner)) return { name: inner, person: true, body, details };
    return { name: x.n!.name || x.h.text.replace(/[*_#`]/g, '').trim(), person: x.n!.person, body, details };
  });
}

type Named = { h: Heading; n: ReturnType<typeof headingName> };
const NUMBERED_LINE = /^(?:(?:persona|profile|user|customer)\s*#?\s*(\d{1,2})\s*[:.)\-–—]|(\d{1,2})[.)])\s*\S/i;

/**
 * Answers mix separators: two personas under "## Name" headings, then "Persona 3: Mei Tanaka" as a
 * plain line. A top-level numbered label that names a person starts a persona whatever the others
 * used, when its number continues the sequence (the personas before it plus one): a numbered list
 * of goals inside a persona never does, since its numbers restart at 1 within that persona.
 */
function withNumberedLabels(lines: string[], chosen: Named[], all: Heading[]): Named[] {
  const out = [...chosen];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const m = NUMBERED_LINE.exec(line);
    if (!m || out.some((x) => x.h.line === i) || (i > 0 && lines[i - 1]!.trim() !== '' && !/^\s*(?:[-*_]\s*){3,}$/.test(lines[i - 1]!))) continue;
    const n = headingName(line.trim());
    if (!n?.person) continue;
    const before = out.filter((x) => x.h.line < i).length;
    if (Number(m[1] ?? m[2]) !== before + 1 || out.some((x) => x.n!.name === n.name)) continue;
    out.push({ h: all.find((h) => h.line === i) ?? { line: i, level: 8, text: line.trim() }, n });
  }
  return out.sort((a, b) => a.h.line - b.h.line);
}

/** No headings: personas separated by rules, or paragraphs that each open on a new name. */
function blocksFromText(lines: string[]): Block[] {
  const groups: string[][] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.some((l) => l.trim() !== '')) groups.push(current);
    current = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (SEPARATOR.test(line) && !isTableRule(line)) flush();
    else if (line.trim() !== '' && (i === 0 || lines[i - 1]!.trim() === '') && opensOnName(line)) {
      flush();
      current.push(line);
    } else current.push(line);
  }
  flush();
  const blocks: Block[] = [];
  let pending: string[] = [];
  for (const g of groups) {
    const name = nameInText(g);
    // "Amara" after "Amara Okafor" refers back to her: same persona, not a new one.
    const known = name ? blocks.find((b) => b.name === name || b.name.split(' ')[0] === name) : undefined;
    if (known) known.body.push(...g);
    else if (name && looksLikePersonName(name)) {
      blocks.push({ name, person: true, body: [...pending, ...g] });
      pending = [];
    } else if (blocks.length > 0 && !name) blocks[blocks.length - 1]!.body.push(...g);
    else if (!name) pending.push(...g);
  }
  // Text with no name opening any paragraph: one persona, named wherever its name stands.
  if (blocks.length === 0 && pending.length > 0) {
    const name = nameInText(pending);
    if (name) blocks.push({ name, person: true, body: pending });
  }
  return blocks;
}

interface Block {
  name: string;
  person: boolean;
  body: string[];
  details?: Record<string, string | number>;
}

/** The field a label names (city as a field, not as the location group), for merging a heading's details. */
function fieldOf(label: string): string | undefined {
  const target = resolveKey('persona', label);
  if (target?.kind === 'field') return target.field;
  return target?.kind === 'location' ? 'city' : undefined;
}

const SPEAKER_LINE = /^\s*[[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*[-–—]?\s*\**[\p{Lu}][\p{L}'’ .-]{0,40}\**\s*:\s/u;
const MEETING_LABEL = /^\s*(?:[-*]\s+)?\**(?:attendees|participants|present|action items|agenda|minutes|next steps)\**\s*:/imu;

/**
 * Meeting notes and transcripts name people and may talk about personas ("prepare persona
 * templates"), but the people in them are the team, not personas: timestamped speaker lines, or an
 * attendee list with action items or an agenda, and no persona stated by age.
 */
function isMeetingRecord(lines: string[]): boolean {
  if (lines.some((l) => /^\s*(?:[-*]\s+)?\**(?:age|âge|alter|edad)\**\s*:/i.test(l)) || lines.some((l) => /\b\d{2}[- ]year[- ]old\b/i.test(l))) return false;
  const speakers = lines.filter((l) => SPEAKER_LINE.test(l)).length;
  const labels = lines.filter((l) => MEETING_LABEL.test(l)).length;
  return speakers >= 3 || labels >= 2;
}

export function readMarkdownPersonas(raw: string): MarkdownPersonas {
  const lines = stripNoise(raw).split(/\r?\n/);
  if (isMeetingRecord(lines)) return { candidates: [], archetypes: [] };
  const blocks = blocksFromHeadings(lines) ?? blocksFromText(lines);
  // A table with a row (or a column) per persona holds the set at once, whatever headings surround it.
  const table = personasFromTables(lines);
  if (table && table.length >= blocks.length) return fromTable(table);
  const seen = new Set<string>();
  const candidates: PersonaCandidate[] = [];
  const archetypes: string[] = [];
  for (const block of blocks) {
    const key = block.name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const record = readBlock(block.body, block.name);
    for (const [field, value] of Object.entries(block.details ?? {})) {
      if (!Object.keys(record).some((k) => fieldOf(k) === field)) record[field] = value;
    }
    if (!block.person) archetypes.push(block.name);
    candidates.push({ raw: record, truncated: false, ...(block.person ? {} : { archetype: true }) });
  }
  // A persona the cut fell inside is not complete; a lone one is still better kept than lost.
  if (candidates.length > 1 && endsMidSentence(lines)) {
    const last = candidates.pop()!;
    if (last.archetype) archetypes.pop();
    return { candidates, archetypes, cut: String(last.raw.name) };
  }
  return { candidates, archetypes };
}

const SIGN_OFF = /\b(?:let me know|hope (?:this|these)|feel free|happy to|would you like|if you(?:'d| would) like)\b/i;

/**
 * Whether the text stops in the middle of a sentence: its last line is running prose (not a
 * bullet, a label or a table row, which end without a full stop by habit) of several words
 * that ends on a word or a comma.
 */
function endsMidSentence(lines: string[]): boolean {
  let last = '';
  for (let i = lines.length - 1; i >= 0 && last === ''; i--) last = lines[i]!.trim();
  if (/^(?:[-*+•>|#]|\d+[.)]\s)/.test(last) || SIGN_OFF.test(last)) return false;
  const text = last.replace(LABEL_PERSONA, '$1');
  if (/^[\p{L} /&'’-]{1,30}:\s/u.test(text) && !LABEL_PERSONA.test(last)) return false;
  return text.split(/\s+/).length >= 6 && /[\p{L}\p{N},]$/u.test(text);
}

/** How many personas the answer says it holds ("Here are four personas"), if it says. */
export function announcedCount(raw: string): number | undefined {
  const said = ANNOUNCED.exec(raw.slice(0, 2000))?.[1]?.toLowerCase();
  return said === undefined ? undefined : (COUNT_WORDS[said] ?? Number(said));
}
