/** The analysed brief in words: what the UI shows beside the brief and the CLI prints before the personas. */
import type { BriefUnderstanding } from '../../shared/brief';
import type { Level } from '../../shared/persona';
import { GENERIC_DOMAIN } from './audience';
import type { BriefAnalysis } from './brief-analysis';

export function understandingOf(analysis: BriefAnalysis, level: Level): BriefUnderstanding {
  const domain = analysis.domains[0];
  return {
    place: analysis.place.label,
    unknownPlace: analysis.place.unresolved,
    origin: analysis.origin?.name ?? null,
    audience: analysis.stageNamed ? `${analysis.stage.label}: ${analysis.stage.describe}` : 'Adults in general: the brief names no particular audience',
    ages: analysis.ageRange,
    agesNote: analysis.agesNote,
    product: analysis.product,
    domain: domain && domain.id !== GENERIC_DOMAIN ? domain.label : 'Not recognised: goals and pain points are written about the offer as the brief names it',
    b2b:
      level === 'b2b'
        ? { functions: analysis.b2bFunctions.map((f) => f.id), industries: analysis.industries.map((i) => i.label), companySizes: analysis.companySizes }
        : null,
  };
}

/** One line for a terminal: "Kuala Lumpur and nearby, Malaysia · Muslim families, 25–50 · halal meal delivery (Groceries and food shopping)". */
export function understandingLine(u: BriefUnderstanding): string {
  const who = u.audience.split(':')[0]!;
  const parts = [u.place + (u.origin ? ` (from ${u.origin})` : ''), `${who}, ${u.ages[0]}–${u.ages[1]}`, `${u.product} (${u.domain.startsWith('Not recognised') ? 'no known domain' : u.domain})`];
  const unknown = u.unknownPlace ? `; "${u.unknownPlace.text}" is not a known place${u.unknownPlace.suggestions.length ? ` (did you mean ${u.unknownPlace.suggestions.join(' or ')}?)` : ''}` : '';
  const ages = u.agesNote ? `; ages: ${u.agesNote}` : '';
  return `Understood: ${parts.join(' · ')}${unknown}${ages}`;
}
