/**
 * What was asked of a run's personas in the text exports. Markdown: a section per interview, focus
 * group and concept test (the distribution as a table and a bar of blocks). JSON: the persona
 * document with the interviews, focus groups and concept tests under a top-level `asking` key; the
 * document schema (contracts/persona.schema.json) allows keys beside its own, so the export stays a
 * valid persona document for any reader that ignores them.
 */
import type { Answer } from '../../shared/conversations';
import type { PersonaDocument } from '../../shared/persona';
import type { RunConversations } from '../asking';

export function hasConversations(asked: RunConversations | undefined): asked is RunConversations {
  return asked !== undefined && asked.interviews.length + asked.focusGroups.length + asked.conceptTests.length > 0;
}

export function withConversations(document: PersonaDocument, asked: RunConversations | undefined): PersonaDocument & { asking?: RunConversations } {
  return hasConversations(asked) ? { ...document, asking: asked } : document;
}

export function askingMarkdown(asked: RunConversations): string[] {
  const lines: string[] = [];
  const said = (answer: Answer) => `${answer.text.trim() ? `“${answer.text.trim()}”` : '*No answer.*'}${answer.cut ? ` *(cut: ${answer.cutReason ?? 'stopped before its end'})*` : ''}${answer.source.engine === 'offline' ? '' : ` *(${answer.source.engine}${answer.source.model ? `, ${answer.source.model}` : ''})*`}`;
  if (asked.interviews.length) {
    lines.push('## Interviews', '', 'Offline answers are drawn from each persona’s profile and the brief only.', '');
    for (const interview of [...asked.interviews].reverse()) {
      lines.push(`### ${interview.title}`, '', `*With ${interview.personaName} · ${interview.turns} ${interview.turns === 1 ? 'question' : 'questions'}*`, '');
      for (const turn of interview.history) lines.push(`**Q:** ${turn.question}`, '', `**${interview.personaName}:** ${said(turn.answer)}`, '');
    }
  }
  if (asked.focusGroups.length) {
    lines.push('## Focus groups', '');
    for (const group of [...asked.focusGroups].reverse()) {
      const names = new Map(group.answers.map((a) => [a.personaId, a.personaName]));
      const people = (ids: readonly string[]) => ids.map((id) => names.get(id) ?? id).join(', ') || '—';
      lines.push(`### ${group.question}`, '', ...group.answers.map((a) => `- **${a.personaName}:** ${said(a.answer)}`), '');
      for (const theme of group.summary.themes) {
        lines.push(`**${theme.label}** (${people(theme.personaIds)})`, '', ...theme.quotes.map((q) => `> “${q.text}” — ${q.personaName}`), '');
      }
      lines.push(`Agree: ${people(group.summary.agree)} · Object: ${people(group.summary.object)}`, '');
    }
  }
  if (asked.conceptTests.length) {
    lines.push('## Concept tests', '');
    for (const test of [...asked.conceptTests].reverse()) {
      const { summary } = test;
      lines.push(`### ${test.concept.text}${test.concept.price ? ` (${test.concept.price})` : ''}`, '', `Mean likelihood ${summary.mean.toFixed(1)} of 5 from ${test.verdicts.length} personas.`, '');
      lines.push('| Likelihood | Personas | |', '| --- | --- | --- |', ...summary.distribution.map((n, i) => `| ${i + 1} | ${n} | ${'█'.repeat(n)} |`), '');
      if (summary.topReasons.length) lines.push('**Top reasons**', '', ...summary.topReasons.map((r) => `- ${r.text} (× ${r.count})`), '');
      if (summary.topObjections.length) lines.push('**Top objections**', '', ...summary.topObjections.map((r) => `- ${r.text} (× ${r.count})`), '');
      if (summary.segments.length) lines.push('**Segments that differ**', '', ...summary.segments.map((s) => `- ${s.label}: mean ${s.mean.toFixed(1)} (${s.personas} ${s.personas === 1 ? 'persona' : 'personas'})`), '');
      lines.push(...test.verdicts.map((v) => `- **${v.personaName}** (${v.likelihood}/5): ${[...v.reasons.map((r) => r.text), ...v.objections.map((o) => `but ${o.text}`)].join(' ') || '—'}${v.changeMind ? ` What would change their mind: ${v.changeMind}` : ''}`), '');
    }
  }
  return lines;
}
