/**
 * The headings of a Markdown persona answer: ATX and setext headings, bold lines, "Persona 2:"
 * labels and list items opening on a bold name; which of them name a persona (a person or an
 * archetype title, never a section), and what else a heading states about the persona.
 */
import { cleanPersonName, isRoleTitle, isSectionHeading, looksLikePersonName } from './person-name';

export interface Heading {
  line: number;
  level: number;
  text: string;
}

export const ATX = /^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/;
export const BOLD_LINE = /^\s*(?:\d+[.)]\s*)?\*\*([^*]+?)\*\*\s*:?\s*$/;
export const LABEL_PERSONA = /^\s*(?:persona|profile|user|customer)\s*#?\s*(?:\d+|\s[A-Z](?=\s*[:.)\-–—]))\s*[:.)\-–—]\s*(.+)$/i;
/** "1. **Ingrid Solberg** – Freelance illustrator": a top-level list item opening on a bold name, details in sub-bullets. */
/** A rule between personas: `---`, `***`, `=== Persona ===`, a line of symbols. */
export const SEPARATOR = /^\s*(?:[-*_=~#+]\s*){3,}$|^\s*[-=~#]{2,}.*[-=~#]{2,}\s*$|^\s*[^\p{L}\p{N}\s*]{3,}\s*$/u;
/** "— Ana Paula Ribeiro, Porto Alegre": a signed line names the speaker. */
export const SIGNED = /^\s*(?:>\s*)?[—–-]{1,2}\s*([\p{Lu}][\p{L}'’-]+(?:\s+[\p{Lu}][\p{L}'’-]+){0,3})\s*(?:,.*)?$/u;
export const BOLD_CARD = /^\s*\*\*[^*:]{3,60}\*\*\s*(?:[—–]|-\s|\(|,)\s*[^*:]{2,80}$/;
export const LIST_NAME = /^ ?(?:\d+[.)]|[-*+])\s+\*\*[^*:]{3,60}\*\*\s*(?:\([^)]*\)\s*)?(?:[,—–:-]\s*[^*]*)?$/;

export function headings(lines: string[]): Heading[] {
  const found: Heading[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const atx = ATX.exec(line);
    if (atx) found.push({ line: i, level: atx[1]!.length, text: atx[2]! });
    else if (i + 1 < lines.length && /^\s*(?:={3,}|-{3,})\s*$/.test(lines[i + 1]!) && line.trim() !== '' && !/^\s*[-*+>]/.test(line))
      found.push({ line: i, level: lines[i + 1]!.includes('=') ? 1 : 2, text: line.trim() });
    else if (BOLD_LINE.test(line)) found.push({ line: i, level: 7, text: BOLD_LINE.exec(line)![1]! });
    // "**Oliver Grant** — 45, accountant, Bristol": a bold name with its card after a dash is a heading too.
    else if (BOLD_CARD.test(line)) found.push({ line: i, level: 7, text: line.replace(/\*\*/g, '').trim() });
    else if (LIST_NAME.test(line)) found.push({ line: i, level: 9, text: line.replace(/^\s*(?:\d+[.)]|[-*+])\s+/, '').replace(/\*\*/g, '') });
    else if (LABEL_PERSONA.test(line)) found.push({ line: i, level: 8, text: line.trim() });
    else if (/^\s*(?:persona|profile)\s*#?\s*(?:\d+|[A-Z])\s*:?\s*$/i.test(line)) found.push({ line: i, level: 8, text: line.trim() });
  }
  return found;
}

/** "44", "aged 44", "49 ans", "39 Jahre", "31 y/o", "52 years old": an age as one part of a card. */
export const AGE_PART = /^(?:age[sd]?\s*|âge\s*|alter\s*)?(\d{2})(?:\s*(?:y\/?o|yo|yrs?|years?(?:\s+old)?|ans|Jahre|años|anos|anni|jaar|lat))?$/iu;

/**
 * "1. Nathalie Brun, 44 — Accountant, Lyon", "Sandrine Mallet — DRH, 49 ans, Lyon": a line that
 * opens on a person's name and states an age among parts cut by commas and dashes is a card
 * header, whatever order the parts come in; its age, job and city, or undefined.
 */
export function cardHeader(line: string): Record<string, string | number> | undefined {
  return cardLine(line)?.details;
}

/** The name a card header opens on ("2. Hugo Blanc — Electrician, 39 years old, Givors" → Hugo Blanc). */
export function cardName(line: string): string | undefined {
  return cardLine(line)?.name;
}

function cardLine(line: string): { name: string; details: Record<string, string | number> } | undefined {
  if (line.length > 140 || !/\d\d/.test(line)) return undefined;
  const t = line.replace(/[*_`]/g, '').replace(/^\s*(?:[-+•]\s+)?(?:\d{1,2}[.)]\s*)?/, '').trim();
  const parts = t.split(/\s*,\s*|\s+[—–-]\s+/);
  if (parts.length < 2 || t.length > 120 || /[.!?;]\s/.test(t) || !looksLikePersonName(cleanPersonName(parts[0]!)) || !parts.some((p) => AGE_PART.test(p.trim()))) return undefined;
  // "Thomas, 45, is an electrician running…" is a sentence about him, not a card: the prose reads it.
  if (parts.some((p) => p.split(/\s+/).length > 6 || /^(?:is|was|has|works|lives|runs|a|an|the|who|and)\b/i.test(p.trim()))) return undefined;
  return { name: cleanPersonName(parts[0]!), details: headingDetails(t) };
}

/** The heading's name and whether it is a person: "Persona 2: Sarah Chen — The Busy Founder" → Sarah Chen. */
export function headingName(text: string): { name: string; person: boolean } | undefined {
  let t = text.replace(/[*_`]/g, '').replace(/^[\p{Extended_Pictographic}\uFE0F\u200D\s]+/u, '').trim();
  const numbered = /^(?:persona|profile|user|customer|archetype|segment)\s*#?\s*(?:\d+\b|\s[A-Z](?=\s*[:.)\-–—]|\s*$))\s*[:.)\-–—]?\s*/i;
  const hadLabel = numbered.test(t);
  t = t.replace(numbered, '').replace(/^\d{1,2}[.)]\s*/, '').trim();
  if (t === '') return hadLabel ? { name: '', person: false } : undefined;
  const first = t.split(/\s+[—–-]\s+|\s*\(|\s*,\s+|:\s+|\s+\|\s+/)[0]!.trim();
  const person = cleanPersonName(first);
  // One capitalised word in a heading is more often a product or a section than a person.
  if (looksLikePersonName(person) && person.includes(' ')) return { name: person, person: true };
  // "The Working Mom — Céline Arnaud", "The Busy Founder (Sarah Chen)": the person after the archetype is the name.
  for (const part of t.split(/\s+[—–-]\s+|\s*[()]\s*|:\s+/).slice(1)) {
    const other = cleanPersonName(part.trim());
    if (other.includes(' ') && other.split(' ').length <= 4 && looksLikePersonName(other) && !isRoleTitle(other)) return { name: other, person: true };
  }
  const title = t.replace(/\s*\(.*$/, '').split(/\s+[—–-]\s+|:\s+/)[0]!.replace(/["“”]/g, '').trim();
  if (/^the\s+\S/i.test(title) && title.split(/\s+/).length <= 6) return { name: title, person: false };
  if (hadLabel && !isSectionHeading(title) && title.split(/\s+/).length <= 6) return { name: title, person: false };
  return undefined;
}

/**
 * What a heading says besides the name: "Carlos Mendoza, 52 — Hotel Manager", "Sarah, 34, Teacher,
 * Leeds", "Ingrid Solberg (31) – Illustrator". An age is two digits; the first other part is the
 * job and a second one the city, as in a card; an archetype subtitle ("The Busy Founder") is neither.
 */
export function headingDetails(text: string): Record<string, string | number> {
  const t = text.replace(/[*_`]/g, '').replace(/^\s*(?:(?:persona|profile|user|customer)\s*#?\s*\d+\s*[:.)\-–—]\s*|\d{1,2}[.)]\s*)/i, '');
  // A label line may run on into prose ("Persona 1: Bartosz, 33, photographer in Kraków. Sells…"): its first sentence only.
  const parts = t.split(/\.\s/)[0]!.split(/\s*[,|()]\s*|\s+[—–-]\s+/).map((p) => p.replace(/^[—–-]\s*/, '').trim()).filter((p) => p !== '');
  const details: Record<string, string | number> = {};
  const texts: string[] = [];
  for (const part of parts.slice(1)) {
    const age = AGE_PART.exec(part);
    if (age) details.age ??= Number(age[1]);
    else if (/^the\b/i.test(part) || !/^\p{L}/u.test(part) || part.includes(':')) continue;
    else {
      // "Nurse in Dakar who wants…": the job and place come before the clause about the person.
      const clause = part.split(/\s+(?:who|which|that|and|with|learning|looking|trying)\s/)[0]!;
      if (clause.split(/\s+/).length <= 6) texts.push(clause.replace(/[.;]$/, ''));
    }
  }
  const first = texts[0] === undefined ? undefined : jobAndPlace(texts[0]);
  if (first) details.occupation = first.job;
  if (texts[1] ?? first?.place) details.city = (texts[1] ?? first?.place)!;
  return details;
}

/** "wedding photographer in Kraków" → the job and the city; "farmer near Nyeri" → the job, no city (only near it). */
export function jobAndPlace(text: string): { job: string; place?: string } {
  const m = /^(.{3,60}?)\s+(in|near|outside|from|based in)\s+(\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})\.?$/u.exec(text.trim());
  if (!m) return { job: text.trim() };
  return /^(?:near|outside)$/.test(m[2]!) ? { job: m[1]! } : { job: m[1]!, place: m[3]!.trim() };
}
