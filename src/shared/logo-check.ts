/**
 * Whether a file may be a report's cover logo, decided once for both sides: the main process
 * enforces it before a logo is stored (or a bundle carrying one is imported), and Settings runs the
 * same rules on the file the user picks, so the error shows before anything is sent. Plain code (no
 * zod, no Node): the renderer bundles it.
 *
 * PNG and JPEG are recognised by their signatures, never by the file's name or declared type. SVG
 * is text that can carry code, so it is not cleaned but refused whole when it holds anything that
 * runs or reaches outside the file: scripts, foreignObject (HTML inside), event handler attributes,
 * links or styles that point anywhere but inside the file (embedded PNG/JPEG data excepted),
 * entity declarations (they can expand into markup), stylesheet processing instructions, animations that
 * set links. The report is printed with JavaScript off and no network, so this is a second wall,
 * not the only one; being strict here means a stored logo is safe wherever it is shown later.
 */
export const LOGO_MIME_TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'] as const;
export const MAX_LOGO_BYTES = 512 * 1024;

export type LogoMimeType = (typeof LOGO_MIME_TYPES)[number];

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
const JPEG_SIGNATURE = [0xff, 0xd8, 0xff];
const TYPE_NAMES: Record<LogoMimeType, string> = { 'image/png': 'PNG', 'image/jpeg': 'JPEG', 'image/svg+xml': 'SVG' };

function startsWith(bytes: Uint8Array, signature: readonly number[]): boolean {
  return bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);
}

/** What the bytes are by their content, whatever the file is called. */
export function sniffImage(bytes: Uint8Array): LogoMimeType | null {
  if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
  if (startsWith(bytes, JPEG_SIGNATURE)) return 'image/jpeg';
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*<svg[\s/>]/i.test(head) || /^<\?xml/i.test(head)) return 'image/svg+xml';
  return null;
}

/** Rules an SVG logo must pass; each says what was found, in words. */
const SVG_REFUSALS: ReadonlyArray<{ pattern: RegExp; why: string }> = [
  { pattern: /<\s*([\w-]+:)?script[\s/>]/i, why: 'it contains a script' },
  { pattern: /<\s*([\w-]+:)?foreignObject[\s/>]/i, why: 'it contains a foreignObject (HTML inside the SVG)' },
  { pattern: /<\s*([\w-]+:)?(iframe|embed|object|handler|listener)[\s/>]/i, why: 'it embeds other content' },
  { pattern: /(^|[\s"'/])on[a-z]+\s*=/i, why: 'it has an event handler attribute (such as onload)' },
  // A DOCTYPE naming the SVG DTD is harmless (browsers do not load it); an internal subset can declare entities that expand into markup.
  { pattern: /<!DOCTYPE[^>]*\[|<!ENTITY/i, why: 'it declares entities' },
  { pattern: /<\?xml-stylesheet/i, why: 'it links a stylesheet' },
  { pattern: /@import/i, why: 'its style imports another file' },
  { pattern: /javascript:/i, why: 'it contains a javascript: link' },
  { pattern: /image-set\s*\(/i, why: 'its style refers to other images (image-set)' },
  { pattern: /attributeName\s*=\s*["']?\s*([\w-]+:)?href/i, why: 'it animates a link' },
];
/** A link inside the file (#id) or an embedded PNG or JPEG; anything else reaches outside it. */
const LOCAL_REFERENCE = /^(#[\w.:-]*|data:image\/(png|jpeg);base64,[A-Za-z0-9+/=\s]*)$/i;

/**
 * The text with its numeric character references read ("&#106;" is "j"), as the XML parser reads
 * an attribute: an attributeName or a link spelled with them says the same thing. (Named entities
 * other than XML's five need a declaration, which is refused.)
 */
function withReferencesRead(text: string): string {
  const char = (code: number) => (code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '');
  return text.replace(/&#x([0-9a-f]{1,6});?/gi, (_, hex: string) => char(parseInt(hex, 16))).replace(/&#(\d{1,7});?/g, (_, dec: string) => char(Number(dec)));
}

/** Why an SVG's text cannot be a logo, or null when it can. */
export function svgRefusal(raw: string): string | null {
  if (!/<svg[\s/>]/i.test(raw)) return 'it is not an SVG image (no <svg> element)';
  const text = withReferencesRead(raw);
  for (const { pattern, why } of SVG_REFUSALS) if (pattern.test(raw)) return why;
  for (const { pattern, why } of SVG_REFUSALS) if (pattern.test(text)) return why;
  for (const match of text.matchAll(/(?:^|[\s"'/])(?:[\w-]+:)?(?:href|src)\s*=\s*("([^"]*)"|'([^']*)'|([^\s>]+))/gi)) {
    const target = (match[2] ?? match[3] ?? match[4] ?? '').trim();
    if (!LOCAL_REFERENCE.test(target)) return `it refers to something outside the file (${shorten(target)})`;
  }
  for (const match of text.matchAll(/url\(\s*(["']?)([^)"']*)\1\s*\)/gi)) {
    const target = (match[2] ?? '').trim();
    if (!LOCAL_REFERENCE.test(target)) return `its style refers to something outside the file (${shorten(target)})`;
  }
  return null;
}

function shorten(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text || 'an empty link';
}

/**
 * Why these bytes cannot be the logo of the given type, in a sentence that says what to do; null
 * when they can. The declared type must match the content: a JPEG named .png is refused.
 */
export function logoProblem(mimeType: LogoMimeType, bytes: Uint8Array): string | null {
  const kind = TYPE_NAMES[mimeType];
  if (bytes.length === 0) return 'The logo file is empty: choose a PNG, JPEG or SVG image.';
  if (bytes.length > MAX_LOGO_BYTES) return `The logo is ${Math.ceil(bytes.length / 1024)} KB; the most is ${MAX_LOGO_BYTES / 1024} KB: use a smaller image.`;
  const actual = sniffImage(bytes);
  if (mimeType === 'image/svg+xml') {
    if (actual === 'image/png' || actual === 'image/jpeg') return `The logo says it is an SVG but is a ${TYPE_NAMES[actual]} image: save it with a .${actual === 'image/png' ? 'png' : 'jpg'} name and choose it again.`;
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      return 'The logo is not an SVG image (it is not text): choose a PNG, JPEG or SVG image.';
    }
    const why = svgRefusal(text);
    return why ? `This SVG cannot be used as a logo: ${why}. Logos may hold only shapes, text and embedded images; export a plain SVG (or a PNG) and choose it again.` : null;
  }
  if (actual === mimeType) return null;
  if (actual) return `The logo's name says ${kind} but the file is a ${TYPE_NAMES[actual]} image: rename it (.${actual === 'image/png' ? 'png' : actual === 'image/jpeg' ? 'jpg' : 'svg'}) and choose it again.`;
  return `The logo is not a ${kind} image (its content does not start as a ${kind} file does; it may be damaged or renamed): choose a PNG, JPEG or SVG image.`;
}
