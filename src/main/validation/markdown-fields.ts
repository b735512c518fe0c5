/**
 * One persona's fields out of its block of Markdown or prose: label lines (several on a line too),
 * field/value table rows, a heading per field with its value under it, lists under section
 * headings, card lines ("34, nurse, Leeds"), and the rest as the bio, where age, job and city are
 * looked for last.
 */
import { resolveKey } from './field-aliases';
import { ATX, BOLD_LINE, cardHeader, jobAndPlace, SEPARATOR, SIGNED } from './markdown-headings';
import { KEY_COLUMN, tableCells } from './markdown-tables';
import { isNameLabel, isSectionHeading } from './person-name';
import { readProseFields } from './prose-fields';

/** First-person section titles ("What I need", "What drives me mad") the alias table does not know. */
export function sectionKey(title: string): string {
  if (isSectionHeading(title)) return title;
  if (/\b(?:need|want|hope|goal|wish|aim)/i.test(title)) return 'goals';
  if (/\b(?:mad|hate|frustrat|annoy|pain|struggl|worr|fear|problem)/i.test(title)) return 'painPoints';
  if (/\b(?:about|who|story)\b/i.test(title)) return 'bio';
  return title;
}

const CARD_LINE = /^\s*(?:[-*+•]\s+)?(?:\d+[.)]\s*)?(?:[^,\d:]{2,60}(?:,|\s[—–-])\s*)?(\d{2}),\s*(?!(?:is|was|has|lives|runs)\b)([^,()]{3,60}?)(?:,\s*([^,()]{2,40}?))?\s*\.?\s*$/u;
const SCALAR_FIELDS: ReadonlySet<string> = new Set(['age', 'gender', 'occupation', 'incomeBracket', 'education', 'quote']);

/** A section that holds one value (Age, Role, City), not a list or a story. */
function isScalarSection(section: string): boolean {
  const target = resolveKey('persona', section);
  return target?.kind === 'location' || (target?.kind === 'field' && SCALAR_FIELDS.has(target.field));
}

const LABEL = /^\s*(?:[-*+]\s+|\d+[.)]\s+)?\**([\p{L}][\p{L} /&'’-]{0,30}?)\**\s*:\s*\**\s*(.*)$/u;
const BULLET = /^\s*(?:[-*+•]|\d+[.)])\s+(.*)$/;

/** A block's fields: labels, lists under section headings, the rest as bio; age from the prose. */
export function readBlock(lines: string[], name: string): Record<string, unknown> {
  const record: Record<string, unknown> = { name };
  const bio: string[] = [];
  let blockquote: string | undefined;
  let section: string | undefined;
  for (const raw of lines) {
    const line = raw.replace(/\*\*/g, '**');
    if (line.trim() === '' || SEPARATOR.test(line)) continue;
    // "| Age | 36 |": a field/value table row is a label line; its header row names no field.
    const cells = tableCells(line);
    if (cells) {
      if (cells.length >= 2 && !KEY_COLUMN.test(cells[0]!) && !isNameLabel(cells[0]!) && cells[1] !== '') record[cells[0]!] = cells.slice(1).filter((c) => c !== '').join('; ');
      continue;
    }
    const atx = ATX.exec(line) ?? BOLD_LINE.exec(line);
    // "### Age" then "**35**": a bold value under a one-value heading is the value, not a new section.
    const boldValue = atx && !ATX.test(line) && section !== undefined && isScalarSection(section) && record[section] === undefined;
    if (atx && !boldValue) {
      section = sectionKey((atx[2] ?? atx[1])!.replace(/[*_:]/g, '').trim());
      continue;
    }
    if (/^\s*[\p{L} /&]{3,30}\s*$/u.test(line) && isSectionHeading(line)) {
      section = sectionKey(line.trim());
      continue;
    }
    // "**Age:** 34 | **Occupation:** Nurse | **Location:** Uppsala": several labels on one line.
    const inline = line.split(/\s+[|•·]\s+/);
    if (inline.length > 1 && inline.every((part) => LABEL.test(part))) {
      for (const part of inline) {
        const m = LABEL.exec(part)!;
        if (m[2]!.trim() !== '' && !isNameLabel(m[1]!)) record[m[1]!.trim()] = m[2]!.replace(/\*+/g, '').trim();
      }
      continue;
    }
    const bullet = BULLET.exec(line);
    const label = LABEL.exec(line);
    if (label && label[2]!.trim() !== '' && !isNameLabel(label[1]!) && (isSectionHeading(label[1]!) || !bullet || !section)) {
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
    // "1. Nathalie Brun, 44 — Accountant, Lyon": a card header in any order around commas and dashes.
    const header = record.age === undefined && !label ? cardHeader(line) : undefined;
    if (header?.age !== undefined) {
      record.age = header.age;
      if (header.occupation !== undefined) record.occupation ??= header.occupation;
      if (header.city !== undefined) record.city ??= header.city;
      continue;
    }
    // "- 24, marketing assistant, São Paulo" or "Svenja Hoffmann, 34, UX researcher, Berlin": a card of age, job and city.
    const card = CARD_LINE.exec(line.replace(/\*\*|__/g, ''));
    if (card && record.age === undefined && card[2]!.split(/\s+/).length <= 6 && (card[3] ?? '').split(/\s+/).length <= 4) {
      record.age = Number(card[1]);
      // "31, works in a bank call centre, Rio": the work said as a verb is still the job.
      const job = jobAndPlace(card[2]!.replace(/^works\s+as\s+(?:an?\s+)?/i, ''));
      if (!/^(?:a|an|the|and|who|with)\b/i.test(job.job)) record.occupation ??= job.job;
      if (card[3] ?? job.place) record.city ??= (card[3] ?? job.place)!.trim();
      continue;
    }
    // '> « Je veux bien cuisiner… »' after the lists: a quoted blockquote is the persona speaking, whatever section is open.
    const spoken = /^\s*>/.test(line) ? /^\s*>\s*(?:[«"“„]\s*)([^«»"“”„]{8,400}?)\s*[»"”“]\s*$/u.exec(line.replace(/\*+/g, '')) : null;
    if (spoken && !(section && /quote/i.test(section))) {
      blockquote ??= spoken[1]!.trim();
      continue;
    }
    // A quoted passage is the person speaking: their bio, unless it sits under a Quote heading.
    if (section && (bullet || (/^\s*>/.test(line) && /quote/i.test(section)))) {
      const value = (bullet ? bullet[1]! : line.replace(/^\s*>\s*/, '')).replace(/\*+/g, '').trim();
      const list = record[section];
      record[section] = Array.isArray(list) ? [...(list as unknown[]), value] : typeof list === 'string' ? [list, value] : [value];
      continue;
    }
    const plain = line.replace(/^\s*>\s*/, '').replace(/\*+/g, '').trim();
    // A blockquote outside any section is the persona speaking: their quote, and still part of the story.
    if (/^\s*>/.test(line) && !section) blockquote ??= plain.replace(/^["“]|["”]$/g, '');
    // "### Age" then "38": a heading per field, its value on the lines under it.
    if (section && !bullet && isScalarSection(section)) {
      const before = record[section];
      record[section] = typeof before === 'string' ? `${before} ${plain}` : plain;
      continue;
    }
    bio.push(plain);
  }
  const text = bio.join(' ');
  if (text) record.bio = text;
  if (record.age === undefined && !Object.keys(record).some((k) => /^age$/i.test(k))) {
    // "but at 71 she has no interest in apps": "at" an age, then the person it is about.
    const age = /\b(\d{2})[- ]year[- ]old\b|,\s*(\d{2})\s*,|\b(?:is|aged|age|I'm|I am|I’m)\s+(\d{2})\b|\bat\s+(\d{2}),?\s+(?:she|he|I|they)\b/i.exec(text);
    if (age) record.age = Number(age[1] ?? age[2] ?? age[3] ?? age[4]);
  }
  // "Giulia Romano (38, software tester, Bergamo)" or "**Svenja Hoffmann**, 34, UX researcher, Berlin".
  const card = /[(,]\s*(\d{2}),\s*([^,()\n.]{3,40}?)(?:,\s*([^,()\n.]{3,30}?))?\s*(?:\)|$|\n)/u.exec(text);
  if (card && record.age === undefined) record.age = Number(card[1]);
  if (card && !record.occupation && !/^(?:a|an|the|and|who)\b/i.test(card[2]!)) record.occupation = card[2]!.trim();
  if (card?.[3] && !/^(?:near|outside)\b/i.test(card[3])) record.city = card[3].trim();
  readStatedInProse(record, text, blockquote);
  const keys = Object.keys(record).map((k) => k.toLowerCase());
  if (!keys.some((k) => /occupation|job|role|profession|title/.test(k))) {
    // "is a 66-year-old retired schoolteacher in Bergen": the age before the job is not part of it.
    const job = /\b(?:is|I'm|I am|works? as|,)\s+(?:an?|the)\s+(?:\d{2}[- ]year[- ]old\s+)?([\p{L} -]{3,40}?)\s+(?:at|in|for|from|who|with|based|running|working|living|whose|and)\b|\b(?:I|she|he|they)\s+works?\s+as\s+(?:an?\s+)?([\p{L} -]{3,40}?)\s+(?:at|in|for|from|with|based|and)\b/u.exec(text);
    if (job) record.occupation = (job[1] ?? job[2])!.trim();
    // "Hiroshi, 46, runs a ramen shop in Osaka": what the person runs is their work, in the text's words.
    const runs = job ? null : /\bruns\s+((?:an?|the|her|his|their|my)\s+(?:own\s+|small\s+|little\s+|family\s+)?[\p{L} -]{3,40}?)\s+(?:in|at|with|for|from|near|called|on|out of)\b/u.exec(text);
    if (runs) record.occupation = `Runs ${runs[1]!.trim()}`;
  }
  if (!keys.some((k) => /location|city|lives|based/.test(k))) {
    // "her daughter in Graz" places the daughter, not the persona.
    const city = /(?<!\b(?:daughter|son|sister|brother|mother|father|parents|children|kids|family|nephew|niece|cousin|friend|friends|partner|wife|husband|office|headquarters|company|clients?)\s)\b(?:in|from|based in|lives in|out of)\s+(?:the\s+(?:\d{1,2}\p{L}{0,3}\s+)?(?:arrondissement|district|suburbs?|centre|center|outskirts|heart|north|south|east|west|old town)\s+of\s+)?([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+)?)/u.exec(text);
    // "Lyon's Confluence district": the city is the owner, not the district after it.
    if (city) record.city = city[1]!.replace(/['’]s(?:\s.*)?$/u, '');
  }
  return record;
}

const PROSE_FIELDS = ['goals', 'painPoints', 'interests', 'values', 'channels', 'quote'] as const;

/**
 * Goals, pain points, interests, values, channels and quote stated in sentences (the bio, or a
 * Background/Summary label's text) rather than under a label: read from the prose when no label or
 * section gave the field, so a label the text states explicitly is never overwritten.
 */
function readStatedInProse(record: Record<string, unknown>, bio: string, blockquote: string | undefined): void {
  const given = new Set<string>();
  const stories: string[] = [bio];
  for (const [key, value] of Object.entries(record)) {
    const target = resolveKey('persona', key);
    if (target?.kind !== 'field') continue;
    given.add(target.field);
    if (target.field === 'bio' && key !== 'bio' && typeof value === 'string') stories.push(value);
  }
  const missing = PROSE_FIELDS.filter((f) => !given.has(f));
  if (missing.length === 0) return;
  const read = readProseFields(stories.join(' '));
  if (blockquote && blockquote.split(/\s+/).length >= 4) read.quote ??= blockquote;
  for (const field of missing) if (read[field] !== undefined) record[field] = read[field];
}
