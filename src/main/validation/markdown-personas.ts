/**
 * Personas out of Markdown and prose answers: strip model noise, split the text into one block per
 * persona (headings, separators, numbered labels, paragraphs that open on a name), then read each
 * block's name and labelled fields into a raw record the alias table aligns like any other.
 */
import type { PersonaCandidate } from './find-personas';
import { cleanPersonName, isSectionHeading, looksLikePersonName, stripFootnotes } from './person-name';

export interface MarkdownPersonas {
  candidates: PersonaCandidate[];
  /** Names that are archetype titles, not people: reported as such. */
  archetypes: string[];
}

const COUNT_WORDS: Record<string, number> = { two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10 };
const ANNOUNCED = /\b(two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:[\p{L}-]+\s+){0,3}?(?:personas|profiles|portraits|archetypes|buyers|users)\b/iu;

interface Heading {
  line: number;
  level: number;
  text: string;
}

/** Reasoning blocks, agent scaffolding, code fences: never part of a persona's text. */
export function stripNoise(text: string): string {
  let out = text.replace(/^\uFEFF/, '').replace(/<(think|thinking|reasoning)>[\s\S]*?<\/\1>/gi, '');
  // An unclosed reasoning block may hold the only draft of the personas: keep its text, drop the tag.
  out = out.replace(/<\/?(?:think|thinking|reasoning)>/gi, '');
  out = out.replace(/^[ \t]*(?:`{3,}|~{3,})[\s\S]*?^[ \t]*(?:`{3,}|~{3,})[ \t]*$/gm, '');
  out = out.replace(/^\s*(?:Thought|Action|Action Input|Observation)\s*:.*$/gim, '').replace(/^\s*\**Final Answer\**\s*:?\**\s*/gim, '');
  return stripFootnotes(out);
}

const ATX = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
const BOLD_LINE = /^\s*(?:\d+[.)]\s*)?\*\*([^*]+?)\*\*\s*:?\s*$/;
const LABEL_PERSONA = /^\s*(?:persona|profile|user|customer)\s*#?\s*(?:\d+|\s[A-Z](?=\s*[:.)\-–—]))\s*[:.)\-–—]\s*(.+)$/i;
const SEPARATOR = /^\s*(?:[-*_=~#+]\s*){3,}$|^\s*[-=~#]{2,}.*[-=~#]{2,}\s*$|^\s*[^\p{L}\p{N}\s*]{3,}\s*$/u;

function headings(lines: string[]): Heading[] {
  const found: Heading[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const atx = ATX.exec(line);
    if (atx) found.push({ line: i, level: atx[1]!.length, text: atx[2]! });
    else if (i + 1 < lines.length && /^\s*(?:={3,}|-{3,})\s*$/.test(lines[i + 1]!) && line.trim() !== '' && !/^\s*[-*+>]/.test(line))
      found.push({ line: i, level: lines[i + 1]!.includes('=') ? 1 : 2, text: line.trim() });
    else if (BOLD_LINE.test(line)) found.push({ line: i, level: 7, text: BOLD_LINE.exec(line)![1]! });
    else if (LABEL_PERSONA.test(line)) found.push({ line: i, level: 8, text: line.trim() });
    else if (/^\s*(?:persona|profile)\s*#?\s*(?:\d+|[A-Z])\s*:?\s*$/i.test(line)) found.push({ line: i, level: 8, text: line.trim() });
  }
  return found;
}

/** The heading's name and whether it is a person: "Persona 2: Sarah Chen — The Busy Founder" → Sarah Chen. */
function headingName(text: string): { name: string; person: boolean } | undefined {
  let t = text.replace(/[*_`]/g, '').replace(/^[\p{Extended_Pictographic}\uFE0F\u200D\s]+/u, '').trim();
  const numbered = /^(?:persona|profile|user|customer|archetype|segment)\s*#?\s*(?:\d+\b|\s[A-Z](?=\s*[:.)\-–—]|\s*$))\s*[:.)\-–—]?\s*/i;
  const hadLabel = numbered.test(t);
  t = t.replace(numbered, '').replace(/^\d{1,2}[.)]\s*/, '').trim();
  if (t === '') return hadLabel ? { name: '', person: false } : undefined;
  const first = t.split(/\s+[—–-]\s+|\s*\(|\s*,\s+|:\s+|\s+\|\s+/)[0]!.trim();
  const person = cleanPersonName(first);
  // One capitalised word in a heading is more often a product or a section than a person.
  if (looksLikePersonName(person) && person.includes(' ')) return { name: person, person: true };
  const title = t.replace(/\s*\(.*$/, '').split(/\s+[—–-]\s+|:\s+/)[0]!.replace(/["“”]/g, '').trim();
  if (/^the\s+\S/i.test(title) && title.split(/\s+/).length <= 6) return { name: title, person: false };
  if (hadLabel && !isSectionHeading(title) && title.split(/\s+/).length <= 6) return { name: title, person: false };
  return undefined;
}

const NAME_IN_TEXT = "([\\p{Lu}][\\p{L}'’-]+(?:\\s+(?:de|da|dos|van|von|del|al|el|bin)?\\s*[\\p{Lu}][\\p{L}'’-]+){0,3})";
const FIRST_PERSON = new RegExp(`(?:I'm|I am|I’m|My name is|my name's|Meet|This is|Call me)\\s+(?:(?:Dr|Mrs|Mr|Ms|Prof)\\.?\\s+)?${NAME_IN_TEXT}`, 'u');
const THIRD_PERSON = new RegExp(`^\\s*(?:\\d+[.)]\\s*)?["“]?(?:[^,.:;"]{2,40},\\s+)?(?:(?:Dr|Mrs|Mr|Ms|Prof)\\.?\\s+)?${NAME_IN_TEXT}(?:\\s*\\([^)]*\\d{2}[^)]*\\)|,\\s*(?:a\\s+)?\\d{2}\\b|,\\s+(?:is|was|an?|the)\\b|\\s+(?!personas|profiles|users|customers|segments)(?:is|was|has|[a-z]{2,}(?:s|ed)|[a-z]+n[’']t)\\b)`, 'u');
const SIGNED = /^\s*(?:>\s*)?[—–-]{1,2}\s*([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,3})\s*(?:,.*)?$/u;

/** A person's name in a block's lines: a Name label, the first sentence, or a signed last line. */
function nameInText(lines: string[]): string | undefined {
  for (const line of lines) {
    const m = /^\s*(?:[-*+]\s+)?\**(?:full\s+)?name\**\s*:\**\s*(.+)$/i.exec(line);
    if (m) return cleanPersonName(m[1]!.split(/\s+[—–]\s+|,\s+/)[0]!);
  }
  const prose = lines.filter((l) => l.trim() !== '' && !/^\s*[-+>|#]/.test(l)).map((l) => l.replace(/\*\*|__/g, ''));
  for (const line of prose.slice(0, 2)) {
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

/** First-person section titles ("What I need", "What drives me mad") the alias table does not know. */
function sectionKey(title: string): string {
  if (isSectionHeading(title)) return title;
  if (/\b(?:need|want|hope|goal|wish|aim)/i.test(title)) return 'goals';
  if (/\b(?:mad|hate|frustrat|annoy|pain|struggl|worr|fear|problem)/i.test(title)) return 'painPoints';
  if (/\b(?:about|who|story)\b/i.test(title)) return 'bio';
  return title;
}

function opensOnName(raw: string): boolean {
  const line = raw.replace(/\*\*|__/g, '');
  const m = FIRST_PERSON.exec(line) ?? THIRD_PERSON.exec(line);
  return m !== null && looksLikePersonName(cleanPersonName(m[1]!));
}

const LABEL = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?\**([\p{L}][\p{L} /&'’-]{0,30}?)\**\s*:\s*\**\s*(.*)$/u;
const BULLET = /^\s*(?:[-*+•]|\d+[.)])\s+(.*)$/;

/** A block's fields: labels, lists under section headings, the rest as bio; age from the prose. */
function readBlock(lines: string[], name: string): Record<string, unknown> {
  const record: Record<string, unknown> = { name };
  const bio: string[] = [];
  let section: string | undefined;
  for (const raw of lines) {
    const line = raw.replace(/\*\*/g, '**');
    if (line.trim() === '' || SEPARATOR.test(line)) continue;
    const atx = ATX.exec(line) ?? BOLD_LINE.exec(line);
    if (atx) {
      section = sectionKey((atx[2] ?? atx[1])!.replace(/[*_:]/g, '').trim());
      continue;
    }
    if (/^\s*[\p{L} /&]{3,30}\s*$/u.test(line) && isSectionHeading(line)) {
      section = sectionKey(line.trim());
      continue;
    }
    const bullet = BULLET.exec(line);
    const label = LABEL.exec(line);
    if (label && label[2]!.trim() !== '' && !/^name$/i.test(label[1]!.trim()) && (isSectionHeading(label[1]!) || !bullet || !section)) {
      record[label[1]!.trim()] = label[2]!.replace(/\*+/g, '').trim();
      continue;
    }
    if (label && label[2]!.trim() === '') {
      section = sectionKey(label[1]!.trim());
      continue;
    }
    const signed = /^\s*>?\s*[—–-]{1,2}\s*[^,]+,\s*([\p{Lu}][\p{L}'’ -]{2,30})\s*$/u.exec(line);
    // "— Ana Paula Ribeiro, Porto Alegre": the signature names where the speaker lives.
    if (signed) record.city ??= signed[1]!.trim();
    if (/^\s*>/.test(line) && SIGNED.test(line.replace(/^\s*>\s*/, ''))) continue;
    // A quoted passage is the person speaking: their bio, unless it sits under a Quote heading.
    if (section && (bullet || (/^\s*>/.test(line) && /quote/i.test(section)))) {
      const value = (bullet ? bullet[1]! : line.replace(/^\s*>\s*/, '')).replace(/\*+/g, '').trim();
      const list = record[section];
      record[section] = Array.isArray(list) ? [...(list as unknown[]), value] : typeof list === 'string' ? [list, value] : [value];
      continue;
    }
    bio.push(line.replace(/^\s*>\s*/, '').replace(/\*+/g, '').trim());
  }
  const text = bio.join(' ');
  if (text) record.bio = text;
  if (record.age === undefined && !Object.keys(record).some((k) => /^age$/i.test(k))) {
    const age = /\b(\d{2})[- ]year[- ]old\b|,\s*(\d{2})\s*,|\b(?:is|aged|age|I'm|I am|I’m)\s+(\d{2})\b/i.exec(text);
    if (age) record.age = Number(age[1] ?? age[2] ?? age[3]);
  }
  // "Giulia Romano (38, software tester, Bergamo)" or "**Svenja Hoffmann**, 34, UX researcher, Berlin".
  const card = /[(,]\s*(\d{2}),\s*([^,()\n.]{3,40}?)(?:,\s*([^,()\n.]{3,30}?))?\s*(?:\)|$|\n)/u.exec(text);
  if (card && record.age === undefined) record.age = Number(card[1]);
  if (card && !record.occupation && !/^(?:a|an|the|and|who)\b/i.test(card[2]!)) record.occupation = card[2]!.trim();
  if (card?.[3] && !/^(?:near|outside)\b/i.test(card[3])) record.city = card[3].trim();
  const keys = Object.keys(record).map((k) => k.toLowerCase());
  if (!keys.some((k) => /occupation|job|role|profession|title/.test(k))) {
    const job = /\b(?:is|I'm|I am|works as|,)\s+(?:an?|the)\s+([\p{L} -]{3,40}?)\s+(?:at|in|for|from|who|with|based)\b/u.exec(text);
    if (job) record.occupation = job[1]!.trim();
  }
  if (!keys.some((k) => /location|city|lives|based/.test(k))) {
    const city = /\b(?:in|from|based in|lives in)\s+([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+)?)/u.exec(text);
    if (city) record.city = city[1]!;
  }
  return record;
}

function blocksFromHeadings(lines: string[]): Array<{ name: string; person: boolean; body: string[] }> | undefined {
  const all = headings(lines);
  const named = all.map((h) => ({ h, n: headingName(h.text) })).filter((x) => x.n);
  if (named.length === 0) return undefined;
  const byLevel = new Map<number, number>();
  for (const x of named) byLevel.set(x.h.level, (byLevel.get(x.h.level) ?? 0) + 1);
  const level = [...byLevel.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]![0];
  const chosen = named.filter((x) => x.h.level === level);
  return chosen.map((x, i) => {
    const next = chosen[i + 1]?.h.line ?? lines.length;
    // A shallower heading that names no persona ("## Summary") ends the block.
    const stop = all.find((h) => h.line > x.h.line && h.line < next && h.level < level && h.level <= 6 && !headingName(h.text));
    const body = lines.slice(x.h.line + (lines[x.h.line + 1] && /^\s*(?:={3,}|-{3,})\s*$/.test(lines[x.h.line + 1]!) ? 2 : 1), stop?.line ?? next);
    // "Persona 1: Bartosz, 33, …" carries its text on the label line itself.
    if (x.h.level === 8) body.unshift(x.h.text.replace(/^\s*(?:persona|profile|user|customer)\s*#?\s*\d+\s*[:.)\-–—]\s*/i, ''));
    const inner = nameInText(body);
    if (!x.n!.person && inner && looksLikePersonName(inner)) return { name: inner, person: true, body };
    return { name: x.n!.name || x.h.text.replace(/[*_#`]/g, '').trim(), person: x.n!.person, body };
  });
}

/** No headings: personas separated by rules, or paragraphs that each open on a new name. */
function blocksFromText(lines: string[]): Array<{ name: string; person: boolean; body: string[] }> {
  const groups: string[][] = [];
  let current: string[] = [];
  const flush = () => {
    if (current.some((l) => l.trim() !== '')) groups.push(current);
    current = [];
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (SEPARATOR.test(line)) flush();
    else if (line.trim() !== '' && (i === 0 || lines[i - 1]!.trim() === '') && opensOnName(line)) {
      flush();
      current.push(line);
    } else current.push(line);
  }
  flush();
  const blocks: Array<{ name: string; person: boolean; body: string[] }> = [];
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

export function readMarkdownPersonas(raw: string): MarkdownPersonas {
  const lines = stripNoise(raw).split(/\r?\n/);
  const blocks = blocksFromHeadings(lines) ?? blocksFromText(lines);
  const seen = new Set<string>();
  const candidates: PersonaCandidate[] = [];
  const archetypes: string[] = [];
  for (const block of blocks) {
    const key = block.name.toLowerCase();
    if (seen.has(key)) continue;
    seen.add(key);
    const record = readBlock(block.body, block.name);
    if (!block.person) archetypes.push(block.name);
    candidates.push({ raw: record, truncated: false });
  }
  return { candidates, archetypes };
}

/** How many personas the answer says it holds ("Here are four personas"), if it says. */
export function announcedCount(raw: string): number | undefined {
  const said = ANNOUNCED.exec(raw.slice(0, 2000))?.[1]?.toLowerCase();
  return said === undefined ? undefined : (COUNT_WORDS[said] ?? Number(said));
}
