/**
 * The fixed tables behind the concept rules: which concept words go against which values, and
 * which audiences a concept can name and how a profile shows a persona belongs to one.
 */
import type { ProfileField } from '../../../shared/conversations';
import type { Persona } from '../../../shared/persona';

/** A value (matched on the value's words) and the concept words that go against it. */
export interface Conflict {
  value: RegExp;
  concept: RegExp;
}

export const VALUE_CONFLICTS: readonly Conflict[] = [
  { value: /sustainab|\beco|environment|planet|green|zero.?waste|climate|nature|recycl|low.?waste|ethical/i, concept: /single.?use|plastic|disposable|throw.?away|fast fashion|air.?freight|flown in|diesel|petrol|non.?recyclable|polystyrene|styrofoam/i },
  { value: /health|fresh|nutrition|wellbeing|well-being|natural|organic/i, concept: /ultra.?processed|processed|junk|sugary|frozen|deep.?fried|artificial|additives/i },
  { value: /privacy|discretion|security|data/i, concept: /tracking|tracks? you|share your data|sell(s|ing)? (your )?data|location data|targeted ads|advertis|always.?on (camera|microphone)/i },
  { value: /flexib|freedom|independen|control|autonomy/i, concept: /lock.?in|minimum term|annual contract|\d+.?month contract|long contract|auto.?renew|no cancell?ation|binding/i },
  { value: /honest|transparen|fair|trust/i, concept: /hidden fee|small print|auto.?renew|surprise fee|booking fee|fine print/i },
  { value: /local|community|neighbou?rhood|independent shops/i, concept: /imported|global chain|multinational|overseas|offshore|flown in/i },
  { value: /simplic|convenien|\bease\b|easy|effortless|time/i, concept: /complicated|complex set.?up|manual set.?up|assembly required|requires training|long onboarding/i },
  { value: /human|personal|real person|care|empathy|support/i, concept: /chatbot|automated only|no human|ai.?only|self.?service only|no phone support/i },
  { value: /quality|craft|durab|reliab/i, concept: /cheapest|bare.?bones|disposable|beta|experimental/i },
  { value: /value for money|afford|thrift|frugal|saving|budget|price/i, concept: /premium|luxury|exclusive|high.?end|deluxe/i },
];

export interface Audience {
  /** How the audience is named in words ("students"). */
  label: string;
  concept: RegExp;
  /** Whether the persona belongs, and the field that shows it. */
  belongs: (persona: Persona) => ProfileField | null;
}

const text = (p: Persona) => `${p.occupation} ${p.bio}`;

export const AUDIENCES: readonly Audience[] = [
  { label: 'students', concept: /\b(students?|campus|universit(y|ies)|college|undergrad(uate)?s?|freshers?)\b/i, belongs: (p) => (/student|universit|undergrad|campus/i.test(p.occupation) ? 'occupation' : null) },
  {
    label: 'parents',
    concept: /\b(parents?|famil(y|ies)|kids|children|mums?|moms?|dads?|toddlers?|babies)\b/i,
    belongs: (p) => (/\b(children|child|kids?|sons?|daughters?|boys|girls|baby|babies|newborn|toddler|teenagers?|raising|stepchildren|twins)\b/i.test(p.bio) ? 'household' : null),
  },
  { label: 'retirees', concept: /\b(retirees?|retired|seniors?|pensioners?|older (adults|people)|elderly|over.?(6\d|7\d)s?)\b/i, belongs: (p) => (/retired|pension/i.test(text(p)) || p.age >= 67 ? (/retired/i.test(p.occupation) ? 'occupation' : 'age') : null) },
  { label: 'businesses', concept: /\b(teams?|businesses|compan(y|ies)|enterprises?|b2b|procurement|employees|staff|smes?|manufacturers?|firms?|organi[sz]ations?)\b/i, belongs: (p) => (p.b2b ? 'b2b' : null) },
  { label: 'young people', concept: /\b(gen ?z|teens?|teenagers|young (people|adults)|under.?(25|30)s?)\b/i, belongs: (p) => (p.age < 30 ? 'age' : null) },
];

/** Words near a matched word that mean the concept removes the thing rather than brings it ("no plastic"). */
export const NEGATION = /\b(no|without|free of|free from|never|zero|instead of|replaces?|replacing|ditch(es|ing)?|avoid(s|ing)?|less|fewer|not)\b[^.,;]{0,25}$/i;
