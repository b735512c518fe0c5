/**
 * A .docx as Markdown-like text for repair. mammoth reads the document (its Markdown output is
 * deprecated), so its HTML is turned into the few Markdown marks the persona reader needs:
 * headings split personas, list items and bold labels carry fields. Everything else is plain text.
 */
import mammoth from 'mammoth';
import { refuse } from './refuse';

export async function docxText(bytes: Uint8Array, name: string): Promise<string> {
  let html: string;
  try {
    html = (await mammoth.convertToHtml({ buffer: Buffer.from(bytes) })).value;
  } catch (error) {
    throw refuse(`${name} could not be read as a Word document (${(error as Error).message.split('\n')[0]}); open it in Word or LibreOffice, save it again as .docx, or paste its text`);
  }
  const text = htmlToMarkdown(html);
  if (text.trim() === '') throw refuse(`${name} holds no text; choose the document that describes the personas, or paste its text`);
  return text;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

function htmlToMarkdown(html: string): string {
  return html
    .replace(/<h([1-6])[^>]*>/gi, (_, level: string) => `\n\n${'#'.repeat(Number(level))} `)
    .replace(/<\/h[1-6]>/gi, '\n\n')
    .replace(/<li[^>]*>/gi, '\n- ')
    .replace(/<\/(?:li|ul|ol)>/gi, '\n')
    .replace(/<\/?(?:strong|b)>/gi, '**')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/p>|<\/tr>/gi, '\n\n')
    .replace(/<\/t[dh]>/gi, ' | ')
    .replace(/<[^>]+>/g, '')
    .replace(/&(#\d+|#x[0-9a-f]+|[a-z]+);/gi, (whole, code: string) => {
      if (code.startsWith('#x')) return String.fromCodePoint(parseInt(code.slice(2), 16));
      if (code.startsWith('#') && code !== '#39') return String.fromCodePoint(Number(code.slice(1)));
      return ENTITIES[code.toLowerCase()] ?? whole;
    })
    .replace(/\*\*\s*\*\*/g, '')
    .replace(/[ \t]+\n/g, '\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
