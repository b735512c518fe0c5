/**
 * The personas in the report: an overview (coverage and a table of everyone) and a one-page profile
 * per persona: who they are with an initials avatar, their quote, goals, pain points, behaviours and
 * channels as labelled blocks, the cultural profile in compact groups, and the fit to the brief in a
 * small footer. The internal report adds where each persona came from and what was repaired.
 */
import { ageBandCounts, tally } from '../../shared/coverage';
import { initialsOf } from '../../shared/initials';
import type { Brief, Persona } from '../../shared/persona';
import { CATEGORY_LABELS, CULTURAL_CATEGORIES, type ReportTemplate } from '../../shared/vocabulary';
import { escape } from './html-escape';
import { engineName } from './report-appendix';
import { briefCutOnCover } from './report-cover';

export const PERSONAS_TITLE = 'The personas';
export const personaAnchor = (index: number) => `persona-${index + 1}`;

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

export function personasOverview(personas: readonly Persona[], brief: Brief, lang: string | null): string {
  const bands = ageBandCounts(personas, brief.ageRange).map((b) => [b.label, b.count] as const);
  return `<section class="page overview" id="personas">
  <h1 class="section-title">${PERSONAS_TITLE}</h1>
  ${briefCutOnCover(brief.description) ? `<p class="label">The brief</p><p class="brief-full" dir="auto">${escape(brief.description)}</p>` : ''}
  <div class="coverage">
    ${bars('Ages', bands, personas.length)}
    ${bars('Places', tally(personas.map((p) => `${p.location.city}, ${p.location.country}`)), personas.length)}
  </div>
  <table class="glance"${lang ? ` lang="${escape(lang)}"` : ''}>
    <thead><tr><th>Persona</th><th>Age</th><th>Occupation</th><th>Place</th><th>Income</th></tr></thead>
    <tbody>${personas
      .map(
        (p, i) =>
          `<tr><td><a class="who-cell" href="#${personaAnchor(i)}"><span class="avatar small" aria-hidden="true">${escape(initialsOf(p.name))}</span>${escape(p.name)}</a></td><td>${p.age}</td><td>${escape(p.occupation)}</td><td>${escape(p.location.city)}, ${escape(p.location.country)}</td><td>${p.incomeBracket ? escape(capitalised(p.incomeBracket)) : '—'}</td></tr>`,
      )
      .join('')}</tbody>
  </table>
</section>`;
}

export function personaPage(p: Persona, index: number, total: number, template: ReportTemplate, lang: string | null): string {
  const place = [p.location.city, p.location.region, p.location.country].filter((part, i, all) => part && all.indexOf(part) === i).join(', ');
  const chips = [p.gender ? capitalised(p.gender) : null, p.incomeBracket ? `${capitalised(p.incomeBracket)} income` : null, p.education ?? null].filter((c): c is string => Boolean(c));
  return `<section class="page persona" id="${personaAnchor(index)}"${lang ? ` lang="${escape(lang)}"` : ''}>
  <div class="persona-head">
    <div class="avatar" aria-hidden="true">${escape(initialsOf(p.name))}</div>
    <div>
      <p class="kicker">Persona ${index + 1} of ${total}</p>
      <h2 dir="auto">${escape(p.name)}</h2>
      <p class="facts-line">${p.age} · ${escape(p.occupation)} · ${escape(place)}</p>
      ${chips.length ? `<ul class="chips">${chips.map((c) => `<li>${escape(c)}</li>`).join('')}</ul>` : ''}
    </div>
  </div>
  ${p.quote ? `<blockquote class="persona-quote" dir="auto">${escape(p.quote)}</blockquote>` : ''}
  <p class="bio" dir="auto">${escape(p.bio)}</p>
  <div class="blocks">
    ${block('Goals', p.goals)}
    ${block('Pain points', p.painPoints)}
    ${block('Behaviours and interests', p.interests)}
    ${p.channels?.length ? block('Channels', p.channels) : p.values?.length ? block('Values', p.values) : ''}
    ${p.channels?.length && p.values?.length ? `<div class="block wide"><p class="label">Values</p><ul class="chips">${p.values.map((v) => `<li>${escape(v)}</li>`).join('')}</ul></div>` : ''}
  </div>
  ${p.b2b ? b2b(p.b2b) : ''}
  ${culture(p)}
  ${footer(p, template)}
</section>`;
}

function block(title: string, items: readonly string[]): string {
  return `<div class="block"><p class="label">${escape(title)}</p><ul>${items.map((i) => `<li dir="auto">${escape(i)}</li>`).join('')}</ul></div>`;
}

function b2b(role: NonNullable<Persona['b2b']>): string {
  const rows: Array<[string, string]> = [
    ['Role', role.role],
    ['Industry', role.industry],
    ['Company size', `${role.companySize} employees`],
    ['In the purchase', capitalised(role.decisionPower.replace('-', ' '))],
    ['Buying criteria', role.buyingCriteria.join(' · ')],
    ...(role.objections?.length ? [['Objections', role.objections.join(' · ')] as [string, string]] : []),
  ];
  return `<p class="label">At work</p><dl class="b2b">${rows.map(([k, v]) => `<dt>${escape(k)}</dt><dd>${escape(v)}</dd>`).join('')}</dl>`;
}

function culture(p: Persona): string {
  const profile = p.culturalProfile;
  if (!profile) return '';
  const groups = CULTURAL_CATEGORIES.filter((c) => profile[c].length > 0);
  if (groups.length === 0) return '';
  return `<p class="label">Cultural profile</p><dl class="culture">${groups.map((c) => `<div><dt>${CATEGORY_LABELS[c]}</dt><dd dir="auto">${profile[c].slice(0, 4).map(escape).join(' · ')}</dd></div>`).join('')}</dl>`;
}

/** The fit to the brief, small; the internal report adds where the persona came from and what was repaired. */
function footer(p: Persona, template: ReportTemplate): string {
  const meta = p.meta;
  const score = meta?.qualityScore;
  const reasons = meta?.qualityReasons ?? [];
  const fit = score === undefined ? '' : `<strong>Fit to the brief ${Math.round(score)}/100</strong>${reasons.length ? ` · ${reasons.map(escape).join(' · ')}` : ''}`;
  const internal =
    template === 'internal'
      ? [
          meta?.source ? `Written by ${escape(engineName(meta.source))}` : '',
          meta?.repaired?.length ? `repaired: ${meta.repaired.map(escape).join(', ')}` : '',
          meta?.filled?.length ? `filled: ${meta.filled.map(escape).join(', ')}` : '',
        ].filter(Boolean)
      : [];
  if (!fit && internal.length === 0) return '';
  return `<p class="persona-foot">${[fit, internal.join(' · ')].filter(Boolean).join('<br>')}</p>`;
}

function bars(title: string, rows: ReadonlyArray<readonly [string, number]>, total: number): string {
  return `<figure class="segment" style="margin:0"><p class="label">${escape(title)}</p><ul>${rows
    .slice(0, 8)
    .map(([label, n]) => `<li><span class="what">${escape(label)}</span><span class="meter"><span style="width:${total ? (n / total) * 100 : 0}%"></span></span><span class="num">${n}</span></li>`)
    .join('')}</ul></figure>`;
}
