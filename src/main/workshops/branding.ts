/**
 * A workshop's report branding as app.db keeps it: the accent (#rrggbb) and the cover's logo (its
 * type and bytes). Every logo is checked before it is stored, by the rules Settings also runs
 * (shared/logo-check.ts): PNG and JPEG by their signatures, SVG refused when it holds scripts,
 * foreignObject, event handlers or references outside itself.
 */
import { logoProblem } from '../../shared/logo-check';
import { accentSchema, type WorkshopLogo } from '../../shared/workshop';
import { AppError } from '../platform';

/** A change of branding: a value sets it, null removes it, absent leaves it. */
export interface BrandingChange {
  accent?: string | null | undefined;
  logo?: WorkshopLogo | null | undefined;
}

/** A logo as stored: its type and bytes. */
export interface StoredLogo {
  mimeType: WorkshopLogo['mimeType'];
  bytes: Buffer;
}

/** The accent as stored (lower case #rrggbb), or an AppError on field `accent`. */
export function checkedAccent(accent: string): string {
  const parsed = accentSchema.safeParse(accent);
  if (!parsed.success) throw new AppError('invalid_request', `The accent colour ${parsed.error.issues[0]!.message}.`, 'accent');
  return parsed.data;
}

/** The logo's bytes once they pass the checks, or an AppError on field `logo` saying what is wrong and what to do. */
export function checkedLogo(logo: WorkshopLogo): StoredLogo {
  const bytes = Buffer.from(logo.base64, 'base64');
  const problem = logoProblem(logo.mimeType, bytes);
  if (problem) throw new AppError('invalid_request', problem, 'logo');
  return { mimeType: logo.mimeType, bytes };
}

export function toWorkshopLogo(stored: StoredLogo): WorkshopLogo {
  return { mimeType: stored.mimeType, base64: stored.bytes.toString('base64') };
}
