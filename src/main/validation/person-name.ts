/**
 * Reading a person's name out of Markdown and prose: honorifics, quoted nicknames and footnote
 * markers are not part of it, and a section heading or a generic label is never a name.
 */
import { resolveKey } from './field-aliases';

const HONORIFIC = /^(?:dr|mrs|mr|ms|miss|prof|professor|alhaji|alhaja|sra|sr|dona|dom|don|mx|sir|dame)\.?\s+/i;
const SECTION_WORDS =
  /^(?:persona|profile|summary|overview|background|demographics?|demographic details|goals?|motivations?|frustrations?|pain points?|needs|behaviou?rs?|quote|bio|biography|about|notes?|key insights?|insights?|personas?|user personas?|customer personas?|conclusion|next steps|methodology|appendix|details|personality|interests|values|challenges|day in the life|scenario|tech(?:nology)? use|channels|final answer|answer|introduction|meeting|meetings|agenda|attendees|participants|action items?|minutes|transcript|memo|recap|takeaways|date|subject|re|fwd?)\b/i;

// Capitalised words that open sentences, not names: "What drives me mad", "Thirty-nine, a coordinator".
const NOT_A_NAME =
  /^(?:what|who|when|where|why|how|this|that|these|those|it|he|she|they|we|i|my|his|her|their|our|your|and|but|so|like|unlike|finally|also|then|here|there|every|each|most|some|both|all|one|two|three|four|five|married|single|hi|hello|okay|ok|sure|note|first|second|third|next|last|today|yes|no|for|in|on|at|with|probably|maybe|perhaps|should|let|now|ages|names|after|before|since|because|if|while|although|given)(?![\p{L}'’-])|^(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|nineteen|eighteen)/iu;

/** Footnote markers (¹, [1], [^1], ^1) left after a word. */
export function stripFootnotes(text: string): string {
  return text.replace(/\[\^?\d{1,2}\]|\^\d{1,2}\b|[¹²³⁴⁵⁶⁷⁸⁹⁰]+/g, '');
}

/** `Dr. Eleanor "Ellie" Vance¹` → `Eleanor Vance`. */
export function cleanPersonName(name: string): string {
  let text = stripFootnotes(name)
    .replace(/[*_`#]/g, '')
    .replace(/\s*["“”«»'‘’]([^"“”«»'‘’]{1,20})["“”«»'‘’]\s*/g, (whole, inner: string, at: number) => (at === 0 ? whole : ' '))
    .replace(/\s*\((?:“|")?[^)]*\)\s*/g, ' ')
    .trim();
  while (HONORIFIC.test(text)) text = text.replace(HONORIFIC, '');
  return text.replace(/\s+/g, ' ').trim();
}

/** Two to five capitalised words (particles allowed): reads as a personal name. */
export function looksLikePersonName(text: string): boolean {
  const words = text.split(/\s+/);
  if (words.length < 1 || words.length > 5) return false;
  if (/^the\b/i.test(text) || SECTION_WORDS.test(text) || NOT_A_NAME.test(text)) return false;
  if (resolveKey('persona', text) !== undefined) return false;
  let capitals = 0;
  for (const w of words) {
    if (/^(?:de|da|do|dos|das|del|della|di|van|von|der|den|la|le|al|el|bin|ibn|ben|y|e|du|st\.?)$/i.test(w)) continue;
    if (!/^[\p{Lu}][\p{L}'’.-]*$/u.test(w)) return false;
    capitals++;
  }
  return capitals >= 1;
}

export function isSectionHeading(text: string): boolean {
  return SECTION_WORDS.test(text.trim()) || resolveKey('persona', text.trim()) !== undefined;
}

/** "Name", "Full name", "Nom", "Nombre": a label the alias table reads as the name. */
export function isNameLabel(label: string): boolean {
  const target = resolveKey('persona', label.trim());
  return target?.kind === 'field' && target.field === 'name';
}

// Nouns archetype titles are made of ("Outdoor Enthusiast", "Budget Shopper"): capitalised like a name, never one.
const ROLE_WORD =
  /\b(?:enthusiasts?|lovers?|seekers?|shoppers?|buyers?|users?|parents?|moms?|mums?|dads?|mothers?|fathers?|families|family|professionals?|workers?|managers?|owners?|founders?|students?|retirees?|foodies?|hunters?|planners?|makers?|nomads?|warriors?|explorers?|adopters?|builders?|creators?|learners?|leaders?|experts?|novices?|beginners?|veterans?|commuters?|travell?ers?|gamers?|cooks?|chefs?|fans?|champions?|skeptics?|sceptics?|pragmatists?|optimizers?|optimisers?|minimalists?|hustlers?|juggler?s?|singles?|couples?|newbies?|pros?|heroes?|hero|guardians?|strategists?|analysts?|specialists?|consultants?|executives?|decision[- ]makers?|influencers?|advocates?|dwellers?|natives?|millennials?|boomers?|teens?|teenagers?|persona|segment|type|conscious|savvy|focused|driven|friendly|minded|busy|budget|eco|health|tech|green|urban|rural|young|senior|working|stay-at-home|time-starved|weekend)\b/i;

/** Whether capitalised words are a role or archetype title rather than a person's name. */
export function isRoleTitle(text: string): boolean {
  return ROLE_WORD.test(text);
}
