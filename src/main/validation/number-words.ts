/** Spelled-out whole numbers up to 99 in English ("thirty-four", "Forty two"), for ages. */

const UNITS = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];

const PATTERN = new RegExp(`\\b(?:(${TENS.slice(2).join('|')})(?:[\\s-]+(${UNITS.slice(1, 10).join('|')}))?|(${UNITS.join('|')}))\\b`, 'i');

/** The first spelled-out number in a text, or undefined. */
export function parseNumberWords(text: string): number | undefined {
  const m = PATTERN.exec(text);
  if (!m) return undefined;
  if (m[3]) return UNITS.indexOf(m[3].toLowerCase());
  const tens = TENS.indexOf(m[1]!.toLowerCase()) * 10;
  return tens + (m[2] ? UNITS.indexOf(m[2].toLowerCase()) : 0);
}
