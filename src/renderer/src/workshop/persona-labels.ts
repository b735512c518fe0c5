/** The words the workshop shows for the persona document's keys and values: never a raw key, id or JSON pointer. */
import { CATEGORY_LABELS, type Level } from '../../../shared/vocabulary';
import { engineLabel } from '../ui/labels';

/** Every key of a persona, its location, B2B profile and meta, in the order All fields lists them. */
const FIELD_LABELS: Record<string, string> = {
  name: 'Name',
  age: 'Age',
  gender: 'Gender',
  location: 'Location',
  city: 'City',
  region: 'Region',
  country: 'Country',
  occupation: 'Occupation',
  incomeBracket: 'Income',
  education: 'Education',
  bio: 'Bio',
  quote: 'Quote',
  goals: 'Goals',
  painPoints: 'Pain points',
  values: 'Values',
  interests: 'Interests',
  channels: 'Channels',
  culturalProfile: 'Cultural profile',
  ...CATEGORY_LABELS,
  b2b: 'Business profile',
  role: 'Role',
  industry: 'Industry',
  companySize: 'Company size',
  decisionPower: 'Decision power',
  buyingCriteria: 'Buying criteria',
  objections: 'Objections',
  meta: 'About this persona',
  source: 'Written by',
  qualityScore: 'Quality score',
  repaired: 'Repaired fields',
  filled: 'Filled fields',
  generatedAt: 'Generated',
};

const FIELD_ORDER = Object.keys(FIELD_LABELS);

/** A key the label map does not know (a provider's extra field): "favouriteColour" reads "Favourite colour". */
function humanize(key: string): string {
  const words = key
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/[_-]+/g, ' ')
    .trim()
    .toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function fieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? humanize(key);
}

/** Known keys in the label map's order, then the others as they came. */
export function byFieldOrder(a: string, b: string): number {
  const rank = (key: string) => {
    const index = FIELD_ORDER.indexOf(key);
    return index === -1 ? FIELD_ORDER.length : index;
  };
  return rank(a) - rank(b);
}

/** Ids mean nothing to a reader: All fields leaves out `id`, `…Id` keys and UUID values. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
export function isIdField(key: string, value: unknown): boolean {
  return key === 'id' || /.Id$/.test(key) || (typeof value === 'string' && UUID.test(value));
}

/** A repair's JSON pointer as the field it names: "/culturalProfile/tv" reads "TV", "/goals/2" reads "Goals". */
function pointerLabel(pointer: string): string {
  const keys = pointer.split('/').filter((key) => key !== '' && !/^\d+$/.test(key));
  return fieldLabel(keys.at(-1) ?? 'persona');
}

/** The fields named by repair pointers, once each: ["/interests", "/goals/1", "/goals/2"] gives ["Interests", "Goals"]. */
export function pointerLabels(pointers: readonly string[]): string[] {
  return [...new Set(pointers.map(pointerLabel))];
}

/** "Interests, quote, TV": labels inside a sentence, lower case unless they are an abbreviation. */
export function inSentence(labels: readonly string[]): string {
  return labels.map((label) => (label === label.toUpperCase() ? label : label.toLowerCase())).join(', ');
}

const capitalized = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export const LEVEL_LABELS: Record<Level, string> = { simple: 'Simple', standard: 'Standard', b2b: 'B2B' };

function companySizeLabel(size: string): string {
  return `${size.replace('-', '–')} employees`;
}

/** A scalar value of the field `key`, as a reader would write it. */
export function fieldValueText(key: string, value: string | number | boolean): string {
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'number') return key === 'qualityScore' ? String(Math.round(value)) : String(value);
  switch (key) {
    case 'generatedAt': {
      const date = new Date(value);
      return Number.isNaN(date.getTime()) ? value : date.toLocaleString();
    }
    case 'source':
      return engineLabel(value);
    case 'companySize':
      return companySizeLabel(value);
    case 'gender':
    case 'incomeBracket':
    case 'decisionPower':
      return capitalized(value);
    default:
      return value;
  }
}
