/**
 * The run report's print CSS: the page box for A4 or US Letter with a running footer and page
 * numbers in the page's margin boxes (none on the cover), the accent colour as one variable, and
 * the styles of the cover, contents, summary, persona pages and appendix.
 */
import type { PaperSize } from '../../shared/vocabulary';

/** The page's size in millimetres: the cover is laid out to fill exactly one. */
export const PAPER_MM: Record<PaperSize, { width: number; height: number; css: string }> = {
  a4: { width: 210, height: 297, css: 'A4' },
  letter: { width: 215.9, height: 279.4, css: 'letter' },
};

export interface ReportStyle {
  accent: string;
  paper: PaperSize;
  /** The running footer's text, left of the page number. */
  footer: string;
}

/** The text on the accent colour: white on a dark accent, near-black on a light one (WCAG contrast). */
export function inkOn(accent: string): string {
  const [r, g, b] = [1, 3, 5].map((i) => parseInt(accent.slice(i, i + 2), 16) / 255).map((c) => (c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
  const luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  return (1.05 / (luminance + 0.05)) >= ((luminance + 0.05) / 0.05) ? '#ffffff' : '#15171c';
}

/** The accent as text on white: a light accent (yellow) is darkened until it reads. */
function textAccent(accent: string): string {
  return inkOn(accent) === '#ffffff' ? accent : `color-mix(in srgb, ${accent} 45%, black)`;
}

/** A CSS string literal of any text: every character outside plain ASCII letters, digits and spaces as an escape. */
export function cssString(text: string): string {
  return `"${[...text.replace(/\s+/g, ' ')].map((c) => (/[A-Za-z0-9 .,:;·()-]/.test(c) ? c : `\\${c.codePointAt(0)!.toString(16)} `)).join('')}"`;
}

export const FONT_STACK = `'Noto Sans', 'Noto Sans Arabic', 'Noto Sans SC', 'DejaVu Sans', 'WenQuanYi Zen Hei', 'Noto Color Emoji', sans-serif`;

export function reportCss({ accent, paper, footer }: ReportStyle): string {
  const size = PAPER_MM[paper];
  return `
:root { --accent: ${accent}; --accent-text: ${textAccent(accent)}; --on-accent: ${inkOn(accent)}; --accent-soft: color-mix(in srgb, ${accent} 10%, white); --ink: #1b1d22; --muted: #5d6270; --rule: #e3e1db; --soft: #f6f5f1; }
@page {
  size: ${size.css};
  margin: 17mm 17mm 20mm;
  @bottom-left { content: ${cssString(footer)}; font: 7.5pt ${FONT_STACK}; color: #7a7f8c; vertical-align: top; padding-top: 5mm; }
  @bottom-right { content: "Page " counter(page) " of " counter(pages); font: 7.5pt ${FONT_STACK}; color: #7a7f8c; vertical-align: top; padding-top: 5mm; white-space: nowrap; }
}
@page cover { margin: 0; @bottom-left { content: none; } @bottom-right { content: none; } }
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: ${FONT_STACK}; color: var(--ink); font-size: 9.5pt; line-height: 1.45; margin: 0; }
.page { break-after: page; }
.page:last-child { break-after: auto; }
h1, h2 { white-space: pre-wrap; }
h1 { font-size: 22pt; line-height: 1.15; margin: 0.2mm 0 5mm; font-weight: 700; letter-spacing: -0.01em; }
h2 { font-size: 14pt; line-height: 1.2; margin: 7mm 0 2.5mm; font-weight: 700; break-after: avoid; }
p { margin: 0 0 2.5mm; }
a { color: inherit; text-decoration: none; }
.label { font-size: 7.5pt; font-weight: 700; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); margin: 0 0 1.5mm; break-after: avoid; }
.kicker { font-size: 8pt; font-weight: 700; text-transform: uppercase; letter-spacing: 0.1em; color: var(--accent-text); margin: 0 0 2mm; }
.muted { color: var(--muted); }
.num { text-align: right; font-variant-numeric: tabular-nums; }
.section-title { border-bottom: 0.6mm solid var(--accent); padding-bottom: 2mm; }

/* Cover: one full page, no footer. */
.cover { page: cover; width: ${size.width}mm; height: ${size.height - 0.5}mm; display: flex; flex-direction: column; overflow: hidden; break-after: page; }
.cover-top { display: flex; justify-content: space-between; align-items: center; padding: 14mm 18mm 8mm; min-height: 36mm; }
.cover-top .logo { max-height: 18mm; max-width: 70mm; object-fit: contain; }
.cover-top .report-kind { font-size: 8.5pt; font-weight: 700; letter-spacing: 0.12em; text-transform: uppercase; color: var(--muted); margin: 0; }
.cover-band { background: var(--accent); color: var(--on-accent); padding: 18mm 18mm 16mm; min-height: 105mm; display: flex; flex-direction: column; justify-content: flex-end; }
.cover-band .workshop { font-size: 11pt; font-weight: 600; opacity: 0.9; margin: 0 0 4mm; letter-spacing: 0.02em; }
.cover-band h1 { font-size: 30pt; line-height: 1.1; margin: 0 0 5mm; max-width: 165mm; }
.cover-band .for { font-size: 12pt; margin: 0; opacity: 0.95; }
.cover-body { padding: 12mm 18mm 0; flex: 1; display: flex; flex-direction: column; }
.cover-body .brief { font-size: 12pt; line-height: 1.5; max-width: 160mm; color: #30333b; margin: 0 0 10mm; }
.cover-facts { display: grid; grid-template-columns: repeat(4, 1fr); gap: 5mm; margin: 0; border-top: 0.3mm solid var(--rule); padding-top: 6mm; }
.cover-facts div { min-width: 0; }
.cover-facts dt { font-size: 7.5pt; font-weight: 700; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); margin-bottom: 1mm; }
.cover-facts dd { margin: 0; font-size: 10.5pt; font-weight: 600; overflow-wrap: anywhere; }
.cover-more { display: grid; grid-template-columns: 1.4fr 1fr; gap: 10mm; margin-top: 10mm; }
.highlights, .holds { list-style: none; margin: 0; padding: 0; }
.highlights li { display: flex; align-items: baseline; gap: 3mm; padding: 2mm 0; border-bottom: 0.2mm solid var(--rule); font-size: 10.5pt; }
.highlights .count { flex: none; width: 16mm; font-weight: 700; color: var(--accent-text); font-variant-numeric: tabular-nums; }
.holds li { padding: 1.2mm 0; font-size: 10pt; color: #30333b; }
.cover-foot { margin-top: auto; padding: 0 0 14mm; font-size: 8pt; color: var(--muted); display: flex; justify-content: space-between; gap: 8mm; }

/* Contents. */
.toc { list-style: none; margin: 4mm 0 0; padding: 0; }
.toc li { break-inside: avoid; }
.toc a { display: grid; grid-template-columns: 1fr 12mm; align-items: baseline; gap: 3mm; padding: 1.6mm 0; border-bottom: 0.2mm solid var(--rule); }
.toc .title { overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.toc .l1 a { font-weight: 700; font-size: 11pt; padding-top: 3.5mm; }
.toc .l2 a { padding-left: 6mm; color: #30333b; }
.toc .page-no { text-align: right; font-variant-numeric: tabular-nums; color: var(--muted); }

/* Executive summary. */
.lead { font-size: 12pt; line-height: 1.5; color: #2a2d34; margin: 0 0 5mm; }
.tiles { display: grid; grid-template-columns: repeat(4, 1fr); gap: 3mm; margin: 0 0 2mm; }
.tile { background: var(--accent-soft); border-radius: 2mm; padding: 3mm 4mm; }
.tile .value { font-size: 16pt; font-weight: 700; color: var(--accent-text); line-height: 1.1; display: block; }
.tile .what { font-size: 8pt; color: var(--muted); }
.segments { display: grid; grid-template-columns: 1fr 1fr; gap: 3mm 8mm; margin: 2mm 0 1mm; }
.segment ul { list-style: none; margin: 0; padding: 0; }
.segment li { display: grid; grid-template-columns: 42mm 1fr 7mm; gap: 2mm; align-items: center; font-size: 8.5pt; margin-bottom: 0.8mm; }
.segment .what { overflow-wrap: anywhere; line-height: 1.25; }
.segment li.more { color: var(--muted); }
.segment li.more .what { grid-column: 1 / 3; }
.meter { height: 2.4mm; background: #eceae4; border-radius: 1.2mm; overflow: hidden; display: block; }
.meter span { display: block; height: 100%; background: var(--accent); border-radius: 1.2mm; }
table.themes { width: 100%; border-collapse: collapse; margin: 1mm 0 2mm; }
.themes th { text-align: left; font-size: 7.5pt; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); font-weight: 700; padding: 0 2mm 1.5mm 0; border-bottom: 0.3mm solid var(--rule); }
.themes td { vertical-align: top; padding: 2mm 2mm 2mm 0; border-bottom: 0.2mm solid var(--rule); }
.themes tr { break-inside: avoid; }
.themes .theme { width: 46mm; font-weight: 700; }
.themes .held { width: 30mm; }
.themes .held .count { font-size: 8.5pt; color: var(--muted); display: block; margin-top: 1mm; }
.themes .quote { font-style: italic; color: #30333b; }
.themes .quote .by { font-style: normal; color: var(--muted); font-size: 8.5pt; }
.kind { display: inline-block; font-size: 6.5pt; font-weight: 700; letter-spacing: 0.06em; text-transform: uppercase; border-radius: 1mm; padding: 0.3mm 1.2mm; margin-left: 1.5mm; vertical-align: 0.4mm; }
.kind.need { background: #e3f4e8; color: #1f6b3a; }
.kind.pain { background: #fde8e4; color: #a3301b; }
.more-themes { font-size: 8.5pt; color: var(--muted); margin: 0 0 2mm; }
.differences { margin: 0; padding-left: 4.5mm; }
.differences li { margin-bottom: 1.2mm; }
.implications { margin: 0; padding: 0; list-style: none; counter-reset: step; }
.implications li { counter-increment: step; position: relative; padding: 2.5mm 3mm 2.5mm 10mm; margin-bottom: 2mm; background: var(--soft); border-radius: 2mm; break-inside: avoid; }
.implications li::before { content: counter(step); position: absolute; left: 3mm; top: 2.3mm; font-weight: 700; color: var(--accent-text); }
.method { font-size: 8pt; color: var(--muted); margin-top: 5mm; border-top: 0.2mm solid var(--rule); padding-top: 2mm; }

/* The personas at a glance. */
table.glance { width: 100%; border-collapse: collapse; font-size: 9pt; margin-top: 2mm; }
.glance th, .glance td { text-align: left; padding: 1.6mm 2mm; border-bottom: 0.2mm solid var(--rule); vertical-align: top; }
.glance th { color: var(--muted); font-weight: 700; font-size: 7.5pt; text-transform: uppercase; letter-spacing: 0.06em; }
.glance tr { break-inside: avoid; }
.glance .who-cell { display: flex; align-items: center; gap: 2.5mm; }
.brief-full { margin: 0 0 5mm; white-space: pre-line; color: #30333b; }
.coverage { display: grid; grid-template-columns: 1fr 1fr; gap: 4mm 8mm; margin-bottom: 4mm; }

/* A persona's page. */
.persona-head { display: flex; gap: 5mm; align-items: center; margin-bottom: 4mm; }
.avatar { flex: none; width: 17mm; height: 17mm; border-radius: 50%; background: var(--accent); color: var(--on-accent); display: flex; align-items: center; justify-content: center; font-weight: 700; font-size: 15pt; letter-spacing: 0.02em; }
.avatar.small { width: 7mm; height: 7mm; font-size: 7pt; }
.persona-head h2 { margin: 0 0 1mm; font-size: 19pt; }
.persona-head .facts-line { margin: 0; color: var(--muted); font-size: 10pt; }
.chips { display: flex; flex-wrap: wrap; gap: 1.5mm; margin: 1.5mm 0 0; padding: 0; list-style: none; }
.chips li { background: var(--soft); border: 0.2mm solid var(--rule); border-radius: 3mm; padding: 0.4mm 2.2mm; font-size: 8pt; }
.persona-quote { margin: 0 0 4mm; padding: 3.5mm 5mm 3.5mm 12mm; background: var(--accent-soft); border-radius: 2mm; position: relative; font-size: 12.5pt; line-height: 1.4; font-style: italic; color: #22252b; }
.persona-quote::before { content: '“'; position: absolute; left: 3mm; top: -1mm; font-size: 30pt; font-style: normal; color: var(--accent-text); line-height: 1.2; }
.persona-quote:dir(rtl), .themes .quote :dir(rtl) { font-style: normal; }
.bio { margin: 0 0 4mm; color: #30333b; }
.blocks { display: grid; grid-template-columns: 1fr 1fr; gap: 3.5mm 6mm; margin-bottom: 4mm; }
.block { border-top: 0.6mm solid var(--accent); padding-top: 2mm; break-inside: avoid; }
.block ul { margin: 0; padding-left: 4mm; }
.block li { margin-bottom: 0.8mm; }
.block.wide { grid-column: 1 / -1; }
.block ul.chips { padding-left: 0; }
.persona .kicker { margin: 0 0 0.5mm; }
.culture { display: grid; grid-template-columns: repeat(4, 1fr); gap: 2.5mm 4mm; margin: 0 0 3mm; }
.culture div { break-inside: avoid; min-width: 0; }
.culture dt { font-size: 7pt; font-weight: 700; text-transform: uppercase; letter-spacing: 0.08em; color: var(--muted); margin-bottom: 0.5mm; }
.culture dd { margin: 0; font-size: 8.5pt; line-height: 1.35; }
.b2b { display: grid; grid-template-columns: 30mm 1fr; gap: 1mm 4mm; margin: 0 0 3mm; font-size: 9pt; }
.b2b dt { color: var(--muted); }
.b2b dd { margin: 0; }
.persona-foot { margin-top: 3mm; padding-top: 2mm; border-top: 0.2mm solid var(--rule); font-size: 7.5pt; color: var(--muted); break-inside: avoid; }
.persona-foot strong { color: #30333b; }

/* Appendix. */
.barcell { width: 55mm; }
.barcell .meter { width: 100%; }
.facts { display: grid; grid-template-columns: 38mm 1fr; gap: 1.5mm 5mm; margin: 0; }
.facts div { display: contents; }
.facts dt { color: var(--muted); }
.facts dd { margin: 0; }
.facts.small { font-size: 9pt; margin-top: 3mm; }
`;
}
