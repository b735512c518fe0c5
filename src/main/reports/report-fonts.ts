/**
 * The report's fonts, embedded so that a PDF prints the same on every machine and in every script:
 * Noto Sans (Latin, Cyrillic, Greek, Vietnamese), Noto Sans Arabic and Noto Sans SC, from the
 * @fontsource packages (dependencies, so the packaged app carries them). Each package's CSS splits
 * a weight into subsets by unicode-range; the report inlines, as data: URLs, only the subsets whose
 * range holds a character of the report's text that an earlier family in the stack does not already
 * cover (a Latin-only report carries Noto Sans' Latin subsets and nothing else). Emoji come from the
 * system's Noto Color Emoji (the CSS stack names it after these), like the DejaVu Sans and
 * WenQuanYi Zen Hei fallbacks. Files are read once and kept in memory.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/** The families in the order of the template's font stack, each with the weights it is embedded in. */
export const REPORT_FONT_FAMILIES = [
  { family: 'Noto Sans', packageName: '@fontsource/noto-sans', weights: [400, 600, 700] },
  { family: 'Noto Sans Arabic', packageName: '@fontsource/noto-sans-arabic', weights: [400, 700] },
  { family: 'Noto Sans SC', packageName: '@fontsource/noto-sans-sc', weights: [400, 700] },
] as const;

/** One @font-face of a fontsource CSS file: a subset of one weight. */
export interface FontSubset {
  family: string;
  weight: number;
  style: string;
  /** The subset's name as the CSS comment gives it ("noto-sans-latin-400-normal"). */
  name: string;
  /** The woff2 file's absolute path. */
  file: string;
  /** Inclusive code point ranges, sorted. */
  ranges: ReadonlyArray<readonly [number, number]>;
}

export interface ReportFonts {
  /** @font-face rules with the fonts as data: URLs, for ReportInput.fontFaces. */
  css: string;
  /** The subsets chosen, for tests and the benchmark. */
  subsets: FontSubset[];
  /** The bytes of the woff2 files inlined. */
  bytes: number;
}

const require = createRequire(import.meta.url);
let catalogue: FontSubset[][] | undefined;
const dataUrls = new Map<string, string>();

/** The @font-face rules for the subsets `text` needs, fonts inlined. */
export function reportFontFaces(text: string): ReportFonts {
  const subsets = chooseSubsets(codePointsOf(text));
  let bytes = 0;
  const css = subsets
    .map((subset) => {
      const url = dataUrlOf(subset.file);
      bytes += (url.length - DATA_URL_PREFIX.length) * 0.75;
      return `@font-face{font-family:'${subset.family}';font-style:${subset.style};font-weight:${subset.weight};font-display:block;src:url(${url}) format('woff2');unicode-range:${subset.ranges.map(rangeText).join(',')}}`;
    })
    .join('\n');
  return { css, subsets, bytes: Math.round(bytes) };
}

/**
 * The subsets to embed for these code points: each family in stack order takes the subsets (in every
 * weight it is embedded in) that hold a code point no earlier family covers.
 */
export function chooseSubsets(codePoints: ReadonlySet<number>): FontSubset[] {
  let remaining = [...codePoints].sort((a, b) => a - b);
  const chosen: FontSubset[] = [];
  for (const familySubsets of fontCatalogue()) {
    const taken = familySubsets.filter((subset) => remaining.some((c) => covers(subset.ranges, c)));
    chosen.push(...taken);
    remaining = remaining.filter((c) => !taken.some((subset) => covers(subset.ranges, c)));
  }
  return chosen;
}

/** Every subset of every family and weight, read from the packages' CSS once. */
export function fontCatalogue(): FontSubset[][] {
  catalogue ??= REPORT_FONT_FAMILIES.map(({ family, packageName, weights }) => {
    const folder = packageFolder(packageName);
    return weights.flatMap((weight) => parseFontsourceCss(fs.readFileSync(path.join(folder, `${weight}.css`), 'utf8'), folder).filter((s) => s.family === family && s.weight === weight));
  });
  return catalogue;
}

/** The folder an installed package lives in, found the way Node finds it from this file (so from out/main as from src). */
export function packageFolder(packageName: string): string {
  try {
    return path.dirname(require.resolve(`${packageName}/package.json`));
  } catch {
    throw new Error(`The report's fonts need the package ${packageName}: run npm install.`);
  }
}

/** The @font-face rules of a fontsource CSS file: family, weight, style, the woff2 file and the unicode-range. */
export function parseFontsourceCss(css: string, folder: string): FontSubset[] {
  const faces: FontSubset[] = [];
  for (const match of css.matchAll(/(?:\/\*\s*([^*]+?)\s*\*\/\s*)?@font-face\s*\{([^}]*)\}/g)) {
    const body = match[2]!;
    const field = (name: string) => new RegExp(`${name}\\s*:\\s*([^;]+);`).exec(body)?.[1]?.trim();
    const family = field('font-family')?.replace(/^['"]|['"]$/g, '');
    const woff2 = /url\(\s*['"]?([^'")]+\.woff2)['"]?\s*\)/.exec(body)?.[1];
    const range = field('unicode-range');
    if (!family || !woff2) continue;
    faces.push({
      family,
      weight: Number(field('font-weight') ?? 400),
      style: field('font-style') ?? 'normal',
      name: match[1] ?? path.basename(woff2, '.woff2'),
      file: path.resolve(folder, woff2),
      ranges: range ? parseUnicodeRange(range) : [[0, 0x10ffff]],
    });
  }
  return faces;
}

/** CSS unicode-range ("U+0000-00FF,U+0131,U+4??") as sorted inclusive ranges. */
export function parseUnicodeRange(text: string): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  for (const part of text.split(',')) {
    const m = /^\s*U\+([0-9a-f?]+)(?:-([0-9a-f]+))?\s*$/i.exec(part);
    if (!m) continue;
    const from = m[1]!;
    if (from.includes('?')) ranges.push([parseInt(from.replace(/\?/g, '0'), 16), parseInt(from.replace(/\?/g, 'f'), 16)]);
    else ranges.push([parseInt(from, 16), parseInt(m[2] ?? from, 16)]);
  }
  ranges.sort((a, b) => a[0] - b[0]);
  // Merged where they touch or overlap, so that a binary search finds a code point.
  const merged: Array<[number, number]> = [];
  for (const range of ranges) {
    const last = merged.at(-1);
    if (last && range[0] <= last[1] + 1) last[1] = Math.max(last[1], range[1]);
    else merged.push(range);
  }
  return merged;
}

/** The distinct code points of a text. */
export function codePointsOf(text: string): Set<number> {
  const points = new Set<number>();
  for (const char of text) points.add(char.codePointAt(0)!);
  return points;
}

function covers(ranges: FontSubset['ranges'], codePoint: number): boolean {
  let lo = 0;
  let hi = ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [from, to] = ranges[mid]!;
    if (codePoint < from) hi = mid - 1;
    else if (codePoint > to) lo = mid + 1;
    else return true;
  }
  return false;
}

const DATA_URL_PREFIX = 'data:font/woff2;base64,';

function dataUrlOf(file: string): string {
  let url = dataUrls.get(file);
  if (url === undefined) {
    url = DATA_URL_PREFIX + fs.readFileSync(file).toString('base64');
    dataUrls.set(file, url);
  }
  return url;
}

const hex = (n: number) => n.toString(16).toUpperCase().padStart(4, '0');
const rangeText = ([from, to]: readonly [number, number]) => (from === to ? `U+${hex(from)}` : `U+${hex(from)}-${hex(to)}`);
