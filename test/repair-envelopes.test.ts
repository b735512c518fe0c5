/**
 * Model API responses pasted whole (issue 22): the personas are read from the answer inside the
 * envelope (its text or its tool-call arguments), never from the envelope's own keys; and a name
 * that is an archetype title is marked as one in the persona's meta.
 */
import { describe, expect, it } from 'vitest';
import { repairPersonaDocument } from '../src/main/validation/repair-persona-document';
import { DOCUMENT_SCHEMAS } from '../src/shared/persona';

const PERSONAS = [
  { name: 'Nomvula Dlamini', age: 35, occupation: 'Teacher', city: 'Durban', goals: ['Plan lessons offline'] },
  { name: 'Pieter van Wyk', age: 62, occupation: 'Farmer', city: 'Graaff-Reinet', goals: ['Check wool prices'] },
];
const MARKDOWN = '## Mira Koval\n- Age: 38\n- Occupation: Nurse\n- City: Kyiv\n\n## Denys Bondar\n- Age: 25\n- Occupation: Barista\n- City: Lviv';

const names = (raw: unknown) => repairPersonaDocument(raw, { level: 'standard' }).document.personas.map((p) => p.name);

describe('model API envelopes', () => {
  it('reads OpenAI tool-call arguments given as a JSON string', () => {
    const raw = JSON.stringify({ id: 'chatcmpl-1', choices: [{ index: 0, message: { role: 'assistant', content: null, tool_calls: [{ id: 'call_1', type: 'function', function: { name: 'save_personas', arguments: JSON.stringify({ personas: PERSONAS }) } }] } }] });
    const result = repairPersonaDocument(raw, { level: 'standard' });
    expect(result.document.personas.map((p) => p.name)).toEqual(['Nomvula Dlamini', 'Pieter van Wyk']);
    expect(result.report.issues.some((i) => i.how?.includes('tool-call arguments'))).toBe(true);
  });

  it('reads Anthropic tool_use input, not the block id and tool name', () => {
    const raw = { id: 'msg_1', type: 'message', role: 'assistant', content: [{ type: 'text', text: 'Saving them now.' }, { type: 'tool_use', id: 'toolu_1', name: 'record_personas', input: { personas: PERSONAS } }] };
    expect(names(raw)).toEqual(['Nomvula Dlamini', 'Pieter van Wyk']);
    expect(names(JSON.stringify(raw))).toEqual(['Nomvula Dlamini', 'Pieter van Wyk']);
  });

  it('reads Gemini functionCall args and text parts', () => {
    const call = { candidates: [{ content: { role: 'model', parts: [{ functionCall: { name: 'save', args: { personas: PERSONAS } } }] } }] };
    expect(names(JSON.stringify(call))).toEqual(['Nomvula Dlamini', 'Pieter van Wyk']);
    const text = { candidates: [{ content: { role: 'model', parts: [{ text: MARKDOWN }] } }] };
    expect(names(JSON.stringify(text))).toEqual(['Mira Koval', 'Denys Bondar']);
  });

  it('reads Markdown message content, the Responses API, Ollama and a chat transcript', () => {
    expect(names(JSON.stringify({ choices: [{ message: { role: 'assistant', content: MARKDOWN } }] }))).toEqual(['Mira Koval', 'Denys Bondar']);
    expect(names(JSON.stringify({ id: 'resp_1', object: 'response', output: [{ type: 'function_call', name: 'save', arguments: JSON.stringify(PERSONAS) }] }))).toEqual(['Nomvula Dlamini', 'Pieter van Wyk']);
    expect(names(JSON.stringify({ model: 'llama3', message: { role: 'assistant', content: MARKDOWN }, done: true }))).toEqual(['Mira Koval', 'Denys Bondar']);
    expect(names(JSON.stringify([{ role: 'user', content: 'Two personas please, like Ana Reyes, 30' }, { role: 'assistant', content: MARKDOWN }]))).toEqual(['Mira Koval', 'Denys Bondar']);
  });

  it('leaves a persona with a role and content of its own alone', () => {
    const persona = { name: 'Ana Reyes', age: 30, role: 'Product manager', city: 'Lima', content: 'Writes a newsletter' };
    expect(names(JSON.stringify({ personas: [persona] }))).toEqual(['Ana Reyes']);
  });
});

describe('archetype names', () => {
  it('marks a role title kept as the name, reports it, and still validates', () => {
    const raw = JSON.stringify({ personas: [{ title: 'The Road Warrior', age: 40, description: 'Flies every week.', goals: ['Rebook fast'] }, { name: 'Kenta Ishikawa', title: 'The Market Grower', age: 45, occupation: 'Organic farmer', city: 'Nagano' }] });
    const result = repairPersonaDocument(raw, { level: 'standard' });
    const [road, kenta] = result.document.personas;
    expect(road!.name).toBe('The Road Warrior');
    expect(road!.meta?.nameKind).toBe('archetype');
    expect(kenta!.meta?.nameKind).toBeUndefined();
    // Beside a personal name the title labels the archetype; the job is the stated one.
    expect(kenta!.occupation).toBe('Organic farmer');
    expect(result.report.issues.some((i) => i.how?.includes('no personal name for "The Road Warrior"'))).toBe(true);
    expect(DOCUMENT_SCHEMAS.standard.safeParse(result.document).success).toBe(true);
  });

  it('marks archetype headings in Markdown and leaves personal names unmarked', () => {
    const raw = '## The Weekend Warrior\n- Age: 41\n- Occupation: Accountant\n- City: Leeds\n\n## Sarah Chen — The Busy Founder\n- Age: 34\n- Occupation: Founder\n- City: Austin';
    const personas = repairPersonaDocument(raw, { level: 'simple' }).document.personas;
    expect(personas.map((p) => [p.name, p.meta?.nameKind])).toEqual([
      ['The Weekend Warrior', 'archetype'],
      ['Sarah Chen', undefined],
    ]);
  });
});
