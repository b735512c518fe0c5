/**
 * The branding card's plain helpers: a picked logo file checked (type, size, content, by the rules
 * the main process enforces: shared/logo-check.ts) and read into base64; the cover preview's HTML
 * turned into the document a sandboxed frame shows.
 */
import { LOGO_MIME_TYPES, MAX_LOGO_BYTES, logoProblem } from '../../../shared/logo-check';
import type { WorkshopLogo } from '../../../shared/workshop';
import type { PaperSize } from '../../../shared/vocabulary';

export const LOGO_ACCEPT = 'image/png,image/jpeg,image/svg+xml,.png,.jpg,.jpeg,.svg';

const BY_EXTENSION: Record<string, WorkshopLogo['mimeType']> = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', svg: 'image/svg+xml' };

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** A hex colour as typed ("#AbC123", "abc123") in the stored form, or null when it is not one. */
export function normalAccent(text: string): string | null {
  const trimmed = text.trim().toLowerCase();
  const hex = trimmed.startsWith('#') ? trimmed : `#${trimmed}`;
  return /^#[0-9a-f]{6}$/.test(hex) ? hex : null;
}

/** The logo a file holds, or why it cannot be one (a sentence that says what to do). */
export async function readLogoFile(file: File): Promise<{ logo: WorkshopLogo } | { error: string }> {
  const extension = /\.([a-z0-9]+)$/i.exec(file.name)?.[1]?.toLowerCase() ?? '';
  const mimeType = (LOGO_MIME_TYPES as readonly string[]).includes(file.type) ? (file.type as WorkshopLogo['mimeType']) : BY_EXTENSION[extension];
  if (!mimeType) return { error: `${file.name} is not a PNG, JPEG or SVG image: choose one of those.` };
  if (file.size > MAX_LOGO_BYTES) return { error: `${file.name} is ${Math.ceil(file.size / 1024)} KB; a logo may be at most ${MAX_LOGO_BYTES / 1024} KB: use a smaller image.` };
  const bytes = new Uint8Array(await file.arrayBuffer());
  const problem = logoProblem(mimeType, bytes);
  if (problem) return { error: problem.replace(/^The logo/, file.name) };
  return { logo: { mimeType, base64: bytesToBase64(bytes) } };
}

export function logoUrl(logo: WorkshopLogo): string {
  return `data:${logo.mimeType};base64,${logo.base64}`;
}

/** A page's size in CSS pixels (96 per inch). */
export const PAPER_PX: Record<PaperSize, { width: number; height: number }> = {
  a4: { width: 794, height: 1123 },
  letter: { width: 816, height: 1056 },
};

/**
 * The cover's HTML as an image the page can show. Not a frame: a frame's srcdoc inherits this page's
 * CSP, which allows no inline style (the cover's CSS is inline), and a frame sandboxed without
 * scripts stalls the axe checks every Settings test runs (they wait for a script context it never
 * gets). As an image (its HTML, as XHTML, inside an SVG's foreignObject, a data: URL, which img-src
 * allows) the cover runs no script, loads nothing from outside, cannot navigate, and its styles are
 * its own, so the page's CSP stays as strict as it was. The core draws the cover at the saved
 * paper size, so `paper` should be the saved one.
 */
export function coverImageUrl(html: string, paper: PaperSize): string {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  for (const element of parsed.querySelectorAll('script, iframe, object, embed')) element.remove();
  const page = parsed.createElement('style');
  // The cover is a whole page of its own (no @page margins); a screen only needs its paper white.
  page.textContent = 'html { background: #fff; }';
  parsed.head.append(page);
  const { width, height } = PAPER_PX[paper];
  const xhtml = new XMLSerializer().serializeToString(parsed.documentElement);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><foreignObject x="0" y="0" width="${width}" height="${height}">${xhtml}</foreignObject></svg>`;
  return `data:image/svg+xml;base64,${bytesToBase64(new TextEncoder().encode(svg))}`;
}
