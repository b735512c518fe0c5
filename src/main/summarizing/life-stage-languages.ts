/**
 * What a profile written in French, Spanish, German, Italian, Portuguese, Arabic or Simplified Chinese
 * states of the persona's life stage, read with each language's cue table. Every table is tried on
 * every text (a profile may mix languages, and a cue is a phrase, not a lone word, so one language's
 * cue does not fire on another's text); life-stage.ts combines these signals with its English reading.
 */
import type { LanguageCues } from './life-stage-cues';
import { ARABIC, CHINESE, GERMAN } from './life-stage-cues-other';
import { FRENCH, ITALIAN, PORTUGUESE, SPANISH } from './life-stage-cues-romance';

export type ChildAge = 'young' | 'teen' | 'grown' | null;

export interface StatedSignals {
  retired: boolean;
  student: boolean;
  childFree: boolean;
  children: ChildAge[];
  partner: boolean;
  sharing: boolean;
  withParents: boolean;
  alone: boolean;
}

const LANGUAGES: readonly LanguageCues[] = [FRENCH, SPANISH, GERMAN, ITALIAN, PORTUGUESE, ARABIC, CHINESE];

/** Arabic-Indic and full-width digits as ASCII, Arabic vowel marks and tatweel dropped ("تدرّس" is "تدرس"). */
function normalise(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660))
    .replace(/[\u06F0-\u06F9]/g, (d) => String(d.charCodeAt(0) - 0x06f0))
    .replace(/[\uFF10-\uFF19]/g, (d) => String(d.charCodeAt(0) - 0xff10))
    .replace(/[\u064B-\u0652\u0640]/g, '');
}

/** Sentences end with Latin, Chinese or Arabic stops. */
function sentences(text: string): string[] {
  return text
    .split(/(?<=[.!?。！？؟])\s*|\n+/)
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}

export function otherLanguageSignals(occupation: string, bio: string): StatedSignals {
  const job = normalise(occupation);
  const own = normalise(bio);
  const text = `${job}. ${own}`;
  const parts = sentences(own);
  const out: StatedSignals = { retired: false, student: false, childFree: false, children: [], partner: false, sharing: false, withParents: false, alone: false };
  for (const cues of LANGUAGES) {
    out.retired ||= cues.retired.test(job.replace(cues.retiredOthers, ' ')) || parts.some((s) => ownCue(s.replace(cues.retiredOthers, ' '), cues.retired, cues));
    out.student ||= cues.studentJob.test(job) || parts.some((s) => studies(s, cues));
    out.childFree ||= cues.childFree.test(text);
    for (const s of parts) out.children.push(...childMentions(s, cues));
    out.partner ||= parts.some((s) => ownCue(s.replace(cues.notPartner, ' '), cues.partner, cues));
    out.sharing ||= cues.sharing.test(own); // flatmates are others by definition: no `others` check
    out.withParents ||= parts.some((s) => ownCue(s, cues.withParents, cues));
    out.alone ||= parts.some((s) => ownCue(s, cues.alone, cues));
  }
  return out;
}

/** The cue is in the sentence and no one else (a sister, a friend, a colleague) is named before it. */
function ownCue(sentence: string, cue: RegExp, cues: LanguageCues): boolean {
  const m = cue.exec(sentence);
  return m !== null && !cues.others.test(sentence.slice(0, m.index));
}

/** The persona studies: the cue is not about a son, a sister or a husband named before it. */
function studies(sentence: string, cues: LanguageCues): boolean {
  const m = cues.studentSelf.exec(sentence);
  return m !== null && !cues.relatives.test(sentence.slice(0, m.index));
}

function childMentions(sentence: string, cues: LanguageCues): ChildAge[] {
  const out: ChildAge[] = [];
  for (const m of sentence.matchAll(cues.children)) {
    // A class, a client or a story before the children ("单亲妈妈的小说": or just after), or someone else's children.
    const end = m.index + m[0].length;
    if (cues.notOwn.test(sentence.slice(0, end + 4)) || cues.others.test(sentence.slice(0, m.index))) continue;
    out.push(ageOf(sentence.slice(Math.max(0, m.index - 20)).split(/[;；؛]/)[0]!, cues));
  }
  for (const m of sentence.matchAll(cues.grown)) {
    if (!cues.notOwn.test(sentence.slice(0, m.index + m[0].length)) && !cues.others.test(sentence.slice(0, m.index))) out.push('grown');
  }
  return out;
}

/** The age the words around a child mention give, youngest first (as the English reading does). */
function ageOf(window: string, cues: LanguageCues): ChildAge {
  const ages = agesIn(window, cues);
  if (cues.young.test(window) || ages.some((a) => a <= 11)) return 'young';
  if (cues.teen.test(window) || ages.some((a) => a >= 12 && a <= 19)) return 'teen';
  cues.grown.lastIndex = 0;
  if (cues.grown.test(window)) return 'grown';
  return null;
}

const TOKENS = new WeakMap<LanguageCues, RegExp>();

/** A number in digits or in the table's words, longest word first ("dix-sept" before "sept"); made once per table. */
function numberToken(cues: LanguageCues): RegExp {
  let token = TOKENS.get(cues);
  if (!token) {
    const words = Object.keys(cues.numbers).sort((a, b) => b.length - a.length);
    token = new RegExp(`\\d{1,2}|${words.join('|')}`, 'giu');
    TOKENS.set(cues, token);
  }
  return token;
}

/** Children's ages in the spans the table marks as ages; a number of 20 or more may be the persona's own age, so it is left out. */
function agesIn(window: string, cues: LanguageCues): number[] {
  const token = numberToken(cues);
  const ages: number[] = [];
  for (const span of window.matchAll(cues.ages)) {
    for (const t of span[0].match(token) ?? []) ages.push(/^\d+$/.test(t) ? Number(t) : (cues.numbers[t.toLowerCase()] ?? cues.numbers[t] ?? NaN));
  }
  return ages.filter((a) => Number.isFinite(a) && a >= 0 && a <= 19);
}
